package dev.transferkit.circle.webhook;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.transferkit.circle.wallets.api.NotificationsApi;
import dev.transferkit.circle.wallets.model.ChallengeNotification;
import dev.transferkit.circle.wallets.model.JsonAdapters;
import dev.transferkit.circle.wallets.model.TransactionNotification;
import dev.transferkit.core.internal.Json;
import dev.transferkit.core.exception.NotFoundException;
import dev.transferkit.core.exception.TransferKitException;
import dev.transferkit.core.exception.WebhookSignatureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import okio.Buffer;

/**
 * Verifies and parses Circle webhook notifications.
 *
 * <p>Circle signs the exact bytes of each notification body with ECDSA over P-256 and SHA-256; the base64 DER
 * signature comes in {@value #SIGNATURE_HEADER} and the id of the signing key in {@value #KEY_ID_HEADER}. The public
 * key is fetched once per key id ({@code GET /v2/notifications/publicKey/{id}}) and cached for the life of the
 * verifier. Pass the raw body exactly as received: parsing and re-serializing JSON changes the bytes and the signature
 * no longer matches.
 *
 * <pre>{@code
 * CircleNotification n = circle.webhookVerifier().verifyAndParse(
 *     rawBody, request.getHeader("X-Circle-Signature"), request.getHeader("X-Circle-Key-Id"));
 * }</pre>
 *
 * <p>A missing or malformed signature, a body that does not match it, a key of the wrong type and a key id Circle does
 * not know (a 404 from the key endpoint) all fail with {@link WebhookSignatureException}: answer 4xx and ignore the
 * delivery. Key ids must be UUIDs, so random ids are rejected without a request to Circle. Other failures to fetch a
 * key (network, 5xx) propagate as they are: answer 5xx so that Circle delivers again.
 *
 * <p>Thread-safe; share one instance.
 */
public final class CircleWebhookVerifier {
  public static final String SIGNATURE_HEADER = "X-Circle-Signature";
  public static final String KEY_ID_HEADER = "X-Circle-Key-Id";

  private static final Pattern UUID_PATTERN =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Moshi MOSHI = Json.moshi(JsonAdapters.FACTORY);

  private final PublicKeySource keys;
  private final Map<String, PublicKey> cache = new ConcurrentHashMap<>();

  /** A verifier that gets keys from {@code keys} (cached per key id). */
  public CircleWebhookVerifier(PublicKeySource keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /** A verifier that fetches keys with {@link NotificationsApi#getNotificationSignature}. */
  public static CircleWebhookVerifier create(NotificationsApi notifications) {
    Objects.requireNonNull(notifications, "notifications");
    return new CircleWebhookVerifier(keyId -> {
      try {
        return notifications.getNotificationSignature(keyId).execute().getPublicKey();
      } catch (NotFoundException e) {
        return null;
      }
    });
  }

  /**
   * Checks that {@code signature} is Circle's signature of exactly {@code rawBody} with key {@code keyId}.
   *
   * @throws WebhookSignatureException if it is not
   */
  public void verify(byte[] rawBody, String signature, String keyId) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (signature == null || signature.trim().isEmpty()) {
      throw new WebhookSignatureException("Missing " + SIGNATURE_HEADER + " header");
    }
    if (keyId == null || !UUID_PATTERN.matcher(keyId.trim()).matches()) {
      throw new WebhookSignatureException("Missing or malformed " + KEY_ID_HEADER + " header (expected a UUID)");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      throw new WebhookSignatureException(SIGNATURE_HEADER + " is not base64", e);
    }
    PublicKey key = key(keyId.trim().toLowerCase(java.util.Locale.ROOT));
    boolean valid;
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(key);
      verifier.update(rawBody);
      valid = verifier.verify(der);
    } catch (GeneralSecurityException e) {
      throw new WebhookSignatureException("Malformed " + SIGNATURE_HEADER + ": " + e.getMessage(), e);
    }
    if (!valid) {
      throw new WebhookSignatureException(
          "Signature does not match the body for key " + keyId + ": the body was altered or not signed by Circle");
    }
  }

  /** {@link #verify} then {@link #parse}. */
  public CircleNotification verifyAndParse(byte[] rawBody, String signature, String keyId) {
    verify(rawBody, signature, keyId);
    return parse(rawBody);
  }

  /**
   * Parses a notification without verifying it (use {@link #verifyAndParse} for deliveries). {@code transactions.*}
   * become a {@link TransactionNotification}, {@code challenges.*} a {@link ChallengeNotification}; anything else is
   * kept raw as an {@link UnknownNotification}.
   *
   * @throws TransferKitException if the body is not a JSON object, or a transaction or challenge notification does
   *     not match the contract
   */
  public static CircleNotification parse(byte[] rawBody) {
    String json = new String(rawBody, StandardCharsets.UTF_8);
    Object tree;
    try (JsonReader reader = JsonReader.of(new Buffer().write(rawBody))) {
      tree = reader.readJsonValue();
    } catch (IOException | JsonDataException e) {
      throw new TransferKitException("Circle notification is not valid JSON: " + e.getMessage(), e);
    }
    if (!(tree instanceof Map)) {
      throw new TransferKitException("Circle notification is not a JSON object");
    }
    Map<?, ?> envelope = (Map<?, ?>) tree;
    String type = envelope.get("notificationType") instanceof String ? (String) envelope.get("notificationType")
        : null;
    String id = envelope.get("notificationId") instanceof String ? (String) envelope.get("notificationId") : null;
    try {
      if (type != null && type.startsWith("transactions.")) {
        return CircleNotification.of(type, id, decode(TransactionNotification.class, json));
      }
      if (type != null && type.startsWith("challenges.")) {
        return CircleNotification.of(type, id, decode(ChallengeNotification.class, json));
      }
    } catch (IOException | JsonDataException e) {
      throw new TransferKitException(
          "Circle notification " + id + " of type " + type + " does not match the contract: " + e.getMessage(), e);
    }
    return CircleNotification.of(new UnknownNotification(type, id, json));
  }

  private static <T> T decode(Class<T> type, String json) throws IOException {
    JsonAdapter<T> adapter = MOSHI.adapter(type);
    T value = adapter.fromJson(json);
    if (value == null) {
      throw new JsonDataException("null notification");
    }
    return value;
  }

  private PublicKey key(String keyId) {
    // computeIfAbsent: concurrent first deliveries for one key id fetch it once; a failure caches nothing.
    return cache.computeIfAbsent(keyId, id -> {
      String encoded = keys.publicKey(id);
      if (encoded == null) {
        throw new WebhookSignatureException("Unknown " + KEY_ID_HEADER + " " + id + ": Circle has no such key");
      }
      return decodeKey(id, encoded);
    });
  }

  static PublicKey decodeKey(String keyId, String base64Der) {
    try {
      PublicKey key = KeyFactory.getInstance("EC")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64Der.trim())));
      if (!(key instanceof ECPublicKey) || ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize() != 256) {
        throw new WebhookSignatureException("Key " + keyId + " is not a P-256 EC public key");
      }
      return key;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new WebhookSignatureException("Key " + keyId + " is not a valid base64 DER EC public key", e);
    }
  }
}
