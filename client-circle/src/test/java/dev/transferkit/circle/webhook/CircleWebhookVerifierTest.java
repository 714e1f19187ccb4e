package dev.transferkit.circle.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.wallets.model.ChallengeStatus;
import dev.transferkit.circle.wallets.model.TransactionState;
import dev.transferkit.core.exception.ServerException;
import dev.transferkit.core.exception.WebhookSignatureException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Circle webhook signatures (ECDSA P-256 over the raw body) with keys fetched from a local Circle. */
class CircleWebhookVerifierTest {
  static final String OUTBOUND = "{\"subscriptionId\":\"d4c07d5f-f05f-4fe4-853d-4dd434806dfb\","
      + "\"notificationId\":\"5f4ebd63-2a8d-4c8d-9f62-3e0b3d2b3c11\",\"notificationType\":\"transactions.outbound\","
      + "\"notification\":{\"id\":\"ad3f40ae-9c0e-52cf-816f-8c10b2e6a6b2\",\"blockchain\":\"MATIC-AMOY\","
      + "\"state\":\"COMPLETE\",\"transactionType\":\"OUTBOUND\",\"amounts\":[\"0.01\"],\"nfts\":null,"
      + "\"networkFee\":\"0.007418390104364\",\"blockHeight\":41100036,"
      + "\"createDate\":\"2023-10-12T18:10:04Z\",\"updateDate\":\"2023-10-12T18:10:37Z\"},"
      + "\"timestamp\":\"2023-10-12T18:10:37.885946373Z\",\"version\":2}";
  static final String CHALLENGE = "{\"subscriptionId\":\"d4c07d5f-f05f-4fe4-853d-4dd434806dfb\","
      + "\"notificationId\":\"1b2c3d4e-2a8d-4c8d-9f62-3e0b3d2b3c11\",\"notificationType\":\"challenges.initialize\","
      + "\"notification\":{\"id\":\"e4e6e0a5-5b8c-5b8c-9c2e-5e1b4a1c2d3e\",\"userId\":\"test_user\","
      + "\"type\":\"INITIALIZE\",\"status\":\"COMPLETE\",\"correlationIds\":[\"c1\"],\"errorCode\":0,"
      + "\"errorMessage\":\"\"},\"timestamp\":\"2023-10-12T18:10:37.885946373Z\",\"version\":2}";

  private MockWebServer server;
  private final CircleWebhookTestSigner signer = CircleWebhookTestSigner.generate();
  private final AtomicInteger keyRequests = new AtomicInteger();
  private volatile int keyStatus = 200;
  private CircleWebhookVerifier verifier;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        keyRequests.incrementAndGet();
        if (keyStatus != 200) {
          return new MockResponse().setResponseCode(keyStatus).setBody("{\"code\":" + keyStatus
              + ",\"message\":\"Not found.\"}");
        }
        if (!request.getPath().equals("/v2/notifications/publicKey/" + signer.keyId())) {
          return new MockResponse().setResponseCode(404).setBody("{\"code\":404,\"message\":\"Not found.\"}");
        }
        return new MockResponse().setHeader("Content-Type", "application/json")
            .setBody(signer.publicKeyResponseJson());
      }
    });
    server.start();
    verifier = CircleClient.builder().apiKey("k").baseUrl(server.url("/").toString()).maxRetries(0).build()
        .webhookVerifier();
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

    CircleNotification n = verifier.verifyAndParse(body, headers.get("X-Circle-Signature"),
        headers.get("X-Circle-Key-Id"));

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
        Callable<CircleNotification> task = () -> verifier.verifyAndParse(body, signature, signer.keyId());
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
    String test = "{\"subscriptionId\":\"s\",\"notificationId\":\"n1\",\"notificationType\":\"webhooks.test\","
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

    WebhookSignatureException e = assertThrows(WebhookSignatureException.class,
        () -> verifier.verifyAndParse(tampered, signature, signer.keyId()));
    assertTrue(e.getMessage().contains("does not match"), e.getMessage());

    byte[] oneByteFlipped = body.clone();
    oneByteFlipped[oneByteFlipped.length - 2] ^= 1;
    assertThrows(WebhookSignatureException.class, () -> verifier.verify(oneByteFlipped, signature, signer.keyId()));
  }

  @Test
  void signatureByAnotherKeyIsRejected() {
    byte[] body = bytes(OUTBOUND);
    String forged = CircleWebhookTestSigner.generate().sign(body);
    assertThrows(WebhookSignatureException.class, () -> verifier.verify(body, forged, signer.keyId()));
  }

  @Test
  void keyIdCircleDoesNotKnowIsRejected() {
    byte[] body = bytes(OUTBOUND);
    CircleWebhookTestSigner stranger = CircleWebhookTestSigner.generate();

    WebhookSignatureException e = assertThrows(WebhookSignatureException.class,
        () -> verifier.verify(body, stranger.sign(body), stranger.keyId()));

    assertTrue(e.getMessage().contains("Unknown X-Circle-Key-Id"), e.getMessage());
    assertEquals(1, keyRequests.get());
  }

  @Test
  void malformedHeadersAreRejectedWithoutAskingCircle() {
    byte[] body = bytes(OUTBOUND);
    assertThrows(WebhookSignatureException.class, () -> verifier.verify(body, "not base64!", signer.keyId()));
    assertThrows(WebhookSignatureException.class, () -> verifier.verify(body, null, signer.keyId()));
    assertThrows(WebhookSignatureException.class, () -> verifier.verify(body, signer.sign(body), null));
    assertThrows(WebhookSignatureException.class, () -> verifier.verify(body, signer.sign(body), "../../etc"));
    assertThrows(WebhookSignatureException.class,
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
    assertEquals(CircleNotification.Kind.CHALLENGE,
        local.verifyAndParse(body, signer.sign(body), signer.keyId()).kind());
    assertThrows(WebhookSignatureException.class,
        () -> local.verify(body, signer.sign(body), "879dc113-5ca4-4ff7-a6b7-54652083fcf8"));
  }
}
