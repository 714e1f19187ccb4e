package dev.transferkit.circle.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.wallets.model.ChallengeStatus;
import dev.transferkit.circle.wallets.model.TransactionState;
import dev.transferkit.core.exception.NetworkException;
import dev.transferkit.core.exception.ServerException;
import dev.transferkit.core.exception.TransferKitException;
import dev.transferkit.core.exception.WebhookSignatureException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Circle webhook signatures (ECDSA P-256 over the raw body) with keys fetched from a local Circle.
 */
class CircleWebhookVerifierTest {
  static final String OUTBOUND =
      "{\"subscriptionId\":\"d4c07d5f-f05f-4fe4-853d-4dd434806dfb\","
          + "\"notificationId\":\"5f4ebd63-2a8d-4c8d-9f62-3e0b3d2b3c11\",\"notificationType\":\"transactions.outbound\","
          + "\"notification\":{\"id\":\"ad3f40ae-9c0e-52cf-816f-8c10b2e6a6b2\",\"blockchain\":\"MATIC-AMOY\","
          + "\"state\":\"COMPLETE\",\"transactionType\":\"OUTBOUND\",\"amounts\":[\"0.01\"],\"nfts\":null,"
          + "\"networkFee\":\"0.007418390104364\",\"blockHeight\":41100036,"
          + "\"createDate\":\"2023-10-12T18:10:04Z\",\"updateDate\":\"2023-10-12T18:10:37Z\"},"
          + "\"timestamp\":\"2023-10-12T18:10:37.885946373Z\",\"version\":2}";
  static final String CHALLENGE =
      "{\"subscriptionId\":\"d4c07d5f-f05f-4fe4-853d-4dd434806dfb\","
          + "\"notificationId\":\"1b2c3d4e-2a8d-4c8d-9f62-3e0b3d2b3c11\",\"notificationType\":\"challenges.initialize\","
          + "\"notification\":{\"id\":\"e4e6e0a5-5b8c-5b8c-9c2e-5e1b4a1c2d3e\",\"userId\":\"test_user\","
          + "\"type\":\"INITIALIZE\",\"status\":\"COMPLETE\",\"correlationIds\":[\"c1\"],\"errorCode\":0,"
          + "\"errorMessage\":\"\"},\"timestamp\":\"2023-10-12T18:10:37.885946373Z\",\"version\":2}";

  private MockWebServer server;
  private final CircleWebhookTestSigner signer = CircleWebhookTestSigner.generate();
  private final AtomicInteger keyRequests = new AtomicInteger();
  private volatile int keyStatus = 200;

  /** The key Circle serves for {@code signer.keyId()} (tests rotate it). */
  private volatile String servedKeyJson;

  private volatile boolean keyEndpointHangs;
  private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
  private CircleClient circle;
  private CircleWebhookVerifier verifier;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            keyRequests.incrementAndGet();
            if (keyStatus != 200) {
              return new MockResponse()
                  .setResponseCode(keyStatus)
                  .setBody("{\"code\":" + keyStatus + ",\"message\":\"Not found.\"}");
            }
            if (keyEndpointHangs) {
              return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
            }
            if (!request.getPath().equals("/v2/notifications/publicKey/" + signer.keyId())) {
              return new MockResponse()
                  .setResponseCode(404)
                  .setBody("{\"code\":404,\"message\":\"Not found.\"}");
            }
            return new MockResponse()
                .setHeader("Content-Type", "application/json")
                .setBody(servedKeyJson != null ? servedKeyJson : signer.publicKeyResponseJson());
          }
        });
    server.start();
    circle =
        CircleClient.builder()
            .apiKey("k")
            .baseUrl(server.url("/").toString())
            .maxRetries(0)
            .build();
    verifier = circle.webhookVerifier();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void genuineOutboundTransactionIsVerifiedAndTyped() {
    byte[] body = bytes(OUTBOUND);
    Map<String, String> headers = signer.headers(body);

    CircleNotification n =
        verifier.verifyAndParse(
            body, headers.get("X-Circle-Signature"), headers.get("X-Circle-Key-Id"));

    assertEquals(CircleNotification.Kind.TRANSACTION, n.kind());
    assertEquals("transactions.outbound", n.notificationType());
    assertEquals("5f4ebd63-2a8d-4c8d-9f62-3e0b3d2b3c11", n.notificationId());
    assertEquals(TransactionState.COMPLETE, n.transaction().getNotification().getState());
    assertEquals(new BigDecimal("0.01"), n.transaction().getNotification().getAmounts().get(0));
    assertNull(n.challenge());
  }

  @Test
  void publicKeyIsFetchedOncePerKeyIdEvenUnderConcurrentDeliveries() throws Exception {
    byte[] body = bytes(CHALLENGE);
    String signature = signer.sign(body);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<CircleNotification>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Callable<CircleNotification> task =
            () -> verifier.verifyAndParse(body, signature, signer.keyId());
        results.add(pool.submit(task));
      }
      for (Future<CircleNotification> f : results) {
        assertEquals(ChallengeStatus.COMPLETE, f.get().challenge().getNotification().getStatus());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, keyRequests.get());
  }

  @Test
  void unknownNotificationTypeIsKeptRaw() {
    String test =
        "{\"subscriptionId\":\"s\",\"notificationId\":\"n1\",\"notificationType\":\"webhooks.test\","
            + "\"notification\":{\"hello\":\"world\"},\"timestamp\":\"2024-01-01T00:00:00Z\",\"version\":2}";
    byte[] body = bytes(test);

    CircleNotification n = verifier.verifyAndParse(body, signer.sign(body), signer.keyId());

    assertEquals(CircleNotification.Kind.UNKNOWN, n.kind());
    assertEquals("webhooks.test", n.unknown().notificationType());
    assertEquals(test, n.unknown().rawJson());
  }

  @Test
  void tamperedBodyIsRejected() {
    byte[] body = bytes(OUTBOUND);
    String signature = signer.sign(body);
    byte[] tampered = bytes(OUTBOUND.replace("\"0.01\"", "\"9.01\""));

    WebhookSignatureException e =
        assertThrows(
            WebhookSignatureException.class,
            () -> verifier.verifyAndParse(tampered, signature, signer.keyId()));
    assertTrue(e.getMessage().contains("does not match"), e.getMessage());

    byte[] oneByteFlipped = body.clone();
    oneByteFlipped[oneByteFlipped.length - 2] ^= 1;
    assertThrows(
        WebhookSignatureException.class,
        () -> verifier.verify(oneByteFlipped, signature, signer.keyId()));
  }

  @Test
  void signatureByAnotherKeyIsRejected() {
    byte[] body = bytes(OUTBOUND);
    String forged = CircleWebhookTestSigner.generate().sign(body);
    assertThrows(
        WebhookSignatureException.class, () -> verifier.verify(body, forged, signer.keyId()));
  }

  @Test
  void keyIdCircleDoesNotKnowIsRejected() {
    byte[] body = bytes(OUTBOUND);
    CircleWebhookTestSigner stranger = CircleWebhookTestSigner.generate();

    WebhookSignatureException e =
        assertThrows(
            WebhookSignatureException.class,
            () -> verifier.verify(body, stranger.sign(body), stranger.keyId()));

    assertTrue(e.getMessage().contains("Unknown X-Circle-Key-Id"), e.getMessage());
    assertEquals(1, keyRequests.get());
  }

  @Test
  void malformedHeadersAreRejectedWithoutAskingCircle() {
    byte[] body = bytes(OUTBOUND);
    assertThrows(
        WebhookSignatureException.class,
        () -> verifier.verify(body, "not base64!", signer.keyId()));
    assertThrows(
        WebhookSignatureException.class, () -> verifier.verify(body, null, signer.keyId()));
    assertThrows(
        WebhookSignatureException.class, () -> verifier.verify(body, signer.sign(body), null));
    assertThrows(
        WebhookSignatureException.class,
        () -> verifier.verify(body, signer.sign(body), "../../etc"));
    assertThrows(
        WebhookSignatureException.class,
        () -> verifier.verify(body, "MEYCIQCA9EvPbdEJiy7Cw0eY", signer.keyId()));
    assertEquals(1, keyRequests.get(), "only the well-formed delivery needed the key");
  }

  @Test
  void circleOutageWhileFetchingTheKeyPropagatesAndIsNotCached() {
    byte[] body = bytes(OUTBOUND);
    String signature = signer.sign(body);
    keyStatus = 503;
    assertThrows(ServerException.class, () -> verifier.verify(body, signature, signer.keyId()));

    keyStatus = 200;
    verifier.verify(body, signature, signer.keyId());
    assertEquals(2, keyRequests.get());
  }

  @Test
  void testSignerServesAsAKeySourceForUsersOwnTests() {
    CircleWebhookVerifier local = new CircleWebhookVerifier(signer);
    byte[] body = bytes(CHALLENGE);
    assertEquals(
        CircleNotification.Kind.CHALLENGE,
        local.verifyAndParse(body, signer.sign(body), signer.keyId()).kind());
    assertThrows(
        WebhookSignatureException.class,
        () -> local.verify(body, signer.sign(body), "879dc113-5ca4-4ff7-a6b7-54652083fcf8"));
  }

  /** A verifier on the local Circle whose cache times are read against the test's clock. */
  private CircleWebhookVerifier clocked() {
    return CircleWebhookVerifier.create(circle.notifications(), clock);
  }

  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void unknownKeyIdIsRememberedAndAskedForAgainOnlyAfterTheNegativeCacheExpires() {
    CircleWebhookVerifier v = clocked();
    byte[] body = bytes(OUTBOUND);
    CircleWebhookTestSigner stranger = CircleWebhookTestSigner.generate();

    for (int i = 0; i < 5; i++) {
      assertThrows(
          WebhookSignatureException.class,
          () -> v.verify(body, stranger.sign(body), stranger.keyId()));
    }
    assertEquals(1, keyRequests.get(), "one fetch for five deliveries naming the same unknown key");

    clock.advance(CircleWebhookVerifier.UNKNOWN_KEY_TTL);
    assertThrows(
        WebhookSignatureException.class,
        () -> v.verify(body, stranger.sign(body), stranger.keyId()));
    assertEquals(2, keyRequests.get());
  }

  @Test
  void randomKeyIdsCannotMakeTheVerifierCallCircleInALoop() {
    CircleWebhookVerifier v = clocked();
    byte[] body = bytes(OUTBOUND);
    int refusedWithoutFetch = 0;
    for (int i = 0; i < 3 * CircleWebhookVerifier.MAX_FETCHES_PER_MINUTE; i++) {
      TransferKitException e =
          assertThrows(
              TransferKitException.class,
              () -> v.verify(body, signer.sign(body), UUID.randomUUID().toString()));
      if (!(e instanceof WebhookSignatureException)) {
        assertTrue(e.getMessage().contains("Answer 5xx"), e.getMessage());
        refusedWithoutFetch++;
      }
    }
    assertEquals(CircleWebhookVerifier.MAX_FETCHES_PER_MINUTE, keyRequests.get());
    assertEquals(2 * CircleWebhookVerifier.MAX_FETCHES_PER_MINUTE, refusedWithoutFetch);

    clock.advance(Duration.ofMinutes(1));
    v.verify(body, signer.sign(body), signer.keyId());
    assertEquals(
        CircleWebhookVerifier.MAX_FETCHES_PER_MINUTE + 1, keyRequests.get(), "the window moved on");
  }

  @Test
  void keyFetchThatHangsEndsAtTheVerifiersOwnShortDeadline() {
    keyEndpointHangs = true;
    byte[] body = bytes(OUTBOUND);

    long start = System.nanoTime();
    NetworkException e =
        assertThrows(
            NetworkException.class, () -> verifier.verify(body, signer.sign(body), signer.keyId()));
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertTrue(
        ms < 4_500, "ended at the 3 s key-fetch deadline, below Circle's 5 s: " + ms + " ms");
    assertTrue(e.getMessage().contains("3000 ms"), e.getMessage());
  }

  @Test
  void keyOnAnother256BitCurveIsRefusedByItsCurveParameters() throws Exception {
    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
    params.init(new ECGenParameterSpec("secp256k1"));
    ECParameterSpec k1 = params.getParameterSpec(ECParameterSpec.class);
    PublicKey otherCurve =
        KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(k1.getGenerator(), k1));
    assertEquals(256, k1.getCurve().getField().getFieldSize(), "same field size as P-256");
    servedKeyJson =
        "{\"data\":{\"id\":\""
            + signer.keyId()
            + "\",\"algorithm\":\"ECDSA_SHA_256\",\"publicKey\":\""
            + Base64.getEncoder().encodeToString(otherCurve.getEncoded())
            + "\",\"createDate\":\"2024-01-01T00:00:00Z\"}}";
    CircleWebhookVerifier v = clocked();
    byte[] body = bytes(OUTBOUND);

    WebhookSignatureException e =
        assertThrows(
            WebhookSignatureException.class,
            () -> v.verify(body, signer.sign(body), signer.keyId()));
    assertTrue(e.getMessage().contains("not a P-256"), e.getMessage());
    assertThrows(
        WebhookSignatureException.class, () -> v.verify(body, signer.sign(body), signer.keyId()));
    assertEquals(1, keyRequests.get(), "an unusable key is remembered like an unknown one");
  }

  @Test
  void cachedKeyIsFetchedAgainAfterItsTtl() {
    CircleWebhookVerifier v = clocked();
    byte[] body = bytes(OUTBOUND);
    v.verify(body, signer.sign(body), signer.keyId());
    clock.advance(CircleWebhookVerifier.KEY_TTL.minusSeconds(1));
    v.verify(body, signer.sign(body), signer.keyId());
    assertEquals(1, keyRequests.get());

    clock.advance(Duration.ofSeconds(1));
    v.verify(body, signer.sign(body), signer.keyId());
    assertEquals(2, keyRequests.get());
  }

  @Test
  void rotatedKeyIsFetchedAgainOnceWhenTheCachedOneDoesNotVerify() {
    CircleWebhookVerifier v = clocked();
    byte[] body = bytes(OUTBOUND);
    v.verify(body, signer.sign(body), signer.keyId());
    CircleWebhookTestSigner rotated = signer.rotate();
    servedKeyJson = rotated.publicKeyResponseJson();
    clock.advance(CircleWebhookVerifier.MIN_REFRESH_INTERVAL);

    v.verify(body, rotated.sign(body), rotated.keyId());
    assertEquals(2, keyRequests.get(), "one re-fetch picked up the rotated key");

    CircleWebhookTestSigner forger = signer.rotate();
    for (int i = 0; i < 5; i++) {
      assertThrows(
          WebhookSignatureException.class, () -> v.verify(body, forger.sign(body), forger.keyId()));
    }
    assertEquals(2, keyRequests.get(), "a key fetched less than a minute ago is not fetched again");
    clock.advance(CircleWebhookVerifier.MIN_REFRESH_INTERVAL);
    assertThrows(
        WebhookSignatureException.class, () -> v.verify(body, forger.sign(body), forger.keyId()));
    assertEquals(3, keyRequests.get(), "at most one re-fetch per failed verification");
  }
}
