package dev.transferkit.streambird.webhook;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.transferkit.core.exception.TransferKitException;
import dev.transferkit.core.exception.WebhookSignatureException;
import dev.transferkit.core.internal.Json;
import dev.transferkit.streambird.model.WebhookEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies and parses Streambird webhook deliveries: the signature is the hex HMAC-SHA256 of the
 * exact raw body, keyed with the webhook token, compared in constant time. Pass the raw body bytes
 * as received (not re-serialized JSON) and the signature header's value.
 *
 * <pre>{@code
 * StreambirdWebhookVerifier verifier = new StreambirdWebhookVerifier(System.getenv("STREAMBIRD_WEBHOOK_TOKEN"));
 * WebhookEvent event = verifier.verifyAndParse(rawBody, signatureHeaderValue);
 * }</pre>
 *
 * <p>Thread-safe; toString never shows the token.
 */
public final class StreambirdWebhookVerifier {
  private static final JsonAdapter<WebhookEvent> ADAPTER = Json.moshi().adapter(WebhookEvent.class);

  private final SecretKeySpec key;

  public StreambirdWebhookVerifier(String webhookToken) {
    Objects.requireNonNull(webhookToken, "webhookToken");
    if (webhookToken.isEmpty()) {
      throw new IllegalArgumentException("webhookToken must not be empty");
    }
    this.key = new SecretKeySpec(webhookToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /**
   * The hex HMAC-SHA256 of {@code rawBody} (what a genuine delivery's signature is; also handy in
   * tests).
   */
  public String sign(byte[] rawBody) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(rawBody);
      StringBuilder sb = new StringBuilder(digest.length * 2);
      for (byte b : digest) {
        sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return sb.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * Checks that {@code signature} signs {@code rawBody}.
   *
   * @throws WebhookSignatureException if {@code signature} (hex, any case) is missing or is not the
   *     HMAC of exactly {@code rawBody}
   */
  public void verify(byte[] rawBody, String signature) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (signature == null || signature.trim().isEmpty()) {
      throw new WebhookSignatureException("Missing Streambird webhook signature");
    }
    byte[] expected = sign(rawBody).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new WebhookSignatureException(
          "Streambird webhook signature does not match the body: altered, or signed with another token");
    }
  }

  /** {@link #verify} then {@link #parse}. */
  public WebhookEvent verifyAndParse(byte[] rawBody, String signature) {
    verify(rawBody, signature);
    return parse(rawBody);
  }

  /**
   * Parses a delivery without verifying it.
   *
   * @throws TransferKitException if it is not JSON or does not match the contract
   */
  public static WebhookEvent parse(byte[] rawBody) {
    try {
      WebhookEvent event = ADAPTER.fromJson(new String(rawBody, StandardCharsets.UTF_8));
      if (event == null) {
        throw new TransferKitException("Streambird webhook body is JSON null");
      }
      return event;
    } catch (IOException | JsonDataException e) {
      throw new TransferKitException(
          "Streambird webhook body does not match the contract: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "StreambirdWebhookVerifier{webhookToken=██}";
  }
}
