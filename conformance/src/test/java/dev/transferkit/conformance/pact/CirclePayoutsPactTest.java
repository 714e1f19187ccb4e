package dev.transferkit.conformance.pact;

import static dev.transferkit.conformance.pact.PactSupport.CONSUMER;
import static dev.transferkit.conformance.pact.PactSupport.ISO;
import static dev.transferkit.conformance.pact.PactSupport.ISO_EXAMPLE;
import static dev.transferkit.conformance.pact.PactSupport.JSON_TYPE;
import static dev.transferkit.conformance.pact.PactSupport.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.model.RequestCurrency;
import dev.transferkit.circle.model.RequestMoney;
import dev.transferkit.circle.payouts.model.CreatePayoutRequest;
import dev.transferkit.circle.payouts.model.Payout;
import dev.transferkit.circle.payouts.model.PayoutDestination;
import dev.transferkit.circle.payouts.model.PayoutDestinationType;
import dev.transferkit.circle.payouts.model.PurposeOfTransfer;
import dev.transferkit.core.exception.InvalidRequestException;
import dev.transferkit.sandbox.SandboxSeed;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Circle payouts: the interactions of the create-a-payout walkthrough. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "circle-payouts", pactVersion = PactSpecVersion.V3)
class CirclePayoutsPactTest {
  static final String KEY = SandboxSeed.CIRCLE_API_KEY;
  static final String SG_KEY = SandboxSeed.CIRCLE_SG_API_KEY;
  static final String RECIPIENT = SandboxSeed.CIRCLE_ADDRESS_BOOK_ID;
  static final String SG_RECIPIENT = SandboxSeed.CIRCLE_SG_ADDRESS_BOOK_ID;

  @Pact(consumer = CONSUMER)
  RequestResponsePact payouts(PactDslWithProvider builder) {
    return builder
        .given("address book recipient " + RECIPIENT + " and a funded wallet")
        .uponReceiving("a payout of 3.14 USD with purposeOfTransfer PMT001")
        .path("/v1/payouts")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(request(RECIPIENT, "PMT001"))
        .willRespondWith()
        .status(201)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(payout())
        .given("address book recipient " + RECIPIENT + " and a funded wallet")
        .uponReceiving("a payout with purposeOfTransfer PMT006")
        .path("/v1/payouts")
        .method("POST")
        .headers(bearer(KEY))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(request(RECIPIENT, "PMT006"))
        .willRespondWith()
        .status(400)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .integerType("code", 5020)
                .stringType("message", "Invalid purposeOfTransfer"))
        .given("an entity that requires purposeOfTransfer, with recipient " + SG_RECIPIENT)
        .uponReceiving("a payout without purposeOfTransfer from an entity that requires it")
        .path("/v1/payouts")
        .method("POST")
        .headers(bearer(SG_KEY))
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(request(SG_RECIPIENT, null))
        .willRespondWith()
        .status(400)
        .matchHeader("Content-Type", JSON_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .integerType("code", 5020)
                .stringType("message", "purposeOfTransfer is required"))
        .toPact();
  }

  private static PactDslJsonBody request(String recipient, String purpose) {
    PactDslJsonBody body = new PactDslJsonBody().uuid("idempotencyKey");
    body.object("destination")
        .stringValue("type", "address_book")
        .stringValue("id", recipient)
        .closeObject();
    body.object("amount")
        .stringValue("amount", "3.14")
        .stringValue("currency", "USD")
        .closeObject();
    if (purpose != null) {
      body.stringValue("purposeOfTransfer", purpose);
    }
    return body;
  }

  private static PactDslJsonBody payout() {
    PactDslJsonBody body = new PactDslJsonBody();
    PactDslJsonBody data = body.object("data").uuid("id");
    data.object("destination")
        .stringValue("type", "address_book")
        .stringValue("id", RECIPIENT)
        .closeObject();
    data.object("amount")
        .stringValue("amount", "3.14")
        .stringValue("currency", "USD")
        .closeObject();
    data.stringValue("purposeOfTransfer", "PMT001")
        .stringValue("status", "pending")
        .stringMatcher("createDate", ISO, ISO_EXAMPLE)
        .stringMatcher("updateDate", ISO, ISO_EXAMPLE);
    data.closeObject();
    return body;
  }

  @Test
  void payoutWalkthrough(MockServer server) {
    CircleClient circle =
        CircleClient.builder().apiKey(KEY).baseUrl(server.getUrl()).maxRetries(0).build();
    CircleClient sg =
        CircleClient.builder().apiKey(SG_KEY).baseUrl(server.getUrl()).maxRetries(0).build();

    Payout p = circle.payouts().createPayout(create(RECIPIENT, PurposeOfTransfer.PMT001)).execute();
    assertEquals("pending", p.getStatus().value());
    InvalidRequestException pmt006 =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidRequestException.class,
            () ->
                circle
                    .payouts()
                    .createPayout(create(RECIPIENT, PurposeOfTransfer.fromValue("PMT006")))
                    .execute());
    assertEquals("5020", pmt006.providerCode());
    InvalidRequestException missing =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidRequestException.class,
            () -> sg.payouts().createPayout(create(SG_RECIPIENT, null)).execute());
    assertEquals("5020", missing.providerCode());
  }

  private static CreatePayoutRequest create(String recipient, PurposeOfTransfer purpose) {
    return CreatePayoutRequest.builder()
        .destination(
            PayoutDestination.builder()
                .type(PayoutDestinationType.ADDRESS_BOOK)
                .id(recipient)
                .build())
        .amount(
            RequestMoney.builder()
                .amount(new BigDecimal("3.14"))
                .currency(RequestCurrency.USD)
                .build())
        .purposeOfTransfer(purpose)
        .build();
  }
}
