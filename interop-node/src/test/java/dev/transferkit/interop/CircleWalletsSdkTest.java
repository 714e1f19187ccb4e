package dev.transferkit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transferkit.sandbox.junit.SandboxTest;
import dev.transferkit.sandbox.junit.SandboxUrls;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * {@code @circle-fin/user-controlled-wallets} against the embedded sandbox: the outbound-transfer
 * walkthrough from a new user to the COMPLETE transaction ({@code
 * src/test/node/w3s-outbound-transfer.mjs}) and webhook notifications verified with the published
 * key ({@code src/test/node/w3s-webhooks.mjs}).
 */
@SandboxTest(shared = true)
class CircleWalletsSdkTest {
  private static final String USDC = "38f2ad29-a77b-5a44-be05-8d03923878a2";

  @Test
  void newUserInitializesAWalletAndSendsAnOutboundTransferToComplete(SandboxUrls urls)
      throws Exception {
    NodeScript run = NodeScript.run("w3s-outbound-transfer.mjs", urls.circle(), urls.admin());

    JsonNode ping = run.answered("ping", 200);
    assertEquals("pong", ping.path("message").asText(), ping::toString);
    String userId = run.answered("createUser", 201).get("id").asText();
    assertFalse(run.answered("createUserToken", 200).path("userToken").asText().isEmpty());
    assertEquals("UNSET", run.answered("getUserStatus", 200).path("pinStatus").asText());

    // user/initialize: a PIN challenge that creates the first wallet once the user completes it.
    assertFalse(
        run.step("createUserPinWithWallets").at("/data/challengeId").asText().isEmpty(),
        () -> "initialize answered a challenge: " + run.step("createUserPinWithWallets"));
    assertEquals(
        "PENDING",
        run.answered("initializeChallenge.beforePin", 200).at("/challenge/status").asText());
    assertEquals("COMPLETE", last(run.step("initializeChallenge").get("states")));
    assertEquals("ENABLED", run.answered("getUserStatus.afterPin", 200).path("pinStatus").asText());
    JsonNode user = run.answered("getUser", 200).get("user");
    assertEquals(userId, user.path("id").asText());
    assertEquals("ENABLED", user.path("pinStatus").asText());
    JsonNode again = run.step("createUserPinWithWallets.again").get("error");
    assertEquals(155106, again.path("code").asInt(), () -> "a second initialize: " + again);
    assertEquals("Error155106", again.path("type").asText(), "the SDK's typed error for the code");

    JsonNode wallets = run.answered("listWallets", 200).get("wallets");
    assertEquals(1, wallets.size(), wallets::toString);
    String walletId = wallets.get(0).get("id").asText();
    assertEquals(walletId, run.answered("getWallet", 200).at("/wallet/id").asText());
    assertEquals(
        "25",
        balanceOf(run.answered("getWalletTokenBalance", 200), USDC)
            .stripTrailingZeros()
            .toPlainString());
    assertEquals(USDC, run.answered("getToken", 200).at("/token/id").asText());
    assertTrue(run.answered("validateAddress", 200).path("isValid").asBoolean());
    assertTrue(run.answered("estimateTransferFee", 200).has("medium"));

    // The transfer challenge, completed by the user, then seen by the backend: challenge, then
    // transaction.
    assertFalse(run.answered("createTransaction", 201).path("challengeId").asText().isEmpty());
    assertEquals("COMPLETE", last(run.step("transferChallenge").get("states")));
    JsonNode challenges = run.answered("listUserChallenges", 200).get("challenges");
    assertEquals(
        List.of("COMPLETE", "COMPLETE"),
        StreamSupport.stream(challenges.spliterator(), false)
            .map(c -> c.get("status").asText())
            .toList(),
        challenges::toString);
    assertEquals(
        List.of("INITIATED", "QUEUED", "SENT", "CONFIRMED", "COMPLETE"),
        texts(run.step("transaction").get("states")),
        "the transaction states a backend polling it sees");
    assertEquals(
        0,
        new BigDecimal("15")
            .compareTo(balanceOf(run.answered("getWalletTokenBalance.after", 200), USDC)),
        "10 USDC left the wallet");
    assertFalse(
        run.answered("createTransaction.byWalletAddress", 201)
            .path("challengeId")
            .asText()
            .isEmpty());
  }

  @Test
  void transferNotificationsArriveSignedWithThePublishedKey(SandboxUrls urls) throws Exception {
    NodeScript run = NodeScript.run("w3s-webhooks.mjs", urls.circle(), urls.admin());

    String subscriptionId = run.answered("createSubscription", 200).path("id").asText();
    JsonNode listed = run.answered("listSubscriptions", 200);
    assertTrue(
        StreamSupport.stream(listed.spliterator(), false)
            .anyMatch(s -> s.path("id").asText().equals(subscriptionId)),
        listed::toString);
    assertEquals("COMPLETE", last(run.step("transaction").get("states")));

    List<JsonNode> transfers =
        run.all("notification").stream()
            .filter(n -> n.path("notificationType").asText().equals("transactions.outbound"))
            .toList();
    assertEquals(
        List.of("INITIATED", "QUEUED", "SENT", "CONFIRMED", "COMPLETE"),
        transfers.stream().map(n -> n.path("state").asText()).toList(),
        "one notification per state");
    for (JsonNode n : run.all("notification")) {
      assertTrue(n.path("signatureValid").asBoolean(), () -> "signature verifies: " + n);
      assertFalse(
          n.path("alteredBodyValid").asBoolean(),
          () -> "the same signature on another body fails: " + n);
    }

    assertEquals(subscriptionId, run.answered("getSubscription", 200).path("id").asText());
    JsonNode disabled = run.answered("updateSubscription", 200);
    assertEquals("Transactions Webhook", disabled.path("name").asText());
    assertFalse(disabled.path("enabled").asBoolean(true), disabled::toString);
    run.answered("deleteSubscription", 204);
    run.refused("getSubscription.deleted", 404, 404);
  }

  private static BigDecimal balanceOf(JsonNode balances, String tokenId) {
    for (JsonNode b : balances.path("tokenBalances")) {
      if (b.at("/token/id").asText().equals(tokenId)) {
        return new BigDecimal(b.path("amount").asText());
      }
    }
    throw new AssertionError("no balance of " + tokenId + " in " + balances);
  }

  private static String last(JsonNode states) {
    return states.get(states.size() - 1).asText();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
