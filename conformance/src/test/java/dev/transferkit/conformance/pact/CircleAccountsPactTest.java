package dev.transferkit.conformance.pact;

import static dev.transferkit.conformance.pact.PactSupport.CONSUMER;
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
import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.accounts.api.AccountsApi;
import dev.transferkit.circle.accounts.model.AccountLocation;
import dev.transferkit.circle.accounts.model.AccountLocationType;
import dev.transferkit.circle.accounts.model.AccountTransfer;
import dev.transferkit.circle.accounts.model.CreateAccountTransferRequest;
import dev.transferkit.circle.model.RequestCurrency;
import dev.transferkit.circle.model.RequestMoney;
import dev.transferkit.core.ApiResponse;
import dev.transferkit.core.exception.InsufficientFundsException;
import dev.transferkit.sandbox.SandboxSeed;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Circle Digital Asset Accounts: the interactions of the internal-transfer walkthrough. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "circle-accounts", pactVersion = PactSpecVersion.V3)
class CircleAccountsPactTest {
  static final String KEY = SandboxSeed.CIRCLE_API_KEY;
  static final String SOURCE = SandboxSeed.CIRCLE_SOURCE_ACCOUNT;
  static final String DESTINATION = SandboxSeed.CIRCLE_DESTINATION_ACCOUNT;
  static final String TRANSFER_ID = "4f6b0b8e-61a5-4f1f-9c0f-6a1e0a6d3b21";
  static final String REPLAY_KEY = "ba943ff1-ca16-49b2-ba55-1057e70ca5c7";

  @Pact(consumer = CONSUMER)
  RequestResponsePact internalTransfer(PactDslWithProvider builder) {
    return builder
        .given("account 1017381855 holds 10000.00 USD")
        .uponReceiving("a balance check of the source account")
        .path("/v1/accounts/balances/" + SOURCE)
        .method("GET")
        .headers(bearer(KEY))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", PactSupport.JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .object("data")
                .minArrayLike("available", 1)
                .stringValue("amount", "10000.00")
                .stringValue("currency", "USD")
                .closeObject()
                .closeArray()
                .array("unsettled")
                .closeArray()
                .closeObject())

        // The replay first: the mock server answers with the first interaction that matches.
        .given("a transfer of 2500.00 USD was created with idempotency key " + REPLAY_KEY)
        .uponReceiving("the same transfer again with the same idempotency key")
        .path("/v1/accounts/transfers")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", PactSupport.JSON_TYPE, "application/json")
        .body(transferRequest("2500.00", REPLAY_KEY))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", PactSupport.JSON_TYPE, "application/json")
        .body(transfer("2500.00"))
        .given("accounts 1017381855 (10000.00 USD) and 1000661542 (0 USD) of one entity")
        .uponReceiving("an internal transfer of 2500.00 USD")
        .path("/v1/accounts/transfers")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", PactSupport.JSON_TYPE, "application/json")
        .body(transferRequest("2500.00", null))
        .willRespondWith()
        .status(201)
        .matchHeader("Content-Type", PactSupport.JSON_TYPE, "application/json")
        .body(transfer("2500.00"))
        .given("accounts 1017381855 (10000.00 USD) and 1000661542 (0 USD) of one entity")
        .uponReceiving("an internal transfer larger than the source balance")
        .path("/v1/accounts/transfers")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", PactSupport.JSON_TYPE, "application/json")
        .body(transferRequest("10000.01", null))
        .willRespondWith()
        .status(400)
        .matchHeader("Content-Type", PactSupport.JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .integerType("code", 1093)
                .stringType("message", "Insufficient funds."))
        .given("a transfer of 2500.00 USD exists")
        .uponReceiving("a get of the transfer by its id")
        .pathFromProviderState(
            "/v1/accounts/transfers/${transferId}", "/v1/accounts/transfers/" + TRANSFER_ID)
        .method("GET")
        .headers(bearer(KEY))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", PactSupport.JSON_TYPE, "application/json")
        .body(transfer("2500.00"))
        .given("transfers of 100.00 then 200.00 USD from account 1017381855")
        .uponReceiving("a list of the source account's transfers")
        .path("/v1/accounts/transfers")
        .query("accountId=" + SOURCE + "&pageSize=25")
        .method("GET")
        .headers(bearer(KEY))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", PactSupport.JSON_TYPE, "application/json")
        .body(list())
        .toPact();
  }

  /** The request the client sends; a null key means "any UUID" (the runtime fills a random one). */
  private static PactDslJsonBody transferRequest(String amount, String idempotencyKey) {
    PactDslJsonBody body =
        idempotencyKey == null
            ? new PactDslJsonBody().uuid("idempotencyKey")
            : new PactDslJsonBody().stringValue("idempotencyKey", idempotencyKey);
    location(body, "source", SOURCE);
    location(body, "destination", DESTINATION);
    money(body, "amount", amount);
    return body;
  }

  private static PactDslJsonBody transfer(String amount) {
    PactDslJsonBody body = new PactDslJsonBody();
    PactDslJsonBody data = body.object("data").stringType("id", TRANSFER_ID);
    location(data, "source", SOURCE);
    location(data, "destination", DESTINATION);
    money(data, "amount", amount);
    data.stringValue("status", "complete")
        .stringMatcher("createDate", PactSupport.ISO, PactSupport.ISO_EXAMPLE)
        .stringMatcher("updateDate", PactSupport.ISO, PactSupport.ISO_EXAMPLE);
    data.closeObject();
    return body;
  }

  /** The list, newest first: 200.00 then 100.00. */
  private static PactDslJsonBody list() {
    PactDslJsonBody body = new PactDslJsonBody();
    au.com.dius.pact.consumer.dsl.PactDslJsonArray data = body.array("data");
    fill(data.object(), TRANSFER_ID, "200.00").closeObject();
    fill(data.object(), "5a7c1e52-3b0e-4f0a-8d1e-7b9c6c2a4e11", "100.00").closeObject();
    data.closeArray();
    return body;
  }

  private static PactDslJsonBody fill(PactDslJsonBody t, String id, String amount) {
    t.stringType("id", id);
    location(t, "source", SOURCE);
    location(t, "destination", DESTINATION);
    money(t, "amount", amount);
    t.stringValue("status", "complete")
        .stringMatcher("createDate", PactSupport.ISO, PactSupport.ISO_EXAMPLE)
        .stringMatcher("updateDate", PactSupport.ISO, PactSupport.ISO_EXAMPLE);
    return t;
  }

  static void location(PactDslJsonBody parent, String name, String accountId) {
    parent.object(name).stringValue("type", "account").stringValue("id", accountId).closeObject();
  }

  static void money(PactDslJsonBody parent, String name, String amount) {
    parent.object(name).stringValue("amount", amount).stringValue("currency", "USD").closeObject();
  }

  @Test
  void internalTransferWalkthrough(MockServer server) {
    CircleClient circle =
        CircleClient.builder().apiKey(KEY).baseUrl(server.getUrl()).maxRetries(0).build();

    assertEquals(
        0,
        new BigDecimal("10000.00")
            .compareTo(
                circle
                    .accounts()
                    .getAccountBalances(SOURCE)
                    .execute()
                    .getAvailable()
                    .get(0)
                    .getAmount()));
    AccountTransfer t = circle.accounts().createAccountTransfer(request("2500.00", null)).execute();
    assertEquals("complete", t.getStatus().value());
    assertThrows(
        InsufficientFundsException.class,
        () -> circle.accounts().createAccountTransfer(request("10000.01", null)).execute());
    ApiResponse<?> replay =
        circle
            .accounts()
            .createAccountTransfer(request("2500.00", REPLAY_KEY))
            .executeForResponse();
    assertEquals(200, replay.status());
    assertEquals(TRANSFER_ID, circle.accounts().getAccountTransfer(TRANSFER_ID).execute().getId());
    List<AccountTransfer> listed =
        circle
            .accounts()
            .listAccountTransfers(
                AccountsApi.ListAccountTransfersParams.builder()
                    .accountId(SOURCE)
                    .pageSize(25)
                    .build())
            .execute();
    assertEquals("200.00", listed.get(0).getAmount().getAmount().toPlainString());
  }

  private static CreateAccountTransferRequest request(String amount, String key) {
    return CreateAccountTransferRequest.builder()
        .idempotencyKey(key)
        .source(AccountLocation.builder().type(AccountLocationType.ACCOUNT).id(SOURCE).build())
        .destination(
            AccountLocation.builder().type(AccountLocationType.ACCOUNT).id(DESTINATION).build())
        .amount(
            RequestMoney.builder()
                .amount(new BigDecimal(amount))
                .currency(RequestCurrency.USD)
                .build())
        .build();
  }
}
