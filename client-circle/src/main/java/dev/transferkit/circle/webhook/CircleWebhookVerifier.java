package dev.transferkit.circle.webhook;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.transferkit.circle.wallets.api.NotificationsApi;
import dev.transferkit.circle.wallets.model.ChallengeNotification;
import dev.transferkit.circle.wallets.model.TransactionNotification;
import dev.transferkit.core.exception.NotFoundException;
import dev.transferkit.core.exception.TransferKitException;
import dev.transferkit.core.exception.WebhookSignatureException;
import dev.transferkit.core.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Verifies and parses Circle webhook notifications.
 *
 * <p>Circle signs the exact bytes of each notification body with ECDSA over P-256 and SHA-256; the
 * base64 DER signature comes in {@value #SIGNATURE_HEADER} and the id of the signing key in {@value
 * #KEY_ID_HEADER}. Pass the raw body exactly as received: parsing and re-serializing JSON changes
 * the bytes and the signature no longer matches.
 *
 * <pre>{@code
 * CircleNotification n = circle.webhookVerifier().verifyAndParse(
 *     rawBody, request.getHeader("X-Circle-Signature"), request.getHeader("X-Circle-Key-Id"));
 * }</pre>
 *
 * <p>Public keys ({@code GET /v2/notifications/publicKey/{id}}) are fetched on demand, and the
 * headers of a delivery are attacker-controlled, so fetching is bounded:
 *
 * <ul>
 *   <li>key ids must be UUIDs: anything else is refused without a request to Circle;
 *   <li>a fetched key is accepted only if it is a P-256 key (its curve parameters are compared with
 *       secp256r1's, not just its size) and is cached for {@link #KEY_TTL} (24 hours), then fetched
 *       again;
 *   <li>a key id Circle does not know (404), or whose key is not a valid P-256 key, is remembered
 *       for {@link #UNKNOWN_KEY_TTL} (5 minutes): deliveries naming it are refused without a
 *       request;
 *   <li>at most {@link #MAX_FETCHES_PER_MINUTE} key fetches per minute are made by one verifier;
 *       beyond that a delivery needing a fetch fails with a {@link TransferKitException} (answer
 *       5xx; Circle delivers again);
 *   <li>the verifier a {@code CircleClient} hands out fetches with its own deadline of {@link
 *       #KEY_FETCH_TIMEOUT} (3 s), below Circle's 5 s delivery timeout;
 *   <li>a signature that does not verify with a cached key fetches that key again, once, if the
 *       cached copy is older than {@link #MIN_REFRESH_INTERVAL} (1 minute), so that a key Circle
 *       rotated is picked up.
 * </ul>
 *
 * <p>A missing or malformed signature, a body that does not match it, a key of the wrong type and a
 * key id Circle does not know all fail with {@link WebhookSignatureException}: answer 4xx and
 * ignore the delivery. Other failures to fetch a key (network, 5xx, the fetch rate limit) propagate
 * as they are: answer 5xx so that Circle delivers again.
 *
 * <p>Thread-safe; share one instance.
 */
public final class CircleWebhookVerifier {
  public static final String SIGNATURE_HEADER = "X-Circle-Signature";
  public static final String KEY_ID_HEADER = "X-Circle-Key-Id";

  /** How long a fetched public key is used before it is fetched again. */
  public static final Duration KEY_TTL = Duration.ofHours(24);

  /**
   * How long a key id Circle does not know (or whose key is unusable) is refused without asking
   * Circle again.
   */
  public static final Duration UNKNOWN_KEY_TTL = Duration.ofMinutes(5);

  /** The most key fetches one verifier makes in any minute. */
  public static final int MAX_FETCHES_PER_MINUTE = 10;

  /** The youngest cached key that a failed verification fetches again (key rotation). */
  public static final Duration MIN_REFRESH_INTERVAL = Duration.ofMinutes(1);

  /**
   * The deadline of one key fetch made by the verifier of a {@code CircleClient}, retries included.
   */
  public static final Duration KEY_FETCH_TIMEOUT = Duration.ofSeconds(3);

  private static final Pattern UUID_PATTERN =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Moshi MOSHI = Json.moshi();
  private static final ECParameterSpec P256 = p256();

  /** A key id's cache entry: its key, or why there is none; and when it was fetched. */
  private static final class Entry {
    final @Nullable PublicKey key;
    final String problem;
    final Instant fetchedAt;

    Entry(@Nullable PublicKey key, String problem, Instant fetchedAt) {
      this.key = key;
      this.problem = problem;
      this.fetchedAt = fetchedAt;
    }

    boolean expired(Instant now) {
      return !now.isBefore(fetchedAt.plus(key != null ? KEY_TTL : UNKNOWN_KEY_TTL));
    }
  }

  private final PublicKeySource keys;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  /** When the fetches of the last minute were made (at most {@link #MAX_FETCHES_PER_MINUTE}). */
  private final Deque<Instant> recentFetches = new ArrayDeque<>();

  /** A verifier that gets keys from {@code keys} (cached per key id, see the class comment). */
  public CircleWebhookVerifier(PublicKeySource keys) {
    this(keys, Clock.systemUTC());
  }

  /**
   * As {@link #CircleWebhookVerifier(PublicKeySource)}, with the clock that cache expiry is read
   * against.
   */
  public CircleWebhookVerifier(PublicKeySource keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A verifier that fetches keys with {@link NotificationsApi#getNotificationSignature}. Give it a
   * service whose calls have a short deadline ({@code CircleClient} uses {@link
   * #KEY_FETCH_TIMEOUT}).
   */
  public static CircleWebhookVerifier create(NotificationsApi notifications) {
    return create(notifications, Clock.systemUTC());
  }

  static CircleWebhookVerifier create(NotificationsApi notifications, Clock clock) {
    Objects.requireNonNull(notifications, "notifications");
    return new CircleWebhookVerifier(
        keyId -> {
          try {
            return notifications.getNotificationSignature(keyId).execute().getPublicKey();
          } catch (NotFoundException e) {
            return null;
          }
        },
        clock);
  }

  /**
   * Checks that {@code signature} is Circle's signature of exactly {@code rawBody} with key {@code
   * keyId}.
   *
   * @throws WebhookSignatureException if it is not
   */
  public void verify(byte[] rawBody, String signature, String keyId) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (signature == null || signature.trim().isEmpty()) {
      throw new WebhookSignatureException("Missing " + SIGNATURE_HEADER + " header");
    }
    if (keyId == null || !UUID_PATTERN.matcher(keyId.trim()).matches()) {
      throw new WebhookSignatureException(
          "Missing or malformed " + KEY_ID_HEADER + " header (expected a UUID)");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      throw new WebhookSignatureException(SIGNATURE_HEADER + " is not base64", e);
    }
    String id = keyId.trim().toLowerCase(Locale.ROOT);
    Entry entry = entry(id, null);
    if (entry.key == null) {
      throw new WebhookSignatureException(entry.problem);
    }
    if (matches(entry.key, rawBody, der)) {
      return;
    }
    Entry refreshed =
        entry(id, entry); // Circle may have rotated the key behind this id: fetch it again, once
    if (refreshed != entry && refreshed.key != null && matches(refreshed.key, rawBody, der)) {
      return;
    }
    throw new WebhookSignatureException(
        "Signature does not match the body for key "
            + id
            + ": the body was altered or not signed by Circle");
  }

  /** {@link #verify} then {@link #parse}. */
  public CircleNotification verifyAndParse(byte[] rawBody, String signature, String keyId) {
    verify(rawBody, signature, keyId);
    return parse(rawBody);
  }

  /**
   * Parses a notification without verifying it (use {@link #verifyAndParse} for deliveries). {@code
   * transactions.*} become a {@link TransactionNotification}, {@code challenges.*} a {@link
   * ChallengeNotification}; anything else is kept raw as an {@link UnknownNotification}.
   *
   * @throws TransferKitException if the body is not a JSON object, or a transaction or challenge
   *     notification does not match the contract
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
    String type =
        envelope.get("notificationType") instanceof String
            ? (String) envelope.get("notificationType")
            : null;
    String id =
        envelope.get("notificationId") instanceof String
            ? (String) envelope.get("notificationId")
            : null;
    try {
      if (type != null && type.startsWith("transactions.")) {
        return CircleNotification.of(type, id, decode(TransactionNotification.class, json));
      }
      if (type != null && type.startsWith("challenges.")) {
        return CircleNotification.of(type, id, decode(ChallengeNotification.class, json));
      }
    } catch (IOException | JsonDataException e) {
      throw new TransferKitException(
          "Circle notification "
              + id
              + " of type "
              + type
              + " does not match the contract: "
              + e.getMessage(),
          e);
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

  private static boolean matches(PublicKey key, byte[] body, byte[] der) {
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(key);
      verifier.update(body);
      return verifier.verify(der);
    } catch (SignatureException e) {
      throw new WebhookSignatureException(
          "Malformed " + SIGNATURE_HEADER + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot verify SHA256withECDSA", e);
    }
  }

  /**
   * The cache entry for {@code keyId}, fetched when there is none or it expired, or when {@code
   * stale} is the current entry and older than {@link #MIN_REFRESH_INTERVAL}. Concurrent deliveries
   * for one key id fetch it once; a fetch that fails (network, 5xx, rate limit) leaves the cache as
   * it was.
   */
  private Entry entry(String keyId, @Nullable Entry stale) {
    Entry result =
        cache.compute(
            keyId,
            (id, current) -> {
              Instant now = clock.instant();
              boolean refresh =
                  current != null
                      && current == stale
                      && !now.isBefore(current.fetchedAt.plus(MIN_REFRESH_INTERVAL));
              if (current != null && !current.expired(now) && !refresh) {
                return current;
              }
              takeFetchPermit(now);
              String encoded = keys.publicKey(id);
              if (encoded == null) {
                return new Entry(
                    null, "Unknown " + KEY_ID_HEADER + " " + id + ": Circle has no such key", now);
              }
              try {
                return new Entry(decodeKey(id, encoded), "", now);
              } catch (WebhookSignatureException unusable) {
                return new Entry(null, String.valueOf(unusable.getMessage()), now);
              }
            });
    if (cache.size() > MAX_FETCHES_PER_MINUTE * 10) {
      Instant now = clock.instant();
      cache.values().removeIf(e -> e.expired(now));
    }
    return result;
  }

  private void takeFetchPermit(Instant now) {
    synchronized (recentFetches) {
      while (!recentFetches.isEmpty()
          && !now.isBefore(recentFetches.peekFirst().plus(Duration.ofMinutes(1)))) {
        recentFetches.removeFirst();
      }
      if (recentFetches.size() >= MAX_FETCHES_PER_MINUTE) {
        throw new TransferKitException(
            "Circle public key not fetched: this verifier already fetched "
                + MAX_FETCHES_PER_MINUTE
                + " keys in the last minute (deliveries naming unknown key ids?). Answer 5xx;"
                + " Circle delivers again later.");
      }
      recentFetches.addLast(now);
    }
  }

  /**
   * The public key in {@code base64Der}, if it is a P-256 key: its curve, generator, order and
   * cofactor compared.
   */
  static PublicKey decodeKey(String keyId, String base64Der) {
    PublicKey key;
    try {
      key =
          KeyFactory.getInstance("EC")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64Der.trim())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new WebhookSignatureException(
          "Key " + keyId + " is not a valid base64 DER EC public key", e);
    }
    if (!(key instanceof ECPublicKey) || !isP256(((ECPublicKey) key).getParams())) {
      throw new WebhookSignatureException("Key " + keyId + " is not a P-256 EC public key");
    }
    return key;
  }

  private static boolean isP256(ECParameterSpec params) {
    return params.getCurve().equals(P256.getCurve())
        && params.getGenerator().equals(P256.getGenerator())
        && params.getOrder().equals(P256.getOrder())
        && params.getCofactor() == P256.getCofactor();
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
      p.init(new ECGenParameterSpec("secp256r1"));
      return p.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
