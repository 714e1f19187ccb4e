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
import dev.transferkit.core.exception.ApiException;
import dev.transferkit.sandbox.SandboxSeed;
import dev.transferkit.wyre.WyreClient;
import dev.transferkit.wyre.api.TransfersApi;
import dev.transferkit.wyre.model.CreateTransferRequest;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Wyre transfers: the interactions of the create-transfer walkthrough. The contract uses Bearer
 * authentication (the secret key); HMAC signing (a timestamp and a signature over the URL and body,
 * different on every request) cannot be replayed from a pact file, and is exercised by the Cucumber
 * suite instead.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "wyre-transfers", pactVersion = PactSpecVersion.V3)
class WyrePactTest {
  static final String SECRET = SandboxSeed.WYRE_SECRET_KEY;
  static final String MASTER = "account:" + SandboxSeed.WYRE_ACCOUNT;
  static final String SUB = "account:" + SandboxSeed.WYRE_SUB_ACCOUNT;
  static final String PM = "paymentmethod:" + SandboxSeed.WYRE_PAYMENT_METHOD;
  static final String BTC_ACCOUNT = "account:" + SandboxSeed.WYRE_BTC_ACCOUNT;
  static final String STELLAR =
      "stellar:GBRNYP3MCASHJYUZLB7ORY37RNEL7Z6B2QATAZ7LGQLCTUU2ZLQVN65A:F6RNMX2UTLH";
  static final String TRANSFER_ID = "TF_VXXXXXXXX";
  static final String EXPIRED_ID = "TF_EXPIRED0001";
  static final String FUNDED = "account AC_XXXXXXXX1 with funded sub-accounts";

  @Pact(consumer = CONSUMER)
  RequestResponsePact transfers(PactDslWithProvider builder) {
    return builder
        .given(FUNDED)
        .uponReceiving("the docs' example A: 200 USD to a payment method, auto-confirmed")
        .path("/v3/transfers")
        .method("POST")
        .headers(bearer(SECRET))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("source", SUB)
                .stringValue("sourceCurrency", "USD")
                .stringValue("sourceAmount", "200")
                .stringValue("dest", PM)
                .stringValue("destCurrency", "USD")
                .stringValue("message", "Sending USD to the payment method")
                .booleanValue("autoConfirm", true))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(transfer(MASTER, SUB, "USD", PM, "USD", "PENDING", false))
        .given(FUNDED)
        .uponReceiving("the docs' example C: 0.001 BTC to a Stellar address in XLM, auto-confirmed")
        .path("/v3/transfers")
        .method("POST")
        .headers(bearer(SECRET))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("source", BTC_ACCOUNT)
                .stringValue("sourceCurrency", "BTC")
                .stringValue("sourceAmount", "0.001")
                .stringValue("dest", STELLAR)
                .stringValue("destCurrency", "XLM")
                .stringValue("message", "BTC for XLM")
                .booleanValue("autoConfirm", true))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(transfer(MASTER, BTC_ACCOUNT, "BTC", STELLAR, "XLM", "PENDING", true))
        .given(FUNDED)
        .uponReceiving("a quote of 200 USD without autoConfirm")
        .path("/v3/transfers")
        .method("POST")
        .headers(bearer(SECRET))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("source", SUB)
                .stringValue("sourceCurrency", "USD")
                .stringValue("sourceAmount", "200")
                .stringValue("dest", PM)
                .stringValue("destCurrency", "USD")
                .booleanValue("autoConfirm", false))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(transfer(MASTER, SUB, "USD", PM, "USD", "UNCONFIRMED", false))
        .given("an unconfirmed transfer of 200 USD")
        .uponReceiving("a confirmation of the transfer")
        .pathFromProviderState(
            "/v3/transfers/${transferId}/confirm", "/v3/transfers/" + TRANSFER_ID + "/confirm")
        .method("POST")
        .headers(bearer(SECRET))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(transfer(MASTER, SUB, "USD", PM, "USD", "PENDING", false))
        .given("a completed transfer of 200 USD")
        .uponReceiving("a get of the completed transfer")
        .pathFromProviderState("/v3/transfers/${transferId}", "/v3/transfers/" + TRANSFER_ID)
        .method("GET")
        .headers(bearer(SECRET))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(transfer(MASTER, SUB, "USD", PM, "USD", "COMPLETED", false))
        .given("an expired transfer of 200 USD")
        .uponReceiving("a confirmation of an expired transfer")
        .pathFromProviderState(
            "/v3/transfers/${transferId}/confirm", "/v3/transfers/" + EXPIRED_ID + "/confirm")
        .method("POST")
        .headers(bearer(SECRET))
        .willRespondWith()
        .status(400)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(error())
        .given(FUNDED)
        .uponReceiving("a transfer with both sourceAmount and destAmount")
        .path("/v3/transfers")
        .method("POST")
        .headers(bearer(SECRET))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("source", SUB)
                .stringValue("sourceCurrency", "USD")
                .stringValue("sourceAmount", "200")
                .stringValue("dest", PM)
                .stringValue("destCurrency", "USD")
                .stringValue("destAmount", "200"))
        .willRespondWith()
        .status(400)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(error())
        .given(FUNDED)
        .uponReceiving("a transfer of 10 USD as the sub-account with masqueradeAs")
        .path("/v3/transfers")
        .query("masqueradeAs=" + SandboxSeed.WYRE_SUB_ACCOUNT)
        .method("POST")
        .headers(bearer(SECRET))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("source", SUB)
                .stringValue("sourceCurrency", "USD")
                .stringValue("sourceAmount", "10")
                .stringValue("dest", PM)
                .stringValue("destCurrency", "USD")
                .booleanValue("autoConfirm", false))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(transfer(SUB, SUB, "USD", PM, "USD", "UNCONFIRMED", false))
        .toPact();
  }

  private static PactDslJsonBody transfer(
      String owner,
      String source,
      String sourceCurrency,
      String dest,
      String destCurrency,
      String status,
      boolean exchange) {
    PactDslJsonBody t =
        new PactDslJsonBody()
            .stringType("id", TRANSFER_ID)
            .stringValue("owner", owner)
            .stringValue("source", source)
            .stringValue("dest", dest)
            .stringValue("sourceCurrency", sourceCurrency)
            .stringValue("destCurrency", destCurrency)
            .numberType("sourceAmount", 201.00)
            .numberType("destAmount", 200.00)
            .numberType("totalFees", 1.00)
            .stringValue("status", status)
            .integerType("createdAt", 1604093186746L);
    if (exchange) {
      t.numberType("exchangeRate", 125000);
    }
    t.object("fees").numberType(sourceCurrency, 1.00).closeObject();
    t.minArrayLike("statusHistories", 0, 1)
        .stringType("state", "PENDING")
        .closeObject()
        .closeArray();
    return t;
  }

  private static PactDslJsonBody error() {
    return new PactDslJsonBody()
        .stringValue("type", "ValidationException")
        .stringType("message", "Invalid request");
  }

  @Test
  void createTransferWalkthrough(MockServer server) {
    WyreClient wyre =
        WyreClient.builder().secretKey(SECRET).baseUrl(server.getUrl()).maxRetries(0).build();

    assertEquals(
        "PENDING",
        wyre.transfers()
            .createTransfer(
                CreateTransferRequest.builder()
                    .source(SUB)
                    .sourceCurrency("USD")
                    .sourceAmount(new BigDecimal("200"))
                    .dest(PM)
                    .destCurrency("USD")
                    .message("Sending USD to the payment method")
                    .autoConfirm(true)
                    .build())
            .execute()
            .getStatus()
            .value());
    assertEquals(
        "XLM",
        wyre.transfers()
            .createTransfer(
                CreateTransferRequest.builder()
                    .source(BTC_ACCOUNT)
                    .sourceCurrency("BTC")
                    .sourceAmount(new BigDecimal("0.001"))
                    .dest(STELLAR)
                    .destCurrency("XLM")
                    .message("BTC for XLM")
                    .autoConfirm(true)
                    .build())
            .execute()
            .getDestCurrency());
    assertEquals(
        "UNCONFIRMED", wyre.transfers().createTransfer(quote("200")).execute().getStatus().value());
    assertEquals(
        "PENDING", wyre.transfers().confirmTransfer(TRANSFER_ID).execute().getStatus().value());
    assertEquals(
        "COMPLETED", wyre.transfers().getTransfer(TRANSFER_ID).execute().getStatus().value());
    ApiException expired =
        assertThrows(
            ApiException.class, () -> wyre.transfers().confirmTransfer(EXPIRED_ID).execute());
    assertEquals("ValidationException", expired.providerCode());
    ApiException both =
        assertThrows(
            ApiException.class,
            () ->
                wyre.transfers()
                    .createTransfer(
                        CreateTransferRequest.builder()
                            .source(SUB)
                            .sourceCurrency("USD")
                            .sourceAmount(new BigDecimal("200"))
                            .dest(PM)
                            .destCurrency("USD")
                            .destAmount(new BigDecimal("200"))
                            .build())
                    .execute());
    assertEquals("ValidationException", both.providerCode());
    assertEquals(
        SUB,
        wyre.transfers()
            .createTransfer(
                quote("10"),
                TransfersApi.CreateTransferParams.builder()
                    .masqueradeAs(SandboxSeed.WYRE_SUB_ACCOUNT)
                    .build())
            .execute()
            .getOwner());
  }

  private static CreateTransferRequest quote(String amount) {
    return CreateTransferRequest.builder()
        .source(SUB)
        .sourceCurrency("USD")
        .sourceAmount(new BigDecimal(amount))
        .dest(PM)
        .destCurrency("USD")
        .autoConfirm(false)
        .build();
  }
}
