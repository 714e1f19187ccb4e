package dev.transferkit.streambird;

import static dev.transferkit.core.testing.RoundTrip.assertRoundTrip;
import static dev.transferkit.core.testing.RoundTrip.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import dev.transferkit.core.internal.Json;
import dev.transferkit.streambird.model.CreateTransferRequest;
import dev.transferkit.streambird.model.Currency;
import dev.transferkit.streambird.model.Transfer;
import dev.transferkit.streambird.model.TransferStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The Streambird docs' request and response decode and re-encode unchanged; bad input gives typed
 * errors.
 */
class StreambirdPayloadRoundTripTest {
  private final Moshi moshi = Json.moshi();

  @Test
  void documentedRequestRoundTrips() {
    CreateTransferRequest r =
        assertRoundTrip(
            moshi,
            CreateTransferRequest.class,
            resource(getClass(), "/payloads/create-transfer-request.json"));
    assertEquals(Currency.SOL, r.getDestCurrency());
    assertEquals(new BigDecimal("0.005"), r.getSourceAmount());
    assertRoundTrip(
        moshi,
        CreateTransferRequest.class,
        resource(getClass(), "/payloads/create-transfer-request-curl.json"));
  }

  @Test
  void documentedResponseRoundTripsWithExactAmountsAndEpochSeconds() {
    Transfer t =
        assertRoundTrip(
            moshi, Transfer.class, resource(getClass(), "/payloads/transfer-response.json"));
    assertEquals(TransferStatus.UNCONFIRMED, t.getStatus());
    assertEquals("0.004995", t.getDestAmount().toPlainString());
    assertEquals("0.000005", t.getTotalFees().toPlainString());
    assertEquals(
        0,
        t.getSourceAmount().compareTo(t.getDestAmount().add(t.getTotalFees())),
        "source = dest + fees");
    assertEquals(Instant.ofEpochSecond(1660412941L), t.getExpiresAtInstant());
    assertNull(t.getCompletedAtInstant(), "0 means unset");
    assertNull(t.getCustomId());
  }

  @Test
  void spelledOutCurrencyFromOlderDocsIsKeptAsUnknown() {
    String json =
        resource(getClass(), "/payloads/transfer-response.json").replace("\"SOL\"", "\"solana\"");
    Transfer t = assertRoundTrip(moshi, Transfer.class, json);
    assertTrue(t.getDestCurrency().isUnknown());
    assertEquals("solana", t.getDestCurrency().value());
  }

  @Test
  void amountSentAsNumberInAStringFieldIsRejectedWhenNotADecimal() {
    String json =
        resource(getClass(), "/payloads/transfer-response.json")
            .replace("\"0.004995\"", "\"0.00x\"");
    JsonDataException e =
        assertThrows(JsonDataException.class, () -> moshi.adapter(Transfer.class).fromJson(json));
    assertTrue(e.getMessage().contains("$.dest_amount"), e.getMessage());
  }

  @Test
  void missingRequiredStatusIsNamed() {
    String json =
        resource(getClass(), "/payloads/transfer-response.json")
            .replace("\"status\": \"unconfirmed\",", "");
    JsonDataException e =
        assertThrows(JsonDataException.class, () -> moshi.adapter(Transfer.class).fromJson(json));
    assertTrue(e.getMessage().contains("'status'"), e.getMessage());
  }

  @Test
  void nullForARequiredFieldIsRefused() {
    String json =
        resource(getClass(), "/payloads/transfer-response.json").replace("\"0.005\"", "null");
    JsonDataException e =
        assertThrows(JsonDataException.class, () -> moshi.adapter(Transfer.class).fromJson(json));
    assertTrue(e.getMessage().contains("'source_amount' was null"), e.getMessage());
  }

  @Test
  void hugeTimestampIsATypedError() {
    String json =
        resource(getClass(), "/payloads/transfer-response.json").replace("1660412941", "1e400");
    assertThrows(JsonDataException.class, () -> moshi.adapter(Transfer.class).fromJson(json));
  }

  @Test
  void topLevelArrayWhereObjectExpectedIsATypedError() {
    assertThrows(JsonDataException.class, () -> moshi.adapter(Transfer.class).fromJson("[]"));
    assertThrows(
        JsonEncodingException.class, () -> moshi.adapter(Transfer.class).fromJson("{'a':}"));
  }
}
