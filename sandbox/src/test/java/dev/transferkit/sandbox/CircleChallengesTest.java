package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_OTHER_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_USER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * User initialization and the challenges a backend polls: states, PIN status, wallets created on
 * completion.
 */
class CircleChallengesTest extends SandboxTestBase {
  static final String KEY = Http.bearer(CIRCLE_API_KEY);

  /** A new user (PIN UNSET) and a session token for it. */
  String newUserToken(String userId) {
    assertEquals(
        201,
        Http.post(circle("v1/w3s/users"), "{\"userId\": \"" + userId + "\"}", "Authorization", KEY)
            .status());
    return token(userId);
  }

  String token(String userId) {
    Http.Response r =
        Http.post(
            circle("v1/w3s/users/token"), "{\"userId\": \"" + userId + "\"}", "Authorization", KEY);
    assertEquals(200, r.status(), r.text());
    return r.json().at("/data/userToken").asText();
  }

  Http.Response initialize(String token, String body) {
    return Http.post(
        circle("v1/w3s/user/initialize"), body, "Authorization", KEY, "X-User-Token", token);
  }

  static String initializeBody(String key) {
    return """
        {"idempotencyKey": "%s", "accountType": "EOA", "blockchains": ["MATIC-AMOY", "SOL-DEVNET"],
         "metadata": [{"name": "main", "refId": "ref-1"}]}"""
        .formatted(key);
  }

  JsonNode challenge(String token, String id) {
    Http.Response r =
        Http.get(
            circle("v1/w3s/user/challenges/" + id), "Authorization", KEY, "X-User-Token", token);
    assertEquals(200, r.status(), r.text());
    return r.json().at("/data/challenge");
  }

  List<String> challengeIds(String token, String query) {
    Http.Response r =
        Http.get(
            circle("v1/w3s/user/challenges" + query), "Authorization", KEY, "X-User-Token", token);
    assertEquals(200, r.status(), r.text());
    List<String> ids = new ArrayList<>();
    r.json().at("/data/challenges").forEach(c -> ids.add(c.get("id").asText()));
    return ids;
  }

  JsonNode user(String token) {
    Http.Response r = Http.get(circle("v1/w3s/user"), "Authorization", KEY, "X-User-Token", token);
    assertEquals(200, r.status(), r.text());
    return r.json().get("data");
  }

  List<String> walletIds(String token) {
    Http.Response r =
        Http.get(circle("v1/w3s/wallets"), "Authorization", KEY, "X-User-Token", token);
    assertEquals(200, r.status(), r.text());
    List<String> ids = new ArrayList<>();
    r.json().at("/data/wallets").forEach(w -> ids.add(w.get("id").asText()));
    return ids;
  }

  Http.Response complete(String challengeId, String body) {
    return Http.post(admin("circle/w3s/challenges/" + challengeId + "/complete"), body);
  }

  @Test
  void initializingSetsThePinAndCreatesTheRequestedWalletsOnlyWhenTheChallengeCompletes() {
    String token = newUserToken("init-user-1");
    assertEquals("UNSET", user(token).get("pinStatus").asText());
    Http.Response started = initialize(token, initializeBody(UUID.randomUUID().toString()));
    assertEquals(201, started.status(), started.text());
    String id = started.json().at("/data/challengeId").asText();

    JsonNode pending = challenge(token, id);
    assertEquals("PENDING", pending.get("status").asText());
    assertEquals("INITIALIZE", pending.get("type").asText());
    assertEquals(List.of(id), challengeIds(token, "?status=PENDING"));
    assertEquals(List.of(), walletIds(token), "no wallet before the user sets the PIN");

    assertEquals(200, complete(id, "{}").status());
    JsonNode done = challenge(token, id);
    assertEquals("COMPLETE", done.get("status").asText());
    List<String> created = new ArrayList<>();
    done.get("correlationIds").forEach(w -> created.add(w.asText()));
    assertEquals(2, created.size());
    assertEquals(created.stream().sorted().toList(), walletIds(token).stream().sorted().toList());
    Http.Response first =
        Http.get(
            circle("v1/w3s/wallets/" + created.get(0)),
            "Authorization",
            KEY,
            "X-User-Token",
            token);
    assertEquals("MATIC-AMOY", first.json().at("/data/wallet/blockchain").asText());
    assertEquals("main", first.json().at("/data/wallet/name").asText());
    assertEquals("ref-1", first.json().at("/data/wallet/refId").asText());
    assertEquals("ENABLED", user(token).get("pinStatus").asText());
    Http.Response byId = Http.get(circle("v1/w3s/users/init-user-1"), "Authorization", KEY);
    assertEquals("ENABLED", byId.json().at("/data/user/pinStatus").asText(), byId.text());
    assertEquals(List.of(), challengeIds(token, "?status=PENDING"));
    assertEquals(List.of(id), challengeIds(token, ""));
  }

  @Test
  void anInitializedUserCannotBeInitializedAgain() {
    String token = newUserToken("init-user-2");
    String id =
        initialize(token, initializeBody(UUID.randomUUID().toString()))
            .json()
            .at("/data/challengeId")
            .asText();
    complete(id, "{}");
    Http.Response again = initialize(token, initializeBody(UUID.randomUUID().toString()));
    assertEquals(409, again.status(), again.text());
    assertEquals(155106, again.json().get("code").asInt());
    Http.Response seeded =
        initialize(token(CIRCLE_USER_ID), initializeBody(UUID.randomUUID().toString()));
    assertEquals(409, seeded.status(), "the seeded user has a PIN already");
  }

  @Test
  void aRepeatedIdempotencyKeyReturnsTheSameChallengeOrRefusesAnotherRequest() {
    String token = newUserToken("init-user-3");
    String key = UUID.randomUUID().toString();
    Http.Response first = initialize(token, initializeBody(key));
    Http.Response replay = initialize(token, initializeBody(key));
    assertEquals(201, first.status());
    assertEquals(200, replay.status());
    assertEquals(first.json().at("/data/challengeId"), replay.json().at("/data/challengeId"));
    Http.Response other =
        initialize(
            token, "{\"idempotencyKey\": \"" + key + "\", \"blockchains\": [\"ETH-SEPOLIA\"]}");
    assertEquals(403, other.status());
    assertEquals(156020, other.json().get("code").asInt());
  }

  @Test
  void aPendingChallengeExpiresOnTheSandboxClockAndCannotBeCompletedAfterwards() {
    String token = newUserToken("init-user-4");
    String id =
        initialize(token, initializeBody(UUID.randomUUID().toString()))
            .json()
            .at("/data/challengeId")
            .asText();
    clock.advance(CircleChallenges.CHALLENGE_LIFETIME.minusSeconds(1));
    assertEquals("PENDING", challenge(token, id).get("status").asText());
    clock.advance(Duration.ofSeconds(1));
    JsonNode expired = challenge(token, id);
    assertEquals("EXPIRED", expired.get("status").asText());
    assertEquals(155121, expired.get("errorCode").asInt());
    assertEquals(409, complete(id, "{}").status());
    assertEquals("UNSET", user(token).get("pinStatus").asText());
  }

  @Test
  void aRefusedChallengeFailsAndLeavesThePinUnsetAndNoWallet() {
    String token = newUserToken("init-user-5");
    String id =
        initialize(token, initializeBody(UUID.randomUUID().toString()))
            .json()
            .at("/data/challengeId")
            .asText();
    assertEquals(200, complete(id, "{\"outcome\": \"FAILED\"}").status());
    JsonNode failed = challenge(token, id);
    assertEquals("FAILED", failed.get("status").asText());
    assertTrue(failed.get("errorCode").asInt() != 0);
    assertEquals("UNSET", user(token).get("pinStatus").asText());
    assertEquals(List.of(), walletIds(token));
  }

  @Test
  void anotherUsersChallengeIsNotFound() {
    String token = newUserToken("init-user-6");
    String id =
        initialize(token, initializeBody(UUID.randomUUID().toString()))
            .json()
            .at("/data/challengeId")
            .asText();
    Http.Response other =
        Http.get(
            circle("v1/w3s/user/challenges/" + id),
            "Authorization",
            KEY,
            "X-User-Token",
            token(CIRCLE_USER_ID));
    assertEquals(404, other.status());
    assertEquals(155116, other.json().get("code").asInt());
    assertEquals(List.of(), challengeIds(token(CIRCLE_USER_ID), ""));
  }

  @Test
  void aTransferChallengeNamesItsTransactionOnceApproved() {
    String token = token(CIRCLE_USER_ID);
    Http.Response started =
        Http.post(
            circle("v1/w3s/user/transactions/transfer"),
            CircleWalletsTest.transferBody(
                UUID.randomUUID().toString(), "1", CircleWalletsTest.DESTINATION),
            "Authorization",
            KEY,
            "X-User-Token",
            token);
    String id = started.json().at("/data/challengeId").asText();
    assertEquals("CREATE_TRANSACTION", challenge(token, id).get("type").asText());
    complete(id, "{}");
    String txId = challenge(token, id).at("/correlationIds/0").asText();
    Http.Response tx =
        Http.get(
            circle("v1/w3s/transactions/" + txId), "Authorization", KEY, "X-User-Token", token);
    assertEquals(200, tx.status(), tx.text());
  }

  @Test
  void aCompletedOrFailedChallengeIsNotifiedAsItsChallengeType() throws Exception {
    try (WebhookReceiver hook = new WebhookReceiver()) {
      Http.Response sub =
          Http.post(
              circle("v2/notifications/subscriptions"),
              "{\"endpoint\": \"" + hook.url() + "\", \"notificationTypes\": [\"challenges.*\"]}",
              "Authorization",
              KEY);
      assertEquals(200, sub.status(), sub.text());
      String token = newUserToken("init-user-7");
      String id =
          initialize(token, initializeBody(UUID.randomUUID().toString()))
              .json()
              .at("/data/challengeId")
              .asText();
      assertEquals(0, hook.received().size(), "nothing while the challenge is pending");
      complete(id, "{}");
      Http.Response transfer =
          Http.post(
              circle("v1/w3s/user/transactions/transfer"),
              CircleWalletsTest.transferBody(
                  UUID.randomUUID().toString(), "1", CircleWalletsTest.DESTINATION),
              "Authorization",
              KEY,
              "X-User-Token",
              token(CIRCLE_USER_ID));
      complete(transfer.json().at("/data/challengeId").asText(), "{\"outcome\": \"FAILED\"}");

      List<String> seen = new ArrayList<>();
      for (WebhookReceiver.Received r : hook.received()) {
        JsonNode n = Json.MAPPER.readTree(r.body());
        assertEquals(sub.json().at("/data/id").asText(), n.get("subscriptionId").asText());
        seen.add(n.get("notificationType").asText() + " " + n.at("/notification/status").asText());
      }
      assertEquals(
          List.of("challenges.initialize COMPLETE", "challenges.createTransaction FAILED"), seen);
      JsonNode first = Json.MAPPER.readTree(hook.received().get(0).body());
      assertEquals(
          challenge(token, id).get("correlationIds"), first.at("/notification/correlationIds"));
    }
  }

  @Test
  void usersAreLookedUpByIdWithTheApiKeyAlone() {
    Http.Response seeded = Http.get(circle("v1/w3s/users/" + CIRCLE_USER_ID), "Authorization", KEY);
    assertEquals(200, seeded.status(), seeded.text());
    assertEquals(CIRCLE_USER_ID, seeded.json().at("/data/user/id").asText());
    Http.Response unknown = Http.get(circle("v1/w3s/users/nobody-here"), "Authorization", KEY);
    assertEquals(404, unknown.status());
    assertEquals(155102, unknown.json().get("code").asInt());
    Http.Response otherEntity =
        Http.get(
            circle("v1/w3s/users/" + CIRCLE_USER_ID),
            "Authorization",
            Http.bearer(CIRCLE_OTHER_API_KEY));
    assertEquals(404, otherEntity.status());
  }
}
