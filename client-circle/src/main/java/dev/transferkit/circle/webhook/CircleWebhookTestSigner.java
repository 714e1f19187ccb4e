package dev.transferkit.circle.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Signs webhook bodies the way Circle does, with a fresh P-256 key pair, so that you can test your
 * webhook handler end to end: sign a body, send it with {@link #headers(byte[])}, and build the
 * handler's verifier with {@code new CircleWebhookVerifier(signer)} (this class is a {@link
 * PublicKeySource} that knows its own key), or serve {@link #publicKeyResponseJson()} from a mock
 * Circle. For tests only: the private key lives in memory.
 *
 * <p>Thread-safe.
 */
public final class CircleWebhookTestSigner implements PublicKeySource {
  private final KeyPair keyPair;
  private final String keyId;

  private CircleWebhookTestSigner(KeyPair keyPair, String keyId) {
    this.keyPair = keyPair;
    this.keyId = keyId;
  }

  /** A signer with a new P-256 key pair and a random key id. */
  public static CircleWebhookTestSigner generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new CircleWebhookTestSigner(generator.generateKeyPair(), UUID.randomUUID().toString());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot generate P-256 keys", e);
    }
  }

  /**
   * A signer with a new P-256 key pair under the same key id, as after Circle rotated the key
   * behind an id (tests of key rotation).
   */
  public CircleWebhookTestSigner rotate() {
    return new CircleWebhookTestSigner(generate().keyPair, keyId);
  }

  /** The key id to send in {@code X-Circle-Key-Id}. */
  public String keyId() {
    return keyId;
  }

  /** The public key as Circle's key endpoint returns it: base64 DER SubjectPublicKeyInfo. */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(keyPair.getPublic().getEncoded());
  }

  /**
   * The base64 DER ECDSA (SHA-256) signature of exactly {@code body}, for {@code
   * X-Circle-Signature}.
   */
  public String sign(byte[] body) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(keyPair.getPrivate());
      signature.update(body);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@link #sign(byte[])} of the UTF-8 bytes of {@code body}. */
  public String sign(String body) {
    return sign(body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The two headers Circle sends with {@code body}: {@code X-Circle-Signature} and {@code
   * X-Circle-Key-Id}.
   */
  public Map<String, String> headers(byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(CircleWebhookVerifier.SIGNATURE_HEADER, sign(body));
    headers.put(CircleWebhookVerifier.KEY_ID_HEADER, keyId);
    return headers;
  }

  /** This signer's key if {@code keyId} is its key id, else null (an unknown key). */
  @Override
  public @Nullable String publicKey(String keyId) {
    return this.keyId.equalsIgnoreCase(keyId) ? publicKeyBase64() : null;
  }

  /**
   * The body of {@code GET /v2/notifications/publicKey/{keyId}} for this signer's key, for mock
   * servers.
   */
  public String publicKeyResponseJson() {
    return "{\"data\":{\"id\":\""
        + keyId
        + "\",\"algorithm\":\"ECDSA_SHA_256\",\"publicKey\":\""
        + publicKeyBase64()
        + "\",\"createDate\":\"2024-01-01T00:00:00.000Z\"}}";
  }

  @Override
  public String toString() {
    return "CircleWebhookTestSigner{keyId=" + keyId + "}";
  }
}
