package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_DENIED_ADDRESS;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_FAILING_ADDRESS;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_OTHER_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_USDC_TOKEN_ID;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_USER_ID;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_WALLET_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CircleWalletsTest extends SandboxTestBase {
  static final String KEY = Http.bearer(CIRCLE_API_KEY);
  static final String DESTINATION = "0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3";

  /**
   * An admin subscription body for the transaction notifications only (challenges have their own).
   */
  static String transactionsOnly(WebhookReceiver hook) {
    return "{\"endpoint\": \"" + hook.url() + "\", \"notificationTypes\": [\"transactions.*\"]}";
  }

  String userToken() {
    Http.Response r =
        Http.post(
            circle("v1/w3s/users/token"),
            "{\"userId\": \"" + CIRCLE_USER_ID + "\"}",
            "Authorization",
            KEY);
    assertEquals(200, r.status(), r.text());
    return r.json().at("/data/userToken").asText();
  }

  static String transferBody(String idempotencyKey, String amount, String destination) {
    return """
        {"userId": "%s", "idempotencyKey": "%s", "amounts": ["%s"], "destinationAddress": "%s",
         "tokenId": "%s", "walletId": "%s", "feeLevel": "MEDIUM"}"""
        .formatted(
            CIRCLE_USER_ID,
            idempotencyKey,
            amount,
            destination,
            CIRCLE_USDC_TOKEN_ID,
            CIRCLE_WALLET_ID);
  }

  String usdc(String token) {
    Http.Response r =
        Http.get(
            circle("v1/w3s/wallets/" + CIRCLE_WALLET_ID + "/balances"),
            "Authorization",
            KEY,
            "X-User-Token",
            token);
    assertEquals(200, r.status(), r.text());
    for (JsonNode b : r.json().at("/data/tokenBalances")) {
      if (b.at("/token/id").asText().equals(CIRCLE_USDC_TOKEN_ID)) {
        return b.get("amount").asText();
      }
    }
    return "0";
  }

  String startTransfer(String token, String amount, String destination) {
    Http.Response r =
        Http.post(
            circle("v1/w3s/user/transactions/transfer"),
            transferBody(UUID.randomUUID().toString(), amount, destination),
            "Authorization",
            KEY,
            "X-User-Token",
            token);
    assertEquals(201, r.status(), r.text());
    return r.json().at("/data/challengeId").asText();
  }

  JsonNode completeChallenge(String challengeId) {
    Http.Response r = Http.post(admin("circle/w3s/challenges/" + challengeId + "/complete"), "{}");
    assertEquals(200, r.status(), r.text());
    return r.json();
  }

  JsonNode transaction(String token, String id) {
    Http.Response r =
        Http.get(circle("v1/w3s/transactions/" + id), "Authorization", KEY, "X-User-Token", token);
    assertEquals(200, r.status(), r.text());
    return r.json().at("/data/transaction");
  }

  @Test
  void theUserTokenIsAJwtForTheUserValidFor60Minutes() throws Exception {
    Http.Response r =
        Http.post(
            circle("v1/w3s/users/token"),
            "{\"userId\": \"" + CIRCLE_USER_ID + "\"}",
            "Authorization",
            KEY);
    String token = r.json().at("/data/userToken").asText();
    String[] parts = token.split("\\.");
    assertEquals(3, parts.length);
    JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertEquals(CIRCLE_USER_ID, claims.get("sub").asText());
    assertEquals(3600, claims.get("exp").asLong() - claims.get("iat").asLong());
    assertEquals(clock.instant().getEpochSecond(), claims.get("iat").asLong());
    assertEquals(
        32, Base64.getDecoder().decode(r.json().at("/data/encryptionKey").asText()).length);

    clock.advance(Duration.ofMinutes(59));
    assertEquals(
        200,
        Http.get(circle("v1/w3s/wallets"), "Authorization", KEY, "X-User-Token", token).status());
    clock.advance(Duration.ofMinutes(1));
    Http.Response expired =
        Http.get(circle("v1/w3s/wallets"), "Authorization", KEY, "X-User-Token", token);
    assertEquals(403, expired.status());
    assertEquals(155104, expired.json().get("code").asInt());
  }

  @Test
  void aMissingOrForgedUserTokenIsRefused() {
    Http.Response missing = Http.get(circle("v1/w3s/wallets"), "Authorization", KEY);
    assertEquals(401, missing.status());
    assertEquals(155103, missing.json().get("code").asInt());
    String token = userToken();
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
    Http.Response invalid =
        Http.get(circle("v1/w3s/wallets"), "Authorization", KEY, "X-User-Token", forged);
    assertEquals(403, invalid.status());
    assertEquals(155105, invalid.json().get("code").asInt());
    Http.Response otherKey =
        Http.get(
            circle("v1/w3s/wallets"),
            "Authorization",
            Http.bearer(CIRCLE_OTHER_API_KEY),
            "X-User-Token",
            token);
    assertEquals(403, otherKey.status());
  }

  @Test
  void usersAreCreatedOnceAndUnknownUsersGetNoToken() {
    Http.Response created =
        Http.post(circle("v1/w3s/users"), "{\"userId\": \"new-user-1\"}", "Authorization", KEY);
    assertEquals(201, created.status(), created.text());
    assertEquals("new-user-1", created.json().at("/data/id").asText());
    Http.Response again =
        Http.post(circle("v1/w3s/users"), "{\"userId\": \"new-user-1\"}", "Authorization", KEY);
    assertEquals(409, again.status());
    assertEquals(155101, again.json().get("code").asInt());
    Http.Response unknown =
        Http.post(
            circle("v1/w3s/users/token"), "{\"userId\": \"nobody-here\"}", "Authorization", KEY);
    assertEquals(404, unknown.status());
    assertEquals(155102, unknown.json().get("code").asInt());
    Http.Response tooShort =
        Http.post(circle("v1/w3s/users"), "{\"userId\": \"abc\"}", "Authorization", KEY);
    assertEquals(400, tooShort.status());
    assertEquals(2, tooShort.json().get("code").asInt());
  }

  @Test
  void theSeededWalletHoldsTheGuidesToken() {
    String token = userToken();
    Http.Response wallets =
        Http.get(circle("v1/w3s/wallets"), "Authorization", KEY, "X-User-Token", token);
    assertEquals(200, wallets.status(), wallets.text());
    assertEquals(CIRCLE_WALLET_ID, wallets.json().at("/data/wallets/0/id").asText());
    assertEquals("10", usdc(token));
  }

  @Test
  void aTransferWalksItsLifecycleMovesTheBalanceAndSendsSignedNotifications() throws Exception {
    try (WebhookReceiver hook = new WebhookReceiver()) {
      assertEquals(200, Http.post(admin("circle/subscriptions"), transactionsOnly(hook)).status());
      String token = userToken();
      String challengeId = startTransfer(token, ".01", DESTINATION);
      assertEquals("10", usdc(token), "nothing moves before the PIN is entered");

      JsonNode challenge = completeChallenge(challengeId);
      assertEquals("COMPLETE", challenge.get("status").asText());
      String txId = challenge.at("/correlationIds/0").asText();
      assertEquals("INITIATED", transaction(token, txId).get("state").asText());
      assertEquals("9.99", usdc(token));

      List<String> states = new ArrayList<>(List.of("INITIATED"));
      for (String expected : List.of("QUEUED", "SENT", "CONFIRMED", "COMPLETE")) {
        clock.advance(CircleTransactions.W3S_STEP);
        JsonNode tx = transaction(token, txId);
        assertEquals(expected, tx.get("state").asText());
        states.add(expected);
      }
      JsonNode done = transaction(token, txId);
      assertFalse(done.get("txHash").asText().isEmpty());
      assertTrue(done.has("blockHeight"));
      assertEquals(".01", done.at("/amounts/0").asText().replace("0.01", ".01"));

      List<WebhookReceiver.Received> received = hook.received();
      assertEquals(5, received.size());
      List<String> notified = new ArrayList<>();
      PublicKey publicKey = null;
      for (WebhookReceiver.Received n : received) {
        JsonNode body = Json.MAPPER.readTree(n.body());
        assertEquals("transactions.outbound", body.get("notificationType").asText());
        assertEquals(2, body.get("version").asInt());
        notified.add(body.at("/notification/state").asText());
        String keyId = n.header("X-Circle-Key-Id");
        assertEquals(sandbox.seed().circleNotificationKeyId(), keyId);
        if (publicKey == null) {
          publicKey = publicKey(keyId);
        }
        assertTrue(
            verify(publicKey, n.body(), n.header("X-Circle-Signature")), "signature of " + body);
        byte[] tampered = n.body().clone();
        tampered[tampered.length / 2] ^= 1;
        assertFalse(verify(publicKey, tampered, n.header("X-Circle-Signature")));
      }
      assertEquals(states, notified);
    }
  }

  /**
   * Requests run on the server's dispatcher thread; answers that wait for deliveries move to a
   * worker. A subscriber that fetches the signing key from the sandbox while a delivery is in
   * flight (as Circle's verification does) must get its answer, or the sandbox would deadlock.
   */
  @Test
  void aSubscriberCallingBackDuringADeliveryIsAnswered() throws Exception {
    try (WebhookReceiver hook = new WebhookReceiver()) {
      List<Integer> keyFetches = java.util.Collections.synchronizedList(new ArrayList<>());
      hook.onDelivery =
          n ->
              keyFetches.add(
                  Http.get(
                          circle("v2/notifications/publicKey/" + n.header("X-Circle-Key-Id")),
                          "Authorization",
                          KEY)
                      .status());
      assertEquals(200, Http.post(admin("circle/subscriptions"), transactionsOnly(hook)).status());
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofSeconds(4),
          () -> {
            String token = userToken();
            // an admin call that answers after its delivery (INITIATED)
            String txId =
                completeChallenge(startTransfer(token, ".01", DESTINATION))
                    .at("/correlationIds/0")
                    .asText();
            assertEquals(List.of(200), keyFetches);
            // a provider call that observes the next state, queues its delivery and answers after
            // it (QUEUED)
            clock.advance(CircleTransactions.W3S_STEP);
            assertEquals("QUEUED", transaction(token, txId).get("state").asText());
            assertEquals(List.of(200, 200), keyFetches);
          });
    }
  }

  PublicKey publicKey(String keyId) throws Exception {
    Http.Response r = Http.get(circle("v2/notifications/publicKey/" + keyId), "Authorization", KEY);
    assertEquals(200, r.status(), r.text());
    assertEquals("ECDSA_SHA_256", r.json().at("/data/algorithm").asText());
    byte[] der = Base64.getDecoder().decode(r.json().at("/data/publicKey").asText());
    return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
  }

  static boolean verify(PublicKey key, byte[] body, String signature) throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initVerify(key);
    s.update(body);
    return s.verify(Base64.getDecoder().decode(signature));
  }

  @Test
  void aFailedDeliveryIsRetriedWithTheSameNotificationId() throws Exception {
    try (WebhookReceiver hook = new WebhookReceiver()) {
      Http.post(admin("circle/subscriptions"), transactionsOnly(hook));
      hook.failNext.set(1);
      String token = userToken();
      completeChallenge(startTransfer(token, "1", DESTINATION));
      assertEquals(1, hook.received().size());
      clock.advance(
          Duration.ofSeconds(
              59)); // nothing due: the next lifecycle step is at 10 s, the retry at 60 s
      clock.advance(Duration.ofSeconds(1));
      List<WebhookReceiver.Received> got = hook.received();
      List<String> ids = new ArrayList<>();
      List<String> states = new ArrayList<>();
      for (WebhookReceiver.Received r : got) {
        JsonNode body = Json.MAPPER.readTree(r.body());
        ids.add(body.get("notificationId").asText());
        states.add(body.at("/notification/state").asText());
      }
      // first INITIATED attempt failed; QUEUED, SENT, CONFIRMED, COMPLETE went through; then the
      // INITIATED retry
      assertEquals(
          List.of("INITIATED", "QUEUED", "SENT", "CONFIRMED", "COMPLETE", "INITIATED"), states);
      assertEquals(ids.get(0), ids.get(5));
      assertEquals(
          new String(got.get(0).body(), StandardCharsets.UTF_8),
          new String(got.get(5).body(), StandardCharsets.UTF_8));
      assertNotEquals(ids.get(0), ids.get(1));
    }
  }

  @Test
  void aTransferToTheSeededFailingAddressFailsAndGivesTheMoneyBack() {
    String token = userToken();
    String txId =
        completeChallenge(startTransfer(token, "2", CIRCLE_FAILING_ADDRESS))
            .at("/correlationIds/0")
            .asText();
    assertEquals("8", usdc(token));
    clock.advance(Duration.ofMinutes(5));
    JsonNode tx = transaction(token, txId);
    assertEquals("FAILED", tx.get("state").asText());
    assertEquals("FAILED_ON_CHAIN", tx.get("errorReason").asText());
    assertEquals("10", usdc(token));
  }

  @Test
  void aTransferToTheSeededDeniedAddressIsDenied() {
    String token = userToken();
    String txId =
        completeChallenge(startTransfer(token, "2", CIRCLE_DENIED_ADDRESS))
            .at("/correlationIds/0")
            .asText();
    clock.advance(Duration.ofMinutes(5));
    assertEquals("DENIED", transaction(token, txId).get("state").asText());
    assertEquals("10", usdc(token));
  }

  @Test
  void theSameIdempotencyKeyReturnsTheSameChallengeWith200() {
    String token = userToken();
    String body = transferBody(UUID.randomUUID().toString(), "1", DESTINATION);
    Http.Response first =
        Http.post(
            circle("v1/w3s/user/transactions/transfer"),
            body,
            "Authorization",
            KEY,
            "X-User-Token",
            token);
    Http.Response again =
        Http.post(
            circle("v1/w3s/user/transactions/transfer"),
            body,
            "Authorization",
            KEY,
            "X-User-Token",
            token);
    assertEquals(201, first.status());
    assertEquals(200, again.status());
    assertEquals(first.json(), again.json());
    Http.Response different =
        Http.post(
            circle("v1/w3s/user/transactions/transfer"),
            body.replace("\"1\"", "\"2\""),
            "Authorization",
            KEY,
            "X-User-Token",
            token);
    assertEquals(403, different.status());
    assertEquals(156020, different.json().get("code").asInt());
  }

  @Test
  void transferRequestsAreCheckedBeforeAChallengeIsIssued() {
    String token = userToken();
    Http.Response tooMuch =
        Http.post(
            circle("v1/w3s/user/transactions/transfer"),
            transferBody(UUID.randomUUID().toString(), "10.01", DESTINATION),
            "Authorization",
            KEY,
            "X-User-Token",
            token);
    assertEquals(400, tooMuch.status());
    assertEquals(155201, tooMuch.json().get("code").asInt());
    Http.Response badAddress =
        Http.post(
            circle("v1/w3s/user/transactions/transfer"),
            transferBody(UUID.randomUUID().toString(), "1", "not-an-address"),
            "Authorization",
            KEY,
            "X-User-Token",
            token);
    assertEquals(400, badAddress.status());
    assertEquals(155219, badAddress.json().get("code").asInt());
    Http.Response noFee =
        Http.post(
            circle("v1/w3s/user/transactions/transfer"),
            transferBody(UUID.randomUUID().toString(), "1", DESTINATION)
                .replace(", \"feeLevel\": \"MEDIUM\"", ""),
            "Authorization",
            KEY,
            "X-User-Token",
            token);
    assertEquals(400, noFee.status());
    assertEquals(155231, noFee.json().get("code").asInt());
    Http.Response notAUuid =
        Http.post(
            circle("v1/w3s/user/transactions/transfer"),
            transferBody("nope", "1", DESTINATION),
            "Authorization",
            KEY,
            "X-User-Token",
            token);
    assertEquals(400, notAUuid.status());
    assertEquals(2, notAUuid.json().get("code").asInt());
  }

  @Test
  void transactionsAreListedNewestFirstWithPagingLinks() {
    String token = userToken();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          0,
          completeChallenge(startTransfer(token, "1", DESTINATION))
              .at("/correlationIds/0")
              .asText());
      clock.advance(Duration.ofSeconds(1));
    }
    Http.Response page =
        Http.get(
            circle("v1/w3s/transactions?pageSize=2"), "Authorization", KEY, "X-User-Token", token);
    assertEquals(200, page.status(), page.text());
    assertEquals(ids.get(0), page.json().at("/data/transactions/0/id").asText());
    assertEquals(ids.get(1), page.json().at("/data/transactions/1/id").asText());
    assertTrue(page.header("Link").contains("pageAfter=" + ids.get(1)), page.header("Link"));
    Http.Response unknownTx =
        Http.get(
            circle("v1/w3s/transactions/" + UUID.randomUUID()),
            "Authorization",
            KEY,
            "X-User-Token",
            token);
    assertEquals(404, unknownTx.status());
    assertEquals(156003, unknownTx.json().get("code").asInt());
  }

  @Test
  void anUnknownNotificationKeyIsNotFound() {
    Http.Response r =
        Http.get(circle("v2/notifications/publicKey/" + UUID.randomUUID()), "Authorization", KEY);
    assertEquals(404, r.status());
  }
}
