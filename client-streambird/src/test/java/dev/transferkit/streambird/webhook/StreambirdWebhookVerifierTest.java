package dev.transferkit.streambird.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.transferkit.core.exception.WebhookSignatureException;
import dev.transferkit.streambird.model.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StreambirdWebhookVerifierTest {
  private static final String TOKEN = "whsec_streambird_token_0004";
  private static final byte[] BODY =
      ("{\"payload\":{\"resource_type\":\"transfer\",\"action\":\"completed\","
              + "\"object\":{\"id\":\"transfer_2DJMdUNmkPDIFNVWiTNHTiBL0NB\",\"status\":\"completed\","
              + "\"href\":\"/v1/transfers/transfer_2DJMdUNmkPDIFNVWiTNHTiBL0NB\","
              + "\"completed_at_iso8601\":\"2022-08-13T17:49:01Z\"}}}")
          .getBytes(StandardCharsets.UTF_8);

  private final StreambirdWebhookVerifier verifier = new StreambirdWebhookVerifier(TOKEN);

  /** Independent HMAC-SHA256 hex of the body. */
  private static String hmac(String token, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    StringBuilder sb = new StringBuilder();
    for (byte b : mac.doFinal(body)) {
      sb.append(String.format("%02x", b & 0xff));
    }
    return sb.toString();
  }

  @Test
  void genuineDeliveryIsVerifiedAndParsed() throws Exception {
    WebhookEvent event = verifier.verifyAndParse(BODY, hmac(TOKEN, BODY));
    assertEquals("transfer", event.getPayload().getResourceType());
    assertEquals("completed", event.getPayload().getObject().getStatus());
    verifier.verify(BODY, hmac(TOKEN, BODY).toUpperCase(Locale.ROOT));
  }

  @Test
  void tamperedBodyWrongTokenAndMissingSignatureAreRejected() throws Exception {
    String signature = hmac(TOKEN, BODY);
    byte[] tampered =
        new String(BODY, StandardCharsets.UTF_8)
            .replace("completed\",\"href", "failed\",\"href")
            .getBytes(StandardCharsets.UTF_8);
    assertThrows(WebhookSignatureException.class, () -> verifier.verify(tampered, signature));
    assertThrows(
        WebhookSignatureException.class, () -> verifier.verify(BODY, hmac("other-token", BODY)));
    assertThrows(
        WebhookSignatureException.class, () -> verifier.verify(BODY, signature.substring(1)));
    assertThrows(WebhookSignatureException.class, () -> verifier.verify(BODY, null));
  }

  @Test
  void toStringHidesTheToken() {
    assertFalse(verifier.toString().contains(TOKEN));
  }
}
