package dev.transferkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonDataException;
import dev.transferkit.circle.accounts.model.BalancesResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for fuzzing finding F1 (fixed in client-core's JsonCodecs): a string amount read
 * in exponent form re-encoded as plain digits, changing its scale ({@code "1E+3"} came back as
 * {@code "1000"}), and an accepted amount could re-encode into text longer than the reader accepts
 * ({@code "1E+600"}, {@code "1E-600"}). Now an amount with a negative scale is written in exponent
 * form, and an amount whose written form would exceed the limit is refused on read with a typed
 * error.
 */
class F1RegressionTest {
  private static String finding(String name) throws IOException {
    try (InputStream in = F1RegressionTest.class.getResourceAsStream("/findings/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** F1a: "1E+3" comes back as "1000" and decodes to a BigDecimal of another scale. */
  @Test
  void f1aExponentAmountKeepsItsValueAndTextOnRoundTrip() throws IOException {
    String json = finding("F1a-exponent-amount-changes-scale.json");
    BalancesResponse first = Decoding.CIRCLE_ACCOUNT_BALANCES.fromJson(json);
    String encoded = Decoding.CIRCLE_ACCOUNT_BALANCES.toJson(first);
    assertEquals(json, encoded); // was: {"data":{"available":[{"amount":"1000",...
    assertEquals(first, Decoding.CIRCLE_ACCOUNT_BALANCES.fromJson(encoded));
  }

  /**
   * F1b: "1E+600" is accepted, re-encoded as 601 digits, and that output is then refused (over 512
   * characters).
   */
  @Test
  void f1bReencodedAmountIsReadableAgain() throws IOException {
    String json = finding("F1b-exponent-amount-reencodes-unreadable.json");
    BalancesResponse first = Decoding.CIRCLE_ACCOUNT_BALANCES.fromJson(json);
    String encoded = Decoding.CIRCLE_ACCOUNT_BALANCES.toJson(first);
    assertDoesNotThrow(
        () -> Decoding.CIRCLE_ACCOUNT_BALANCES.fromJson(encoded)); // was: JsonDataException
    assertEquals(json, encoded);
  }

  /**
   * F1b, other sign: "1E-600" would be written as "0.000...1" (602 characters): refused when read,
   * with its path.
   */
  @Test
  void f1bTinyAmountIsRefusedOnReadInsteadOfWrittenUnreadable() throws IOException {
    String json = finding("F1b-tiny-exponent-amount-reencodes-unreadable.json");
    JsonDataException e =
        assertThrows(
            JsonDataException.class, () -> Decoding.CIRCLE_ACCOUNT_BALANCES.fromJson(json));
    assertTrue(e.getMessage().contains("$.data.available[0].amount"), e.getMessage());
  }

  /**
   * The input Jazzer found first (raw fuzzer bytes for ModelDecodingFuzzTest#anyModel), replayed
   * strictly.
   */
  @Test
  void f1FuzzerInputReplaysWithoutTolerance() throws IOException {
    byte[] raw;
    try (InputStream in =
        F1RegressionTest.class.getResourceAsStream(
            "/findings/F1-anyModel-crash-86ee47e23a778bdd9df055dc764492b564a89c55")) {
      raw = in.readAllBytes();
    }
    String json =
        "{\"data\":{\"available\":[{\"amount\":2.743062034394437E303,\"currency\":\"USD\"}],\"unsettled\":[]}}";
    BalancesResponse first = Decoding.CIRCLE_ACCOUNT_BALANCES.fromJson(json);
    assertEquals(
        first,
        Decoding.CIRCLE_ACCOUNT_BALANCES.fromJson(Decoding.CIRCLE_ACCOUNT_BALANCES.toJson(first)),
        "raw fuzzer input: " + raw.length + " bytes");
  }
}
