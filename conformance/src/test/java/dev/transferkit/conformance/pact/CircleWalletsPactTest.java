package dev.transferkit.conformance.pact;

import static dev.transferkit.conformance.pact.PactSupport.CONSUMER;
import static dev.transferkit.conformance.pact.PactSupport.ISO;
import static dev.transferkit.conformance.pact.PactSupport.ISO_EXAMPLE;
import static dev.transferkit.conformance.pact.PactSupport.JSON_TYPE;
import static dev.transferkit.conformance.pact.PactSupport.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.wallets.model.CreateTransferTransactionForEndUserRequest;
import dev.transferkit.circle.wallets.model.FeeLevel;
import dev.transferkit.circle.wallets.model.UserTokenRequest;
import dev.transferkit.core.exception.ApiException;
import dev.transferkit.sandbox.SandboxSeed;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Circle user-controlled wallets: the interactions of the outbound-transfer walkthrough. The user
 * token and the notification key id come from the provider states (the provider issues them).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "circle-wallets", pactVersion = PactSpecVersion.V3)
class CircleWalletsPactTest {
  static final String KEY = SandboxSeed.CIRCLE_API_KEY;
  static final String USER = SandboxSeed.CIRCLE_USER_ID;
  static final String WALLET = SandboxSeed.CIRCLE_WALLET_ID;
  static final String USDC = SandboxSeed.CIRCLE_USDC_TOKEN_ID;
  static final String DEST = "0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3";
  static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl";
  static final String KEY_ID = "6f0b7b6e-8d1c-4f51-9a36-2b8f2e0c9a11";
  static final String USER_WITH_WALLET =
      "user " + USER + " with wallet " + WALLET + " holding 10 USDC";

  @Pact(consumer = CONSUMER)
  RequestResponsePact outboundTransfer(PactDslWithProvider builder) {
    return builder
        .given(USER_WITH_WALLET)
        .uponReceiving("a user token request")
        .path("/v1/w3s/users/token")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(new PactDslJsonBody().stringValue("userId", USER))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .object("data")
                .stringType("userToken", TOKEN)
                .stringType("encryptionKey", "Tlcyxz7Ts9ztRLQq5+pic0MIETblYimOo2d7idV/UFM=")
                .closeObject())
        .given(USER_WITH_WALLET)
        .uponReceiving("a list of the user's wallets")
        .path("/v1/w3s/wallets")
        .method("GET")
        .headers(bearer(KEY))
        .headerFromProviderState("X-User-Token", "${userToken}", TOKEN)
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(wallets())
        .given(USER_WITH_WALLET)
        .uponReceiving("the wallet's token balances")
        .path("/v1/w3s/wallets/" + WALLET + "/balances")
        .method("GET")
        .headers(bearer(KEY))
        .headerFromProviderState("X-User-Token", "${userToken}", TOKEN)
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(balances())
        .given(USER_WITH_WALLET)
        .uponReceiving("a transfer challenge for 0.01 USDC")
        .path("/v1/w3s/user/transactions/transfer")
        .method("POST")
        .headers(bearer(KEY))
        .headerFromProviderState("X-User-Token", "${userToken}", TOKEN)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .uuid("idempotencyKey")
                .stringValue("userId", USER)
                .stringValue("walletId", WALLET)
                .stringValue("tokenId", USDC)
                .stringValue("destinationAddress", DEST)
                .array("amounts")
                .stringValue("0.01")
                .closeArray()
                .asBody()
                .stringValue("feeLevel", "MEDIUM"))
        .willRespondWith()
        .status(201)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(new PactDslJsonBody().object("data").uuid("challengeId").closeObject())
        .given("a notification signing key")
        .uponReceiving("the public key of a notification key id")
        .pathFromProviderState(
            "/v2/notifications/publicKey/${keyId}", "/v2/notifications/publicKey/" + KEY_ID)
        .method("GET")
        .headers(bearer(KEY))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .object("data")
                .stringType("id", KEY_ID)
                .stringValue("algorithm", "ECDSA_SHA_256")
                .stringType("publicKey", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE")
                .stringMatcher("createDate", ISO, ISO_EXAMPLE)
                .closeObject())
        .given("an expired user token of user " + USER)
        .uponReceiving("a list of wallets with an expired user token")
        .path("/v1/w3s/wallets")
        .method("GET")
        .headers(bearer(KEY))
        .headerFromProviderState("X-User-Token", "${expiredUserToken}", TOKEN + "x")
        .willRespondWith()
        .status(403)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .integerType("code", 155104)
                .stringType("message", "Invalid user token"))
        .toPact();
  }

  private static PactDslJsonBody wallets() {
    PactDslJsonBody body = new PactDslJsonBody();
    PactDslJsonBody wallet = body.object("data").minArrayLike("wallets", 1);
    wallet
        .stringValue("id", WALLET)
        .stringType("state", "LIVE")
        .stringType("walletSetId", "0189bc61-7fe4-70f3-8a1b-0d14426397cb")
        .stringType("custodyType", "ENDUSER")
        .stringType("address", SandboxSeed.CIRCLE_WALLET_ADDRESS)
        .stringType("blockchain", "MATIC-AMOY")
        .stringType("userId", USER)
        .stringMatcher("createDate", ISO, ISO_EXAMPLE)
        .stringMatcher("updateDate", ISO, ISO_EXAMPLE);
    wallet.closeObject().closeArray().asBody().closeObject();
    return body;
  }

  private static PactDslJsonBody balances() {
    PactDslJsonBody body = new PactDslJsonBody();
    PactDslJsonArray list = body.object("data").array("tokenBalances");
    PactDslJsonBody usdc = list.object();
    usdc.object("token")
        .stringValue("id", USDC)
        .stringType("blockchain", "MATIC-AMOY")
        .booleanValue("isNative", false)
        .stringType("symbol", "USDC")
        .stringMatcher("createDate", ISO, ISO_EXAMPLE)
        .stringMatcher("updateDate", ISO, ISO_EXAMPLE)
        .closeObject();
    usdc.stringMatcher("amount", "\\d+(\\.\\d+)?", "10")
        .stringMatcher("updateDate", ISO, ISO_EXAMPLE);
    usdc.closeObject();
    PactDslJsonBody matic = list.object();
    matic
        .object("token")
        .stringValue("id", SandboxSeed.CIRCLE_NATIVE_TOKEN_ID)
        .stringType("blockchain", "MATIC-AMOY")
        .booleanValue("isNative", true)
        .stringType("symbol", "MATIC-AMOY")
        .stringMatcher("createDate", ISO, ISO_EXAMPLE)
        .stringMatcher("updateDate", ISO, ISO_EXAMPLE)
        .closeObject();
    matic
        .stringMatcher("amount", "\\d+(\\.\\d+)?", "6.62607015")
        .stringMatcher("updateDate", ISO, ISO_EXAMPLE);
    matic.closeObject();
    list.closeArray().asBody().closeObject();
    return body;
  }

  @Test
  void outboundTransferWalkthrough(MockServer server) {
    CircleClient circle =
        CircleClient.builder().apiKey(KEY).baseUrl(server.getUrl()).maxRetries(0).build();

    String token =
        circle
            .users()
            .getUserToken(UserTokenRequest.builder().userId(USER).build())
            .execute()
            .getUserToken();
    assertEquals(WALLET, circle.wallets().listWallets(token).execute().getWallets().get(0).getId());
    assertEquals(
        USDC,
        circle
            .wallets()
            .listWalletBalance(WALLET, token)
            .execute()
            .getTokenBalances()
            .get(0)
            .getToken()
            .getId());
    circle
        .transactions()
        .createUserTransactionTransferChallenge(
            token,
            CreateTransferTransactionForEndUserRequest.builder()
                .userId(USER)
                .walletId(WALLET)
                .tokenId(USDC)
                .destinationAddress(DEST)
                .amounts(List.of(new BigDecimal("0.01")))
                .feeLevel(FeeLevel.MEDIUM)
                .build())
        .execute();
    assertEquals(
        "ECDSA_SHA_256",
        circle.notifications().getNotificationSignature(KEY_ID).execute().getAlgorithm().value());
    ApiException expired =
        assertThrows(ApiException.class, () -> circle.wallets().listWallets(token + "x").execute());
    assertEquals("155104", expired.providerCode());
  }
}
