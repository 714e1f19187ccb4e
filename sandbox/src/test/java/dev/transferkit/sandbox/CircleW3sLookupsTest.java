package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_OTHER_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_USDC_TOKEN_ID;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_USER_ID;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_WALLET_ADDRESS;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_WALLET_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The W3S calls around the transfer walkthrough: wallet, token and address look-ups, fee estimates,
 * transfers from a wallet named by address, webhook subscriptions, the list filters by creation
 * time, and the health check.
 */
class CircleW3sLookupsTest extends SandboxTestBase {
  static final String KEY = Http.bearer(CIRCLE_API_KEY);
  static final String DESTINATION = CircleWalletsTest.DESTINATION;

  String token() {
    Http.Response r =
        Http.post(
            circle("v1/w3s/users/token"),
            "{\"userId\": \"" + CIRCLE_USER_ID + "\"}",
            "Authorization",
            KEY);
    assertEquals(200, r.status(), r.text());
    return r.json().at("/data/userToken").asText();
  }

  Http.Response post(String path, String body, String token) {
    return Http.post(circle(path), body, "Authorization", KEY, "X-User-Token", token);
  }

  Http.Response get(String path, String token) {
    return Http.get(circle(path), "Authorization", KEY, "X-User-Token", token);
  }

  /**
   * Starts and approves a transfer of {@code amount} USDC to the guide's destination; returns the
   * transaction id.
   */
  String transfer(String token, String amount) {
    Http.Response r =
        post(
            "v1/w3s/user/transactions/transfer",
            CircleWalletsTest.transferBody(UUID.randomUUID().toString(), amount, DESTINATION),
            token);
    assertEquals(201, r.status(), r.text());
    Http.Response done =
        Http.post(
            admin(
                "circle/w3s/challenges/" + r.json().at("/data/challengeId").asText() + "/complete"),
            "{}");
    return done.json().at("/correlationIds/0").asText();
  }

  static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  @Test
  void aWalletIsReadByIdOnlyByItsOwner() {
    Http.Response mine = get("v1/w3s/wallets/" + CIRCLE_WALLET_ID, token());
    assertEquals(200, mine.status(), mine.text());
    assertEquals(CIRCLE_WALLET_ADDRESS, mine.json().at("/data/wallet/address").asText());
    Http.Response unknown = get("v1/w3s/wallets/" + UUID.randomUUID(), token());
    assertEquals(404, unknown.status());
    assertEquals(156001, unknown.json().get("code").asInt());
  }

  @Test
  void aTokenIsReadByIdWithTheApiKeyAlone() {
    Http.Response usdc =
        Http.get(circle("v1/w3s/tokens/" + CIRCLE_USDC_TOKEN_ID), "Authorization", KEY);
    assertEquals(200, usdc.status(), usdc.text());
    assertEquals("USDC", usdc.json().at("/data/token/symbol").asText());
    assertEquals(6, usdc.json().at("/data/token/decimals").asInt());
    Http.Response unknown =
        Http.get(circle("v1/w3s/tokens/" + UUID.randomUUID()), "Authorization", KEY);
    assertEquals(404, unknown.status());
    assertEquals(156002, unknown.json().get("code").asInt());
  }

  @Test
  void pingAnswersPongWithoutAnApiKey() {
    Http.Response pong = Http.get(circle("ping"));
    assertEquals(200, pong.status(), pong.text());
    assertEquals("pong", pong.json().get("message").asText());
    assertEquals(
        401,
        Http.get(circle("v1/w3s/tokens/" + CIRCLE_USDC_TOKEN_ID)).status(),
        "other calls need a key");
  }

  @Test
  void anAddressIsValidOnlyInItsBlockchainsFormat() {
    String body = "{\"address\": \"%s\", \"blockchain\": \"%s\"}";
    assertTrue(
        Http.post(
                circle("v1/w3s/transactions/validateAddress"),
                body.formatted(DESTINATION, "MATIC-AMOY"),
                "Authorization",
                KEY)
            .json()
            .at("/data/isValid")
            .asBoolean());
    Http.Response wrongChain =
        Http.post(
            circle("v1/w3s/transactions/validateAddress"),
            body.formatted(DESTINATION, "SOL-DEVNET"),
            "Authorization",
            KEY);
    assertEquals(200, wrongChain.status(), "an invalid address is an answer, not an error");
    assertEquals(false, wrongChain.json().at("/data/isValid").asBoolean());
    Http.Response missing =
        Http.post(
            circle("v1/w3s/transactions/validateAddress"),
            "{\"address\": \"x\"}",
            "Authorization",
            KEY);
    assertEquals(400, missing.status());
    assertEquals(2, missing.json().get("code").asInt());
  }

  @Test
  void aFeeEstimateGivesThreeLevelsWhoseNetworkFeeIsGasTimesMaxFee() {
    String body =
        """
        {"amounts": ["1"], "destinationAddress": "%s", "tokenId": "%s", "walletId": "%s"}"""
            .formatted(DESTINATION, CIRCLE_USDC_TOKEN_ID, CIRCLE_WALLET_ID);
    Http.Response r = post("v1/w3s/transactions/transfer/estimateFee", body, token());
    assertEquals(200, r.status(), r.text());
    BigDecimal previous = BigDecimal.ZERO;
    for (String level : List.of("low", "medium", "high")) {
      JsonNode fee = r.json().at("/data/" + level);
      BigDecimal networkFee = new BigDecimal(fee.get("networkFee").asText());
      BigDecimal expected =
          new BigDecimal(fee.get("gasLimit").asText())
              .multiply(new BigDecimal(fee.get("maxFee").asText()))
              .movePointLeft(9);
      assertEquals(0, expected.compareTo(networkFee), level);
      assertTrue(networkFee.compareTo(previous) > 0, level + " costs more than the level below");
      previous = networkFee;
    }
    String bySource =
        """
        {"amounts": ["1"], "destinationAddress": "%s", "tokenId": "%s", "sourceAddress": "%s",
         "blockchain": "MATIC-AMOY"}"""
            .formatted(DESTINATION, CIRCLE_USDC_TOKEN_ID, CIRCLE_WALLET_ADDRESS);
    assertEquals(200, post("v1/w3s/transactions/transfer/estimateFee", bySource, token()).status());
    Http.Response badAddress =
        post(
            "v1/w3s/transactions/transfer/estimateFee", body.replace(DESTINATION, "0x12"), token());
    assertEquals(400, badAddress.status());
    assertEquals(155219, badAddress.json().get("code").asInt());
  }

  @Test
  void aTransferChallengeMayNameTheWalletByAddressAndBlockchain() {
    String token = token();
    String body =
        """
        {"idempotencyKey": "%s", "amounts": ["1"], "destinationAddress": "%s", "tokenId": "%s",
         "walletAddress": "%s", "blockchain": "MATIC-AMOY", "feeLevel": "MEDIUM"}""";
    Http.Response r =
        post(
            "v1/w3s/user/transactions/transfer",
            body.formatted(
                UUID.randomUUID(),
                DESTINATION,
                CIRCLE_USDC_TOKEN_ID,
                CIRCLE_WALLET_ADDRESS.toUpperCase(Locale.ROOT).replace("0X", "0x")),
            token);
    assertEquals(201, r.status(), r.text());
    JsonNode done =
        Http.post(
                admin(
                    "circle/w3s/challenges/"
                        + r.json().at("/data/challengeId").asText()
                        + "/complete"),
                "{}")
            .json();
    JsonNode tx = get("v1/w3s/transactions/" + done.at("/correlationIds/0").asText(), token).json();
    assertEquals(CIRCLE_WALLET_ID, tx.at("/data/transaction/walletId").asText());

    Http.Response unknown =
        post(
            "v1/w3s/user/transactions/transfer",
            body.formatted(UUID.randomUUID(), DESTINATION, CIRCLE_USDC_TOKEN_ID, DESTINATION),
            token);
    assertEquals(404, unknown.status());
    assertEquals(156001, unknown.json().get("code").asInt());
    Http.Response neither =
        post(
            "v1/w3s/user/transactions/transfer",
            """
        {"idempotencyKey": "%s", "amounts": ["1"], "destinationAddress": "%s", "tokenId": "%s", "feeLevel": "LOW"}"""
                .formatted(UUID.randomUUID(), DESTINATION, CIRCLE_USDC_TOKEN_ID),
            token);
    assertEquals(400, neither.status());
    assertEquals(2, neither.json().get("code").asInt());
  }

  @Test
  void aSubscriptionReceivesOnlyTheNotificationTypesItAskedFor() throws Exception {
    try (WebhookReceiver transactions = new WebhookReceiver();
        WebhookReceiver challenges = new WebhookReceiver();
        WebhookReceiver everything = new WebhookReceiver()) {
      Http.Response a =
          Http.post(
              circle("v2/notifications/subscriptions"),
              """
          {"endpoint": "%s", "notificationTypes": ["transactions.*"]}"""
                  .formatted(transactions.url()),
              "Authorization",
              KEY);
      assertEquals(200, a.status(), a.text());
      assertEquals(true, a.json().at("/data/restricted").asBoolean());
      Http.Response b =
          Http.post(
              circle("v2/notifications/subscriptions"),
              """
          {"endpoint": "%s", "notificationTypes": ["challenges.*"]}"""
                  .formatted(challenges.url()),
              "Authorization",
              KEY);
      assertEquals(200, b.status(), b.text());
      Http.Response all =
          Http.post(
              circle("v2/notifications/subscriptions"),
              "{\"endpoint\": \"" + everything.url() + "\"}",
              "Authorization",
              KEY);
      assertEquals(false, all.json().at("/data/restricted").asBoolean());

      transfer(token(), "1");
      assertEquals(1, transactions.received().size());
      JsonNode n = Json.MAPPER.readTree(transactions.received().get(0).body());
      assertEquals(a.json().at("/data/id").asText(), n.get("subscriptionId").asText());
      assertEquals(1, challenges.received().size());
      assertEquals(
          "challenges.createTransaction",
          Json.MAPPER
              .readTree(challenges.received().get(0).body())
              .get("notificationType")
              .asText());
      assertEquals(2, everything.received().size(), "an unrestricted subscription receives both");

      Http.Response list = Http.get(circle("v2/notifications/subscriptions"), "Authorization", KEY);
      assertEquals(3, list.json().get("data").size(), list.text());
      Http.Response others =
          Http.get(
              circle("v2/notifications/subscriptions"),
              "Authorization",
              Http.bearer(CIRCLE_OTHER_API_KEY));
      assertEquals(0, others.json().get("data").size(), "subscriptions belong to their API key");
      Http.Response anyCircleType =
          Http.post(
              circle("v2/notifications/subscriptions"),
              "{\"endpoint\": \""
                  + challenges.url()
                  + "\", \"notificationTypes\": [\"contracts.eventLog\"]}",
              "Authorization",
              KEY);
      assertEquals(
          200, anyCircleType.status(), "every type Circle's file lists: " + anyCircleType.text());
      Http.Response notAUrl =
          Http.post(
              circle("v2/notifications/subscriptions"),
              "{\"endpoint\": \"hook\"}",
              "Authorization",
              KEY);
      assertEquals(400, notAUrl.status());
    }
  }

  @Test
  void aSubscriptionIsReadRenamedDisabledAndDeletedByItsOwnerOnly() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String id =
          Http.post(
                  circle("v2/notifications/subscriptions"),
                  "{\"endpoint\": \"" + receiver.url() + "\"}",
                  "Authorization",
                  KEY)
              .json()
              .at("/data/id")
              .asText();
      String url = circle("v2/notifications/subscriptions/" + id);
      Http.Response one = Http.get(url, "Authorization", KEY);
      assertEquals(200, one.status(), one.text());
      assertEquals(receiver.url(), one.json().at("/data/endpoint").asText());
      assertEquals(true, one.json().at("/data/enabled").asBoolean());
      Http.Response others = Http.get(url, "Authorization", Http.bearer(CIRCLE_OTHER_API_KEY));
      assertEquals(404, others.status(), "another API key's subscription is not found");

      clock.advance(Duration.ofMinutes(5));
      Http.Response disabled =
          Http.send(
              "PATCH",
              url,
              "{\"name\": \"Transactions Webhook\", \"enabled\": false}",
              "Authorization",
              KEY);
      assertEquals(200, disabled.status(), disabled.text());
      assertEquals("Transactions Webhook", disabled.json().at("/data/name").asText());
      assertEquals(false, disabled.json().at("/data/enabled").asBoolean());
      assertTrue(
          disabled
                  .json()
                  .at("/data/updateDate")
                  .asText()
                  .compareTo(disabled.json().at("/data/createDate").asText())
              > 0,
          "the update moves updateDate: " + disabled.text());
      transfer(token(), "1");
      assertEquals(0, receiver.received().size(), "a disabled subscription receives nothing");

      Http.Response withoutEnabled =
          Http.send("PATCH", url, "{\"name\": \"x\"}", "Authorization", KEY);
      assertEquals(400, withoutEnabled.status(), "name and enabled are both required");

      Http.send(
          "PATCH",
          url,
          "{\"name\": \"Transactions Webhook\", \"enabled\": true}",
          "Authorization",
          KEY);
      transfer(token(), "1");
      assertTrue(receiver.received().size() > 0, "enabled again, it receives notifications");

      Http.Response deleted = Http.send("DELETE", url, null, "Authorization", KEY);
      assertEquals(204, deleted.status(), deleted.text());
      assertEquals("", deleted.text());
      assertEquals(404, Http.get(url, "Authorization", KEY).status());
      int before = receiver.received().size();
      transfer(token(), "1");
      assertEquals(before, receiver.received().size(), "a deleted subscription receives nothing");
      assertEquals(404, Http.send("DELETE", url, null, "Authorization", KEY).status());
    }
  }

  @Test
  void theListFiltersSelectByCreationTimeOperationAndUser() {
    String token = token();
    String early = transfer(token, "1");
    clock.advance(Duration.ofMinutes(30));
    String between = Json.iso(clock.instant().minusSeconds(60));
    String late = transfer(token, "2");
    assertEquals(
        List.of(late),
        ids(get("v1/w3s/transactions?from=" + between, token).json().at("/data/transactions")));
    assertEquals(
        List.of(early),
        ids(get("v1/w3s/transactions?to=" + between, token).json().at("/data/transactions")));
    assertEquals(
        List.of(late, early),
        ids(get("v1/w3s/transactions", token).json().at("/data/transactions")));
    assertEquals(
        List.of(),
        ids(get("v1/w3s/wallets?from=" + between, token).json().at("/data/wallets")),
        "the seeded wallet was created in 2023");
    assertEquals(
        List.of(CIRCLE_WALLET_ID),
        ids(get("v1/w3s/wallets?to=" + between, token).json().at("/data/wallets")));
    assertEquals(
        List.of(late, early),
        ids(
            get("v1/w3s/transactions?operation=TRANSFER&userId=" + CIRCLE_USER_ID, token)
                .json()
                .at("/data/transactions")));
    assertEquals(
        List.of(),
        ids(
            get("v1/w3s/transactions?operation=CONTRACT_EXECUTION", token)
                .json()
                .at("/data/transactions")),
        "the sandbox only makes transfers");
    assertEquals(
        List.of(),
        ids(get("v1/w3s/transactions?userId=someone-else", token).json().at("/data/transactions")));
    // +19:00 is a valid RFC 3339 offset (read, as on every list); +24:00 names no instant.
    assertEquals(200, get("v1/w3s/transactions?from=2026-03-15T12:00:00%2B19:00", token).status());
    Http.Response offset = get("v1/w3s/transactions?from=2026-03-15T12:00:00%2B24:00", token);
    assertEquals(400, offset.status(), offset.text());
    assertEquals(2, offset.json().get("code").asInt());
  }
}
