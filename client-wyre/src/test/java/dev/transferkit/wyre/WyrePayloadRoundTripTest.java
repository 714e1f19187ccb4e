package dev.transferkit.wyre;

import static dev.transferkit.core.testing.RoundTrip.assertRoundTrip;
import static dev.transferkit.core.testing.RoundTrip.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import dev.transferkit.core.internal.Json;
import dev.transferkit.core.testing.JsonText;
import dev.transferkit.wyre.model.CreateTransferRequest;
import dev.transferkit.wyre.model.Transfer;
import dev.transferkit.wyre.model.TransferStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Wyre docs' request and response examples A, B and C decode and re-encode without changing a
 * character.
 */
class WyrePayloadRoundTripTest {
  private final Moshi moshi = Json.moshi();

  @ParameterizedTest
  @ValueSource(strings = {"a", "b", "c"})
  void documentedRequestsRoundTrip(String example) {
    CreateTransferRequest request =
        assertRoundTrip(
            moshi,
            CreateTransferRequest.class,
            resource(getClass(), "/payloads/request-" + example + ".json"));
    assertTrue(request.getAutoConfirm());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "b", "c"})
  void documentedResponsesRoundTrip(String example) {
    assertRoundTrip(
        moshi, Transfer.class, resource(getClass(), "/payloads/response-" + example + ".json"));
  }

  @Test
  void requestAmountsStayStrings() {
    CreateTransferRequest a =
        assertRoundTrip(
            moshi, CreateTransferRequest.class, resource(getClass(), "/payloads/request-a.json"));
    assertEquals(new BigDecimal("200"), a.getSourceAmount());
    String json = moshi.adapter(CreateTransferRequest.class).toJson(a);
    assertTrue(json.contains("\"sourceAmount\":\"200\""), json);
  }

  @Test
  void exchangeResponseKeepsEveryDigit() {
    Transfer c =
        assertRoundTrip(moshi, Transfer.class, resource(getClass(), "/payloads/response-c.json"));
    assertEquals("125676.558230530760992898523717485028", c.getExchangeRate().toString());
    assertEquals("125.676558230530760993", c.getDestAmount().toString());
    assertEquals("0E-18", c.getFees().get("XLM").toString());
    assertEquals("0.00000750", c.getFees().get("BTC").toString());
    assertEquals(TransferStatus.PENDING, c.getStatus());
    assertEquals(Instant.ofEpochMilli(1626401267000L), c.getCreatedAtInstant());
    assertNull(c.getCustomId());
  }

  @Test
  void aPlainMoshiReadsAndWritesNumericAmountsWithEveryDigit() {
    Moshi plain = new Moshi.Builder().build();
    Transfer c =
        assertRoundTrip(plain, Transfer.class, resource(getClass(), "/payloads/response-c.json"));
    assertEquals("125.676558230530760993", c.getDestAmount().toString());
    assertEquals("0E-18", c.getFees().get("XLM").toString());
    String json = plain.adapter(Transfer.class).toJson(c);
    assertTrue(json.contains("125.676558230530760993"), json);
    assertTrue(json.contains("\"customId\":null"), json);
  }

  /**
   * An amount read in exponent form whose plain digits Moshi's reader would refuse (a 4 and 100
   * zeros wraps its long accumulator to zero, read as a forbidden leading zero) is written in
   * exponent form, same digits and scale, and decodes again: for a property as for a map value.
   */
  @Test
  void anAmountMoshiCannotReadPlainIsWrittenInExponentForm() throws Exception {
    String exponentForm = "4." + "0".repeat(100) + "E+100";
    String json =
        resource(getClass(), "/payloads/response-c.json")
            .replace("125.676558230530760993", exponentForm)
            .replace("0.00000750", exponentForm);
    JsonAdapter<Transfer> adapter = moshi.adapter(Transfer.class);
    Transfer t = adapter.fromJson(json);
    BigDecimal expected = new BigDecimal(exponentForm);
    assertEquals(expected, t.getDestAmount());
    String written = adapter.toJson(t);
    Transfer again = adapter.fromJson(written);
    assertEquals(expected, again.getDestAmount());
    assertEquals(expected.scale(), again.getDestAmount().scale());
    assertEquals(expected, again.getFees().get("BTC"));
    assertEquals(t, again);
  }

  @Test
  void unknownStatusIsKeptRawAndReEncoded() throws Exception {
    String json =
        resource(getClass(), "/payloads/response-c.json").replace("\"PENDING\"", "\"ON_HOLD\"");
    Transfer t = assertRoundTrip(moshi, Transfer.class, json);
    assertEquals(TransferStatus.Known.UNKNOWN, t.getStatus().known());
    assertEquals("ON_HOLD", t.getStatus().value());
  }

  @Test
  void missingRequiredFieldIsNamed() {
    String json =
        resource(getClass(), "/payloads/response-a.json")
            .replace("\"id\": \"TF_VXXXXXXXX\"", "\"x\": 1");
    JsonDataException e =
        assertThrows(JsonDataException.class, () -> moshi.adapter(Transfer.class).fromJson(json));
    assertTrue(e.getMessage().contains("'id'"), e.getMessage());
  }

  @Test
  void wrongTypeIsATypedErrorWithPath() {
    String json =
        resource(getClass(), "/payloads/response-a.json")
            .replace("\"status\": \"UNCONFIRMED\"", "\"status\": 7");
    JsonDataException e =
        assertThrows(JsonDataException.class, () -> moshi.adapter(Transfer.class).fromJson(json));
    assertTrue(e.getMessage().contains("$.status"), e.getMessage());
  }

  @Test
  void malformedJsonIsAnEncodingError() {
    JsonAdapter<Transfer> adapter = moshi.adapter(Transfer.class);
    assertThrows(java.io.EOFException.class, () -> adapter.fromJson("{\"id\": \"TF_1\", "));
    assertThrows(JsonEncodingException.class, () -> adapter.fromJson("{\"id\" \"TF_1\"}"));
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    String json =
        resource(getClass(), "/payloads/response-b.json")
            .replaceFirst("\\{", "{\"brandNew\": {\"x\": [1, 2]},");
    Transfer t = moshi.adapter(Transfer.class).fromJson(json);
    JsonText.assertJsonEquals(
        resource(getClass(), "/payloads/response-b.json"), moshi.adapter(Transfer.class).toJson(t));
  }

  @Test
  void builderRefusesMissingRequiredFields() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> CreateTransferRequest.builder().sourceCurrency("USD").build());
    assertTrue(e.getMessage().contains("'dest'"), e.getMessage());
  }
}
