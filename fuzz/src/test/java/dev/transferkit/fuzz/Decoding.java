package dev.transferkit.fuzz;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import dev.transferkit.core.Json;
import dev.transferkit.core.internal.CodecAdapter;
import dev.transferkit.core.internal.JsonIn;
import dev.transferkit.core.internal.JsonOut;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import okio.Buffer;

/**
 * The decoding targets and the property every fuzz test checks.
 *
 * <p>Decoding arbitrary bytes may fail only with the exceptions Moshi documents for bad input: {@link
 * JsonDataException}, {@link JsonEncodingException} or another {@link IOException} (such as {@link
 * java.io.EOFException}). Anything else escaping (NPE, NumberFormatException, ArithmeticException, OutOfMemoryError,
 * StackOverflowError...) is a finding. Whatever decodes must re-encode without error, and the re-encoded JSON must
 * decode to an equal object.
 */
final class Decoding {
  private Decoding() {}

  static final Moshi CIRCLE_ACCOUNTS = Json.moshi(dev.transferkit.circle.accounts.model.JsonAdapters.FACTORY);
  static final Moshi CIRCLE_PAYOUTS = Json.moshi(dev.transferkit.circle.payouts.model.JsonAdapters.FACTORY);
  static final Moshi WYRE = Json.moshi(dev.transferkit.wyre.model.JsonAdapters.FACTORY);
  static final Moshi STREAMBIRD = Json.moshi(dev.transferkit.streambird.model.JsonAdapters.FACTORY);

  static final JsonAdapter<dev.transferkit.circle.accounts.model.AccountTransferResponse> CIRCLE_ACCOUNT_TRANSFER =
      CIRCLE_ACCOUNTS.adapter(dev.transferkit.circle.accounts.model.AccountTransferResponse.class);
  static final JsonAdapter<dev.transferkit.circle.accounts.model.BalancesResponse> CIRCLE_ACCOUNT_BALANCES =
      CIRCLE_ACCOUNTS.adapter(dev.transferkit.circle.accounts.model.BalancesResponse.class);
  static final JsonAdapter<dev.transferkit.circle.payouts.model.PayoutResponse> CIRCLE_PAYOUT =
      CIRCLE_PAYOUTS.adapter(dev.transferkit.circle.payouts.model.PayoutResponse.class);
  static final JsonAdapter<dev.transferkit.wyre.model.Transfer> WYRE_TRANSFER =
      WYRE.adapter(dev.transferkit.wyre.model.Transfer.class);
  static final JsonAdapter<dev.transferkit.streambird.model.Transfer> STREAMBIRD_TRANSFER =
      STREAMBIRD.adapter(dev.transferkit.streambird.model.Transfer.class);

  /**
   * Decodes {@code data} twice: through the Moshi adapter (a bridge: Moshi's reader hands the value's bytes to the
   * generated codec) and directly with the generated codec on the bytes, as the clients' converter does. Both must
   * agree: the same value, or both refuse. If it decodes, checks encode/decode stability. Throws only on a finding.
   */
  static <T> void check(JsonAdapter<T> adapter, byte[] data) {
    T first;
    Throwable moshiError = null;
    try {
      Buffer buffer = new Buffer().write(data);
      if (buffer.rangeEquals(0, okio.ByteString.decodeHex("EFBBBF"))) {
        buffer.skip(3); // as the clients' converter does
      }
      com.squareup.moshi.JsonReader reader = com.squareup.moshi.JsonReader.of(buffer);
      first = adapter.fromJson(reader);
      // What follows the value must be whitespace. Checked on the bytes: Moshi's reader.peek() takes a 0xFF byte after
      // the document for the end of the input (found by this harness: "...}\n" + 0xFF x 19 passed Moshi's
      // END_DOCUMENT check while the clients' path refuses it, as it should).
      while (!buffer.exhausted()) {
        byte b = buffer.readByte();
        if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
          throw new JsonDataException("JSON document was not fully consumed.");
        }
      }
    } catch (JsonDataException | IOException e) {
      // Documented failures for bad input (JsonEncodingException and EOFException are IOExceptions).
      moshiError = e;
      first = null;
    }
    T direct;
    Throwable directError = null;
    try {
      direct = decodeDirect(adapter, data);
    } catch (JsonDataException | IOException e) {
      directError = e;
      direct = null;
    }
    if (moshiError == null && directError != null
        && MOSHI_LENIENCY.matcher(new String(data, java.nio.charset.StandardCharsets.ISO_8859_1)).find()) {
      return; // Moshi's reader accepts these even in strict mode; the clients' path refuses them, as RFC 8259 does
    }
    if ((moshiError == null) != (directError == null)) {
      throw new AssertionError("The Moshi adapter and the codec disagree on\n  "
          + new String(data, java.nio.charset.StandardCharsets.UTF_8) + "\n  moshi:  "
          + (moshiError != null ? moshiError : first) + "\n  codec:  " + (directError != null ? directError : direct));
    }
    if (moshiError != null) {
      return;
    }
    if (!java.util.Objects.equals(first, direct)) {
      throw new AssertionError("The Moshi adapter and the codec decode differently:\n  moshi: " + first
          + "\n  codec: " + direct);
    }
    if (first == null) {
      return; // the JSON document "null"
    }
    byte[] direct2 = encodeDirect(adapter, first);
    if (!new String(direct2, java.nio.charset.StandardCharsets.UTF_8).equals(adapter.toJson(first))) {
      throw new AssertionError("The Moshi adapter and the codec encode differently: " + first);
    }
    String encoded = adapter.toJson(first);
    T second;
    try {
      second = adapter.fromJson(encoded);
    } catch (JsonDataException | IOException e) {
      throw new AssertionError("Re-encoded value does not decode: " + encoded, e);
    }
    if (!first.equals(second)) {
      throw new AssertionError(
          "decode(encode(x)) != x\n  input:   " + new String(data, java.nio.charset.StandardCharsets.UTF_8)
              + "\n  first:   " + first + "\n  encoded: " + encoded + "\n  second:  " + second);
    }
  }

  /**
   * What Moshi's reader accepts in strict mode and RFC 8259 does not: {@code true}, {@code false} and {@code null} in
   * any letter case ({@code Null}, found by the long wyreTransfer run), and a backslash before a line feed or an
   * apostrophe inside a string. Where the Moshi side accepts such an input and the codec refuses it, the harness does
   * not count a disagreement.
   */
  static final java.util.regex.Pattern MOSHI_LENIENCY =
      java.util.regex.Pattern.compile("\\\\[\n']|(?!true|false|null)(?i:true|false|null)");

  /** Decodes like the clients' converter (JsonBodies): the codec on the raw bytes, a BOM skipped, null allowed. */
  @SuppressWarnings("unchecked")
  static <T> T decodeDirect(JsonAdapter<T> adapter, byte[] data) throws IOException {
    return JsonIn.document(((CodecAdapter<T>) adapter).codec(), data);
  }

  @SuppressWarnings("unchecked")
  static <T> byte[] encodeDirect(JsonAdapter<T> adapter, T value) {
    JsonOut out = new JsonOut();
    ((CodecAdapter<T>) adapter).codec().write(out, value);
    return out.toByteArray();
  }

  static byte[] payload(String name) {
    try (InputStream in = Decoding.class.getResourceAsStream("/payloads/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing /payloads/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
