package dev.transferkit.fuzz;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import dev.transferkit.core.internal.Json;
import dev.transferkit.core.internal.JsonCodecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import okio.Buffer;

/**
 * The decoding targets and the property every fuzz test checks.
 *
 * <p>Decoding arbitrary bytes may fail only with the exceptions Moshi documents for bad input:
 * {@link JsonDataException}, {@link JsonEncodingException} or another {@link IOException} (such as
 * {@link java.io.EOFException}). Anything else escaping (NPE, NumberFormatException,
 * ArithmeticException, OutOfMemoryError, StackOverflowError...) is a finding. Whatever decodes must
 * re-encode without error, and the re-encoded JSON must decode to an equal object.
 */
final class Decoding {
  private Decoding() {}

  static final Moshi CIRCLE_ACCOUNTS =
      Json.moshi(
          dev.transferkit.circle.accounts.model.JsonAdapters.FACTORY,
          dev.transferkit.circle.model.JsonAdapters.FACTORY);
  static final Moshi CIRCLE_PAYOUTS =
      Json.moshi(
          dev.transferkit.circle.payouts.model.JsonAdapters.FACTORY,
          dev.transferkit.circle.model.JsonAdapters.FACTORY);
  static final Moshi WYRE = Json.moshi(dev.transferkit.wyre.model.JsonAdapters.FACTORY);
  static final Moshi STREAMBIRD = Json.moshi(dev.transferkit.streambird.model.JsonAdapters.FACTORY);

  static final JsonAdapter<dev.transferkit.circle.accounts.model.AccountTransferResponse>
      CIRCLE_ACCOUNT_TRANSFER =
          CIRCLE_ACCOUNTS.adapter(
              dev.transferkit.circle.accounts.model.AccountTransferResponse.class);
  static final JsonAdapter<dev.transferkit.circle.accounts.model.BalancesResponse>
      CIRCLE_ACCOUNT_BALANCES =
          CIRCLE_ACCOUNTS.adapter(dev.transferkit.circle.accounts.model.BalancesResponse.class);
  static final JsonAdapter<dev.transferkit.circle.payouts.model.PayoutResponse> CIRCLE_PAYOUT =
      CIRCLE_PAYOUTS.adapter(dev.transferkit.circle.payouts.model.PayoutResponse.class);
  static final JsonAdapter<dev.transferkit.wyre.model.Transfer> WYRE_TRANSFER =
      WYRE.adapter(dev.transferkit.wyre.model.Transfer.class);
  static final JsonAdapter<dev.transferkit.streambird.model.Transfer> STREAMBIRD_TRANSFER =
      STREAMBIRD.adapter(dev.transferkit.streambird.model.Transfer.class);

  /**
   * Decodes {@code data} exactly as the clients' converter does ({@link JsonCodecs#decodeDocument}:
   * the generated Moshi adapter, a BOM skipped, nothing but whitespace after the document). If it
   * decodes, checks encode/decode stability. Throws only on a finding.
   */
  static <T> void check(JsonAdapter<T> adapter, byte[] data) {
    T first;
    try {
      first = JsonCodecs.decodeDocument(adapter, new Buffer().write(data));
    } catch (JsonDataException | IOException e) {
      return; // documented failures for bad input (JsonEncodingException and EOFException are
      // IOExceptions)
    }
    if (first == null) {
      return; // the JSON document "null"
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
          "decode(encode(x)) != x\n  input:   "
              + new String(data, java.nio.charset.StandardCharsets.UTF_8)
              + "\n  first:   "
              + first
              + "\n  encoded: "
              + encoded
              + "\n  second:  "
              + second);
    }
    if (!encoded.equals(adapter.toJson(second))) {
      throw new AssertionError("encode(decode(encode(x))) != encode(x): " + encoded);
    }
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
