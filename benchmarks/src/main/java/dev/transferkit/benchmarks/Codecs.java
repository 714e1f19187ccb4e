package dev.transferkit.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.transferkit.benchmarks.baseline.CircleBaseline;
import dev.transferkit.benchmarks.baseline.CirclePayoutHandWrittenAdapter;
import dev.transferkit.benchmarks.baseline.StreambirdBaseline;
import dev.transferkit.benchmarks.baseline.StreambirdHandWrittenAdapter;
import dev.transferkit.benchmarks.baseline.WyreBaseline;
import dev.transferkit.core.internal.Json;
import dev.transferkit.core.internal.JsonCodecs;
import java.io.IOException;
import java.math.BigDecimal;
import okio.Buffer;

/**
 * The three JSON paths under comparison, built once. The benchmarks and the correctness test call
 * exactly these.
 *
 * <ul>
 *   <li><b>ours</b>: the generated, reflection-free Moshi adapters ({@code
 *       JsonReader.Options}/{@code selectName}), found through {@code Json.moshi()} and run as the
 *       clients' converter runs them;
 *   <li><b>jackson</b>: Jackson databind on the hand-written POJOs of {@code baseline}, BigDecimal
 *       amounts, {@code USE_BIG_DECIMAL_FOR_FLOATS}, unknown properties ignored (as ours);
 *   <li><b>moshiReflective</b>: plain {@code new Moshi.Builder()} (reflective {@code
 *       ClassJsonAdapter}) on the same POJOs, with a text-preserving BigDecimal adapter;
 *   <li><b>moshiHandWritten</b> (Streambird and Circle payouts): a control, the least work an
 *       adapter on Moshi's reader and writer can do.
 * </ul>
 */
public final class Codecs {
  private Codecs() {}

  // ---- ours
  private static final Moshi MOSHI = Json.moshi();

  public static final JsonAdapter<dev.transferkit.circle.accounts.model.AccountTransferResponse>
      OURS_CIRCLE_TRANSFER =
          adapter(MOSHI, dev.transferkit.circle.accounts.model.AccountTransferResponse.class);
  public static final JsonAdapter<dev.transferkit.circle.accounts.model.BalancesResponse>
      OURS_CIRCLE_BALANCES =
          adapter(MOSHI, dev.transferkit.circle.accounts.model.BalancesResponse.class);
  public static final JsonAdapter<dev.transferkit.circle.payouts.model.PayoutResponse>
      OURS_CIRCLE_PAYOUT =
          adapter(MOSHI, dev.transferkit.circle.payouts.model.PayoutResponse.class);
  public static final JsonAdapter<dev.transferkit.wyre.model.Transfer> OURS_WYRE_TRANSFER =
      adapter(MOSHI, dev.transferkit.wyre.model.Transfer.class);
  public static final JsonAdapter<dev.transferkit.streambird.model.Transfer>
      OURS_STREAMBIRD_TRANSFER = adapter(MOSHI, dev.transferkit.streambird.model.Transfer.class);

  /** The generated adapter of a model, found as the clients' converter (JsonBodies) finds it. */
  static <T> JsonAdapter<T> adapter(Moshi moshi, Class<T> type) {
    return moshi.adapter(type);
  }

  // ---- Jackson databind
  public static final ObjectMapper JACKSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  public static final ObjectReader JACKSON_CIRCLE_TRANSFER_READER =
      JACKSON.readerFor(CircleBaseline.AccountTransferResponse.class);
  public static final ObjectWriter JACKSON_CIRCLE_TRANSFER_WRITER =
      JACKSON.writerFor(CircleBaseline.AccountTransferResponse.class);
  public static final ObjectReader JACKSON_CIRCLE_BALANCES_READER =
      JACKSON.readerFor(CircleBaseline.BalancesResponse.class);
  public static final ObjectWriter JACKSON_CIRCLE_BALANCES_WRITER =
      JACKSON.writerFor(CircleBaseline.BalancesResponse.class);
  public static final ObjectReader JACKSON_CIRCLE_PAYOUT_READER =
      JACKSON.readerFor(CircleBaseline.PayoutResponse.class);
  public static final ObjectWriter JACKSON_CIRCLE_PAYOUT_WRITER =
      JACKSON.writerFor(CircleBaseline.PayoutResponse.class);
  public static final ObjectReader JACKSON_WYRE_TRANSFER_READER =
      JACKSON.readerFor(WyreBaseline.Transfer.class);
  public static final ObjectWriter JACKSON_WYRE_TRANSFER_WRITER =
      JACKSON.writerFor(WyreBaseline.Transfer.class);
  public static final ObjectReader JACKSON_STREAMBIRD_TRANSFER_READER =
      JACKSON.readerFor(StreambirdBaseline.Transfer.class);
  public static final ObjectWriter JACKSON_STREAMBIRD_TRANSFER_WRITER =
      JACKSON.writerFor(StreambirdBaseline.Transfer.class);

  // ---- Moshi's reflective adapter (amounts as strings for Circle and Streambird, as numbers for
  // Wyre)
  private static final Moshi REFLECTIVE_STRING_DECIMALS =
      new Moshi.Builder().add(BigDecimal.class, TextDecimalAdapter.AS_STRING).build();
  private static final Moshi REFLECTIVE_NUMBER_DECIMALS =
      new Moshi.Builder().add(BigDecimal.class, TextDecimalAdapter.AS_NUMBER).build();

  public static final JsonAdapter<CircleBaseline.AccountTransferResponse>
      REFLECTIVE_CIRCLE_TRANSFER =
          REFLECTIVE_STRING_DECIMALS.adapter(CircleBaseline.AccountTransferResponse.class);
  public static final JsonAdapter<CircleBaseline.BalancesResponse> REFLECTIVE_CIRCLE_BALANCES =
      REFLECTIVE_STRING_DECIMALS.adapter(CircleBaseline.BalancesResponse.class);
  public static final JsonAdapter<CircleBaseline.PayoutResponse> REFLECTIVE_CIRCLE_PAYOUT =
      REFLECTIVE_STRING_DECIMALS.adapter(CircleBaseline.PayoutResponse.class);

  /** Wyre sends explicit nulls: write nulls. */
  public static final JsonAdapter<WyreBaseline.Transfer> REFLECTIVE_WYRE_TRANSFER =
      REFLECTIVE_NUMBER_DECIMALS.adapter(WyreBaseline.Transfer.class).serializeNulls();

  /** Streambird sends explicit nulls: write nulls. */
  public static final JsonAdapter<StreambirdBaseline.Transfer> REFLECTIVE_STREAMBIRD_TRANSFER =
      REFLECTIVE_STRING_DECIMALS.adapter(StreambirdBaseline.Transfer.class).serializeNulls();

  /**
   * The control path for Streambird: a hand-written Moshi adapter on the same POJO that does the
   * least work any adapter on Moshi's reader and writer can do ({@link
   * StreambirdHandWrittenAdapter}), wrapped as Moshi wraps the reflective one.
   */
  public static final JsonAdapter<StreambirdBaseline.Transfer> HAND_WRITTEN_STREAMBIRD_TRANSFER =
      new StreambirdHandWrittenAdapter().nullSafe().serializeNulls();

  /** The control path for Circle payouts ({@link CirclePayoutHandWrittenAdapter}). */
  public static final JsonAdapter<CircleBaseline.PayoutResponse> HAND_WRITTEN_CIRCLE_PAYOUT =
      new CirclePayoutHandWrittenAdapter().nullSafe();

  /**
   * Decodes {@code json} with a generated adapter and re-encodes the value to UTF-8 bytes, as the
   * clients' converter does with response and request bodies ({@link JsonCodecs#decodeDocument}).
   */
  public static <T> byte[] oursRoundTrip(JsonAdapter<T> adapter, byte[] json) throws IOException {
    T value;
    try (Buffer in = new Buffer().write(json)) {
      value = JsonCodecs.decodeDocument(adapter, in);
    }
    Buffer out = new Buffer();
    adapter.toJson(out, value);
    return out.readByteArray();
  }

  /**
   * Decodes {@code json} with a Moshi adapter (reflective) and re-encodes the value to UTF-8 bytes.
   * The reader is closed after the value, as Retrofit's Moshi converter does (it reads to the end
   * and closes the body): that returns okio's segments to its pool. Leaving the trailing newline of
   * a payload unread would instead cost a fresh 8 KiB segment per call.
   */
  public static <T> byte[] moshiRoundTrip(JsonAdapter<T> adapter, byte[] json) throws IOException {
    T value;
    try (JsonReader reader = JsonReader.of(new Buffer().write(json))) {
      value = adapter.fromJson(reader);
    }
    Buffer out = new Buffer();
    adapter.toJson(out, value);
    return out.readByteArray();
  }

  /** Decodes {@code json} with Jackson databind and re-encodes the value to UTF-8 bytes. */
  public static byte[] jacksonRoundTrip(ObjectReader reader, ObjectWriter writer, byte[] json)
      throws IOException {
    Object value = reader.readValue(json);
    return writer.writeValueAsBytes(value);
  }
}
