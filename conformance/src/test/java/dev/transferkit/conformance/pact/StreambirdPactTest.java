package dev.transferkit.conformance.pact;

import static dev.transferkit.conformance.pact.PactSupport.CONSUMER;
import static dev.transferkit.conformance.pact.PactSupport.JSON_TYPE;
import static dev.transferkit.conformance.pact.PactSupport.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.transferkit.core.exception.InvalidRequestException;
import dev.transferkit.sandbox.SandboxSeed;
import dev.transferkit.streambird.StreambirdClient;
import dev.transferkit.streambird.model.ConfirmTransferRequest;
import dev.transferkit.streambird.model.CreateTransferRequest;
import dev.transferkit.streambird.model.CreateWalletRequest;
import dev.transferkit.streambird.model.Currency;
import dev.transferkit.streambird.model.WalletBalanceRequest;
import dev.transferkit.streambird.model.WalletType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Streambird transfers and wallets: the interactions of the create-transfer walkthrough. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "streambird-transfers", pactVersion = PactSpecVersion.V3)
class StreambirdPactTest {
  static final String KEY = SandboxSeed.STREAMBIRD_API_KEY;
  static final String USER = SandboxSeed.STREAMBIRD_USER_ID;
  static final String SOL_WALLET = SandboxSeed.STREAMBIRD_SOL_WALLET_ID;
  static final String DEST = "3eiTLfEg8koaNgNMcmygm2nQ3APNNNWAyHGiooGwAziK";
  static final String XLM_DEST =
      "GDQP2KPQGKIHYJGXNUIYOMHARUARCA7DJT5FO2FFOOKY3B2WSQHG4W37:3652667947";
  static final String XLM_WALLET = "wallet_2SandboxXlmWallet0000000000";
  static final String TRANSFER_ID = "transfer_2DJMdUNmkPDIFNVWiTNHTiBL0NB";
  static final String EXPIRED_ID = "transfer_2ExpiredTransfer000000000";
  static final String SEEDED =
      "user " + USER + " with SOL wallet " + SOL_WALLET + " holding 14.8232 SOL";

  @Pact(consumer = CONSUMER)
  RequestResponsePact transfers(PactDslWithProvider builder) {
    return builder
        .given(SEEDED)
        .uponReceiving("a SOL balance of the wallet")
        .path("/v1/wallets/balance")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("wallet_id", SOL_WALLET)
                .stringValue("token_symbol", "SOL"))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringMatcher("balance", "\\d+(\\.\\d+)?", "14.8232")
                .stringValue("token_symbol", "SOL"))
        .given(SEEDED)
        .uponReceiving("the docs' create-transfer request")
        .path("/v1/transfers/create")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(createRequest("0.005", true).stringValue("notes", "test"))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(transfer(TRANSFER_ID, SOL_WALLET, DEST, "SOL", "unconfirmed", "0.005", "0.004995"))
        .given(SEEDED)
        .uponReceiving("a transfer of 0.005 SOL with fees on top")
        .path("/v1/transfers/create")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(createRequest("0.005", false))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(transfer(TRANSFER_ID, SOL_WALLET, DEST, "SOL", "unconfirmed", "0.005005", "0.005"))
        .given(SEEDED)
        .uponReceiving("a transfer of ETH from a SOL wallet")
        .path("/v1/transfers/create")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("dest_currency", "ETH")
                .stringValue("source", SOL_WALLET)
                .stringValue("dest", DEST)
                .stringValue("source_amount", "0.005")
                .stringValue("user_id", USER))
        .willRespondWith()
        .status(400)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringType("error_message", "Wallet type SOL cannot send ETH")
                .stringType("error_type", "invalid_request")
                .integerType("status_code", 400))
        .given(SEEDED)
        .uponReceiving("a request for the user's XLM wallet")
        .path("/v1/wallets/create")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(new PactDslJsonBody().stringValue("wallet_type", "XLM").stringValue("user_id", USER))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringType("id", XLM_WALLET)
                .stringType("app_id", SandboxSeed.STREAMBIRD_APP_ID)
                .stringType(
                    "public_address", "GDQP2KPQGKIHYJGXNUIYOMHARUARCA7DJT5FO2FFOOKY3B2WSQHG4W37")
                .stringValue("wallet_type", "XLM")
                .integerType("created_at", 1660412821L)
                .integerType("updated_at", 1660412821L))
        .given("the user's XLM wallet holding 100 XLM")
        .uponReceiving("a transfer of 10 XLM to a Stellar address with a memo")
        .path("/v1/transfers/create")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("dest_currency", "XLM")
                .valueFromProviderState("source", "${xlmWalletId}", XLM_WALLET)
                .stringValue("dest", XLM_DEST)
                .stringValue("source_amount", "10")
                .stringValue("user_id", USER))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(transfer(TRANSFER_ID, XLM_WALLET, XLM_DEST, "XLM", "unconfirmed", "10.00001", "10"))
        .given("an unconfirmed transfer of the docs' request")
        .uponReceiving("a confirmation of the transfer for the user")
        .pathFromProviderState(
            "/v1/transfers/${transferId}/confirm", "/v1/transfers/" + TRANSFER_ID + "/confirm")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(new PactDslJsonBody().stringValue("user_id", USER))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(transfer(TRANSFER_ID, SOL_WALLET, DEST, "SOL", "pending", "0.005", "0.004995"))
        .given("a completed transfer of the docs' request")
        .uponReceiving("a get of the completed transfer")
        .pathFromProviderState("/v1/transfers/${transferId}", "/v1/transfers/" + TRANSFER_ID)
        .method("GET")
        .headers(bearer(KEY))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(transfer(TRANSFER_ID, SOL_WALLET, DEST, "SOL", "completed", "0.005", "0.004995"))
        .given("an expired transfer of the docs' request")
        .uponReceiving("a confirmation of an expired transfer")
        .pathFromProviderState(
            "/v1/transfers/${transferId}/confirm", "/v1/transfers/" + EXPIRED_ID + "/confirm")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(new PactDslJsonBody().stringValue("user_id", USER))
        .willRespondWith()
        .status(400)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringMatcher("error_message", ".*expired.*", "Transfer expired")
                .integerType("status_code", 400))
        .toPact();
  }

  private static PactDslJsonBody createRequest(String amount, boolean includesFees) {
    return new PactDslJsonBody()
        .stringValue("dest_currency", "SOL")
        .stringValue("source", SOL_WALLET)
        .stringValue("dest", DEST)
        .stringValue("source_amount", amount)
        .booleanValue("amount_includes_fees", includesFees)
        .stringValue("user_id", USER);
  }

  private static PactDslJsonBody transfer(
      String id,
      String source,
      String dest,
      String currency,
      String status,
      String sourceAmount,
      String destAmount) {
    return new PactDslJsonBody()
        .stringType("id", id)
        .stringType("app_id", SandboxSeed.STREAMBIRD_APP_ID)
        .stringValue("status", status)
        .stringMatcher("source", "wallet_\\w+", source)
        .stringValue("dest", dest)
        .stringValue("source_amount", sourceAmount)
        .stringValue("dest_amount", destAmount)
        .stringValue("source_currency", currency)
        .stringValue("dest_currency", currency)
        .stringMatcher("total_fees", "\\d+(\\.\\d+)?", "0.000005")
        .integerType("expires_at", 1660412941L)
        .integerType("created_at", 1660412821L)
        .integerType("updated_at", 1660412821L);
  }

  @Test
  void createTransferWalkthrough(MockServer server) {
    StreambirdClient sb =
        StreambirdClient.builder().apiKey(KEY).baseUrl(server.getUrl()).maxRetries(0).build();

    sb.wallets()
        .getWalletBalance(
            WalletBalanceRequest.builder().walletId(SOL_WALLET).tokenSymbol("SOL").build())
        .execute();
    assertEquals(
        "0.004995",
        sb.transfers()
            .createTransfer(create("0.005", true).notes("test").build())
            .execute()
            .getDestAmount()
            .toPlainString());
    assertEquals(
        "0.005005",
        sb.transfers()
            .createTransfer(create("0.005", false).build())
            .execute()
            .getSourceAmount()
            .toPlainString());
    assertThrows(
        InvalidRequestException.class,
        () ->
            sb.transfers()
                .createTransfer(
                    CreateTransferRequest.builder()
                        .destCurrency(Currency.ETH)
                        .source(SOL_WALLET)
                        .dest(DEST)
                        .sourceAmount(new BigDecimal("0.005"))
                        .userId(USER)
                        .build())
                .execute());
    String xlm =
        sb.wallets()
            .createWallet(
                CreateWalletRequest.builder().walletType(WalletType.XLM).userId(USER).build())
            .execute()
            .getId();
    assertEquals(
        XLM_DEST,
        sb.transfers()
            .createTransfer(
                CreateTransferRequest.builder()
                    .destCurrency(Currency.XLM)
                    .source(xlm)
                    .dest(XLM_DEST)
                    .sourceAmount(new BigDecimal("10"))
                    .userId(USER)
                    .build())
            .execute()
            .getDest());
    ConfirmTransferRequest forUser = ConfirmTransferRequest.builder().userId(USER).build();
    assertEquals(
        "pending",
        sb.transfers().confirmTransfer(TRANSFER_ID, forUser).execute().getStatus().value());
    assertEquals(
        "completed", sb.transfers().getTransfer(TRANSFER_ID).execute().getStatus().value());
    assertThrows(
        InvalidRequestException.class,
        () -> sb.transfers().confirmTransfer(EXPIRED_ID, forUser).execute());
  }

  private static CreateTransferRequest.Builder create(String amount, boolean includesFees) {
    return CreateTransferRequest.builder()
        .destCurrency(Currency.SOL)
        .source(SOL_WALLET)
        .dest(DEST)
        .sourceAmount(new BigDecimal(amount))
        .amountIncludesFees(includesFees)
        .userId(USER);
  }
}
