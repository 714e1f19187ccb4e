package dev.transferkit.conformance.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.circle.CircleClient;
import dev.transferkit.sandbox.ResponseViolation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The spec check fails an off-spec exchange by naming the spec file, the operation, the field and
 * the value.
 */
class SpecCheckingInterceptorTest {
  private static final String TRANSFER =
      "{\"data\":{\"id\":\"c2c1f6a6-5d7f-4e3c-9d6b-4a1f3b1f7a10\","
          + "\"source\":{\"type\":\"account\",\"id\":\"1017381855\"},"
          + "\"destination\":{\"type\":\"account\",\"id\":\"1000661542\"},"
          + "\"amount\":{\"amount\":%s,\"currency\":\"USD\"},"
          + "\"status\":\"complete\",\"createDate\":\"2026-03-15T12:00:00.000Z\",\"updateDate\":\"2026-03-15T12:00:00.000Z\"}}";

  private final MockWebServer server = new MockWebServer();
  private SpecCheckingInterceptor check;
  private CircleClient circle;

  @BeforeEach
  void start() throws IOException {
    server.start();
    String base = server.url("/circle/").toString();
    check = new SpecCheckingInterceptor(SpecValidator.forProvider("circle"), List.of(base));
    circle =
        CircleClient.builder()
            .apiKey("TEST_API_KEY:test:key")
            .baseUrl(base)
            .maxRetries(0)
            .httpClient(new OkHttpClient.Builder().addNetworkInterceptor(check).build())
            .build();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void anOffSpecResponseFailsTheCallNamingSpecFileOperationFieldAndValue() {
    server.enqueue(json(200, String.format(TRANSFER, "2500.00")));

    ConformanceFailure failure =
        assertThrows(
            ConformanceFailure.class,
            () ->
                circle
                    .accounts()
                    .getAccountTransfer("c2c1f6a6-5d7f-4e3c-9d6b-4a1f3b1f7a10")
                    .execute());

    assertEquals(1, failure.violations().size(), failure.getMessage());
    Violation v = failure.violations().get(0);
    assertEquals("circle/digital-asset-accounts.yaml", v.spec());
    assertTrue(v.operation().startsWith("getAccountTransfer"), v.toString());
    assertEquals("response 200", v.where());
    assertEquals("/data/amount/amount", v.field());
    assertEquals("2500.00", v.value());
    assertTrue(
        failure
            .getMessage()
            .startsWith(
                "conformance failure: circle/digital-asset-accounts.yaml "
                    + "getAccountTransfer (GET /v1/accounts/transfers/c2c1f6a6-5d7f-4e3c-9d6b-4a1f3b1f7a10) response 200: "
                    + "field /data/amount/amount = 2500.00: "),
        failure.getMessage());
    assertEquals(List.of(), check.drain(), "a response violation is thrown, not kept for later");
  }

  @Test
  void anUndocumentedEnumValueInTheResponseIsReported() {
    server.enqueue(
        json(200, String.format(TRANSFER, "\"2500.00\"").replace("\"complete\"", "\"done\"")));

    ConformanceFailure failure =
        assertThrows(
            ConformanceFailure.class,
            () ->
                circle
                    .accounts()
                    .getAccountTransfer("c2c1f6a6-5d7f-4e3c-9d6b-4a1f3b1f7a10")
                    .execute());

    assertEquals(1, failure.violations().size(), failure.getMessage());
    assertEquals("/data/status", failure.violations().get(0).field());
    assertEquals("\"done\"", failure.violations().get(0).value());
  }

  @Test
  void whatTheSandboxFoundWrongWithItsOwnResponseFailsTheCallNamingTheField() {
    String offSpec = String.format(TRANSFER, "2500.00");
    List<ResponseViolation> sandboxFound = new ArrayList<>();
    SpecCheckingInterceptor withSandbox =
        new SpecCheckingInterceptor(
            SpecValidator.forProvider("circle"),
            List.of(server.url("/circle/").toString()),
            () -> List.copyOf(sandboxFound));
    CircleClient strict =
        CircleClient.builder()
            .apiKey("TEST_API_KEY:test:key")
            .baseUrl(server.url("/circle/").toString())
            .maxRetries(0)
            .httpClient(new OkHttpClient.Builder().addNetworkInterceptor(withSandbox).build())
            .build();
    // The strict sandbox answers 500 instead of the off-spec response, and records what it meant to
    // send.
    server.setDispatcher(
        new okhttp3.mockwebserver.Dispatcher() {
          @Override
          public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
            sandboxFound.add(
                new ResponseViolation(
                    "circle",
                    "GET",
                    "/v1/accounts/transfers/c2c1f6a6-5d7f-4e3c-9d6b-" + "4a1f3b1f7a10",
                    200,
                    List.of("/data/amount/amount: wrong type"),
                    offSpec));
            return json(500, "{\"code\":-1,\"message\":\"Sandbox response violates ...\"}");
          }
        });

    ConformanceFailure failure =
        assertThrows(
            ConformanceFailure.class,
            () ->
                strict
                    .accounts()
                    .getAccountTransfer("c2c1f6a6-5d7f-4e3c-9d6b-4a1f3b1f7a10")
                    .execute());

    assertTrue(
        failure
            .getMessage()
            .startsWith(
                "conformance failure: circle/digital-asset-accounts.yaml "
                    + "getAccountTransfer (GET /v1/accounts/transfers/c2c1f6a6-5d7f-4e3c-9d6b-4a1f3b1f7a10) response 200: "
                    + "field /data/amount/amount = 2500.00: "),
        failure.getMessage());
  }

  @Test
  void aConformingExchangeHasNoViolation() {
    server.enqueue(json(200, String.format(TRANSFER, "\"2500.00\"")));

    circle.accounts().getAccountTransfer("c2c1f6a6-5d7f-4e3c-9d6b-4a1f3b1f7a10").execute();

    assertEquals(List.of(), check.drain());
  }

  @Test
  void anUndocumentedPathIsReported() {
    Violation v =
        SpecValidator.forProvider("circle")
            .validate(
                new SpecValidator.Exchange(
                    "GET",
                    "/v1/nowhere",
                    java.util.Map.of(),
                    java.util.Map.of(),
                    null,
                    404,
                    java.util.Map.of(),
                    ""))
            .get(0);

    assertEquals("GET /v1/nowhere", v.operation());
    assertTrue(v.message().contains("no circle spec documents this path"), v.message());
  }

  @Test
  void secretHeadersAreMaskedInReports() {
    String body = "{\"userToken\":\"eyJhbGciOiJIUzI1NiJ9.secret\"}";

    assertEquals("\"eyJhbGciOiJIUzI1NiJ9.secret\"", SpecValidator.valueAt(body, "/userToken"));
    // The report masks it: the violation is built with the secret-field rule.
    Violation v =
        new Violation(
            "circle/user-controlled-wallets.yaml",
            "op",
            "response 200",
            "/data/userToken",
            "\"****\"",
            "m",
            200);
    assertTrue(v.toString().contains("****"));
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }
}
