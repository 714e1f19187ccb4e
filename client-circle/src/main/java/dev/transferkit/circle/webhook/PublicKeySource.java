package dev.transferkit.circle.webhook;

import org.jspecify.annotations.Nullable;

/**
 * Where {@link CircleWebhookVerifier} gets the public key for a key id ({@code X-Circle-Key-Id}).
 * The production source calls {@code GET /v2/notifications/publicKey/{id}}; {@link
 * CircleWebhookTestSigner} is one for tests.
 */
@FunctionalInterface
public interface PublicKeySource {
  /**
   * The public key with id {@code keyId}: base64 of the DER-encoded SubjectPublicKeyInfo of a P-256
   * key, as Circle returns it; or null when there is no such key.
   *
   * @throws RuntimeException when the key cannot be fetched right now (network, server error); it
   *     propagates to the caller of the verifier, so that the webhook handler answers 5xx and
   *     Circle delivers again later
   */
  @Nullable String publicKey(String keyId);
}
