package dev.transferkit.streambird;

import static dev.transferkit.core.testing.RoundTrip.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.core.RetryPolicy;
import dev.transferkit.core.exception.ApiException;
import dev.transferkit.core.exception.AuthenticationException;
import dev.transferkit.core.exception.InvalidRequestException;
import dev.transferkit.core.exception.NotFoundException;
import dev.transferkit.core.exception.OutcomeUnknownException;
import dev.transferkit.core.exception.ResponseDecodingException;
import dev.transferkit.core.internal.UserAgent;
import dev.transferkit.streambird.api.TransfersApi.ListTransfersParams;
import dev.transferkit.streambird.model.ConfirmTransferRequest;
import dev.transferkit.streambird.model.CreateTransferRequest;
import dev.transferkit.streambird.model.Currency;
import dev.transferkit.streambird.model.Transfer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Streambird facade against a local server. */
class StreambirdClientTest {
  static final String API_KEY = "sk_test_streambird_secret_0003";

  private MockWebServer server;
  private StreambirdClient streambird;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    streambird =
        StreambirdClient.builder()
            .apiKey(API_KEY)
            .baseUrl(server.url("/").toString())
            .readTimeout(Duration.ofMillis(500))
            .retryPolicy(RetryPolicy.builder().sleeper(d -> {}).build())
            .build();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private MockResponse transfer() {
    return new MockResponse()
        .setHeader("Content-Type", "application/json")
        .setBody(resource(getClass(), "/payloads/transfer-response.json"));
  }

  static CreateTransferRequest request() {
    return CreateTransferRequest.builder()
        .destCurrency(Currency.XLM)
        .source("wallet_2DJJmE5IhB1M7I8jJ7JuyCiOtiC")
        .dest(
            XlmDestination.of(
                    "GDQP2KPQGKIHYJGXNUIYOMHARUARCA7DJT5FO2FFOOKY3B2WSQHG4W37", "3652667947")
                .toString())
        .sourceAmount(new BigDecimal("0.005"))
        .build();
  }

  @Test
  void createSendsBearerAuthAndTheXlmDestination() throws Exception {
    server.enqueue(transfer());

    Transfer t = streambird.transfers().createTransfer(request()).execute();

    assertEquals("transfer_2DJMdUNmkPDIFNVWiTNHTiBL0NB", t.getId());
    RecordedRequest r = server.takeRequest();
    assertEquals("/v1/transfers/create", r.getPath());
    assertEquals("Bearer " + API_KEY, r.getHeader("Authorization"));
    assertEquals(UserAgent.VALUE, r.getHeader("User-Agent"));
    assertTrue(
        r.getBody()
            .readUtf8()
            .contains(
                "\"dest\":\"GDQP2KPQGKIHYJGXNUIYOMHARUARCA7DJT5FO2FFOOKY3B2WSQHG4W37:3652667947\""));
  }

  @Test
  void createDroppedAfterStreambirdReadItIsTriedOnceAndItsOutcomeIsUnknown() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(transfer());

    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> streambird.transfers().createTransfer(request()).execute());

    assertEquals(1, server.getRequestCount());
    assertTrue(e.getMessage().contains("listTransfers"), e.getMessage());
  }

  @Test
  void confirmWhoseResponseTimesOutIsTriedOnce() {
    server.enqueue(transfer().setHeadersDelay(2, TimeUnit.SECONDS));
    server.enqueue(transfer());

    assertThrows(
        OutcomeUnknownException.class,
        () ->
            streambird
                .transfers()
                .confirmTransfer("transfer_1", ConfirmTransferRequest.builder().build())
                .execute());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void getIsRetriedOnAServerError() {
    server.enqueue(new MockResponse().setResponseCode(500));
    server.enqueue(transfer());

    assertEquals(
        "transfer_2DJMdUNmkPDIFNVWiTNHTiBL0NB",
        streambird
            .transfers()
            .getTransfer("transfer_2DJMdUNmkPDIFNVWiTNHTiBL0NB")
            .execute()
            .getId());
    assertEquals(2, server.getRequestCount());
  }

  private ApiException failingWith(int status, String body) {
    server.enqueue(new MockResponse().setResponseCode(status).setBody(body));
    return assertThrows(
        ApiException.class, () -> streambird.transfers().createTransfer(request()).execute());
  }

  @Test
  void errorBodiesAreDecodedAndTypedByStatus() {
    ApiException invalid =
        failingWith(
            400,
            "{\"error_message\":\"source_amount is invalid\","
                + "\"error_type\":\"invalid_request\",\"status_code\":400}");
    assertEquals(InvalidRequestException.class, invalid.getClass());
    assertEquals("invalid_request", invalid.providerCode());
    assertEquals("source_amount is invalid", invalid.providerMessage());
    assertEquals(
        "Streambird error invalid_request (HTTP 400): source_amount is invalid",
        invalid.getMessage());

    assertEquals(AuthenticationException.class, failingWith(401, "").getClass());
    ApiException notFound = failingWith(404, "not json at all");
    assertEquals(NotFoundException.class, notFound.getClass());
    assertEquals("not json at all", notFound.bodySnippet());
  }

  @Test
  void transfersArePagedByOffsetAndLimitUntilTheCount() throws Exception {
    String t = resource(getClass(), "/payloads/transfer-response.json");
    server.enqueue(
        new MockResponse()
            .setBody(
                "{\"transfers\":[" + t + "," + t + "],\"count\":3,\"offset\":0," + "\"limit\":2}"));
    server.enqueue(
        new MockResponse()
            .setBody("{\"transfers\":[" + t + "],\"count\":3,\"offset\":2,\"limit\":2}"));

    List<Transfer> all =
        streambird
            .transfers()
            .listAllTransfers(ListTransfersParams.builder().userId("user_1").limit(2).build())
            .stream()
            .collect(Collectors.toList());

    assertEquals(3, all.size());
    assertEquals(2, server.getRequestCount());
    assertEquals(
        "/v1/transfers/list?user_id=user_1&limit=2&offset=0", server.takeRequest().getPath());
    assertEquals(
        "/v1/transfers/list?user_id=user_1&limit=2&offset=2", server.takeRequest().getPath());
  }

  @Test
  void transferAnsweredWithJsonNullOrAnEmptyBodyIsADecodingErrorNeverNull() {
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setBody("null"));
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(""));
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody("[]"));

    for (int i = 0; i < 3; i++) {
      assertThrows(
          ResponseDecodingException.class,
          () ->
              streambird.transfers().getTransfer("transfer_2DJMdUNmkPDIFNVWiTNHTiBL0NB").execute());
    }
    assertEquals(3, server.getRequestCount(), "a body that breaks the contract is not retried");
  }

  @Test
  void apiKeyReadWithATrailingNewlineIsRefusedAtBuildTimeWithoutShowingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StreambirdClient.builder().apiKey(API_KEY + "\n"));
    assertTrue(e.getMessage().startsWith("apiKey"), e.getMessage());
    assertFalse(e.getMessage().contains(API_KEY), e.getMessage());
  }
}
