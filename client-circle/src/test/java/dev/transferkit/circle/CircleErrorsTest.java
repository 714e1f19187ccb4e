package dev.transferkit.circle;

import static dev.transferkit.circle.CircleClientTest.API_KEY;
import static dev.transferkit.circle.CircleClientTest.json;
import static dev.transferkit.circle.CircleClientTest.payoutWithoutKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.core.RequestOptions;
import dev.transferkit.core.exception.ApiException;
import dev.transferkit.core.exception.AuthenticationException;
import dev.transferkit.core.exception.ConflictException;
import dev.transferkit.core.exception.IdempotencyConflictException;
import dev.transferkit.core.exception.InsufficientFundsException;
import dev.transferkit.core.exception.InvalidRequestException;
import dev.transferkit.core.exception.NotFoundException;
import dev.transferkit.core.exception.PermissionException;
import dev.transferkit.core.exception.RateLimitException;
import dev.transferkit.core.exception.ServerException;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Circle error bodies, and bodies that are not Circle's, become the right typed exception. */
class CircleErrorsTest {
  private MockWebServer server;
  private CircleClient circle;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    circle =
        CircleClient.builder()
            .apiKey(API_KEY)
            .baseUrl(server.url("/").toString())
            .maxRetries(0)
            .build();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private ApiException createPayoutFailingWith(MockResponse response) {
    server.enqueue(response);
    return assertThrows(
        ApiException.class, () -> circle.payouts().createPayout(payoutWithoutKey()).execute());
  }

  @Test
  void insufficientFundsCarriesCodeMessageAndRequestId() {
    ApiException e =
        createPayoutFailingWith(
            json(400, "{\"code\":1093,\"message\":\"Source account has" + " insufficient funds\"}")
                .setHeader("X-Request-Id", "6f0c1f5e-0000-4000-8000-000000000001"));
    assertTrue(e instanceof InsufficientFundsException, e.getClass().getName());
    assertEquals(400, e.httpStatus());
    assertEquals("1093", e.providerCode());
    assertEquals("Source account has insufficient funds", e.providerMessage());
    assertEquals("6f0c1f5e-0000-4000-8000-000000000001", e.requestId());
    assertEquals(
        "Circle error 1093 (HTTP 400): Source account has insufficient funds [request id"
            + " 6f0c1f5e-0000-4000-8000-000000000001]",
        e.getMessage());
  }

  @Test
  void walletAndPayoutInsufficientFundsCodesAreInsufficientFundsToo() {
    assertEquals(
        InsufficientFundsException.class,
        createPayoutFailingWith(
                json(
                    400,
                    "{\"code\":155201,\"message\":\"Not enough funds to fulfill the withdraw request.\"}"))
            .getClass());
    assertEquals(
        InsufficientFundsException.class,
        createPayoutFailingWith(json(400, "{\"code\":5006,\"message\":\"insufficient funds\"}"))
            .getClass());
  }

  @Test
  void invalidPurposeOfTransferIsAnInvalidRequestThatSaysWhatToFix() {
    ApiException e =
        createPayoutFailingWith(json(400, "{\"code\":5020,\"message\":\"Invalid request\"}"));
    assertEquals(InvalidRequestException.class, e.getClass());
    assertEquals("5020", e.providerCode());
    assertTrue(e.getMessage().contains("purposeOfTransfer"), e.getMessage());
  }

  @Test
  void validationErrorKeepsTheFieldDetailsInTheSnippet() {
    ApiException e =
        createPayoutFailingWith(
            json(
                400,
                "{\"code\":2,\"message\":\"Invalid entity.\","
                    + "\"errors\":[{\"error\":\"required\",\"message\":\"may not be null\",\"location\":\"amount\","
                    + "\"invalidValue\":\"null\",\"constraints\":{}}]}"));
    assertEquals(InvalidRequestException.class, e.getClass());
    assertTrue(e.bodySnippet().contains("\"location\":\"amount\""), e.bodySnippet());
  }

  @Test
  void expiredUserTokenIsAnAuthenticationErrorTellingToGetANewToken() {
    server.enqueue(json(403, "{\"code\":155104,\"message\":\"userToken expired\"}"));
    ApiException e =
        assertThrows(
            ApiException.class, () -> circle.wallets().listWallets("expired-token").execute());
    assertEquals(AuthenticationException.class, e.getClass());
    assertEquals(403, e.httpStatus());
    assertTrue(e.getMessage().contains("60 minutes"), e.getMessage());
    assertTrue(e.getMessage().contains("getUserToken"), e.getMessage());
  }

  @Test
  void reusedIdempotencyKeyIsAnIdempotencyConflict() {
    assertEquals(
        IdempotencyConflictException.class,
        createPayoutFailingWith(
                json(
                    409,
                    "{\"code\":1083,\"message\":\"Idempotency key already bound to other request\"}"))
            .getClass());
    ApiException w3s =
        createPayoutFailingWith(
            json(403, "{\"code\":156020,\"message\":\"Please use a new idempotency key.\"}"));
    assertEquals(IdempotencyConflictException.class, w3s.getClass());
    assertTrue(w3s.getMessage().contains("look it up"), w3s.getMessage());
    assertEquals(
        IdempotencyConflictException.class, createPayoutFailingWith(json(409, "")).getClass());
  }

  @Test
  void otherConflictsAreNotIdempotencyConflicts() {
    ApiException e =
        createPayoutFailingWith(json(409, "{\"code\":155101,\"message\":\"user already exists\"}"));
    assertEquals(ConflictException.class, e.getClass());
  }

  @Test
  void emptyOrForeignBodiesAreStillTypedByStatusWithASnippet() {
    ApiException notFound = createPayoutFailingWith(new MockResponse().setResponseCode(404));
    assertEquals(NotFoundException.class, notFound.getClass());
    assertNull(notFound.providerCode());
    assertEquals("Circle error (HTTP 404): empty body", notFound.getMessage());

    ApiException gateway =
        createPayoutFailingWith(
            new MockResponse()
                .setResponseCode(502)
                .setHeader("Content-Type", "text/html")
                .setBody("<html><body>Bad gateway</body></html>"));
    assertEquals(ServerException.class, gateway.getClass());
    assertEquals("<html><body>Bad gateway</body></html>", gateway.bodySnippet());
    assertTrue(gateway.getMessage().contains("Bad gateway"), gateway.getMessage());

    assertEquals(
        PermissionException.class, createPayoutFailingWith(json(403, "{\"code\":3}")).getClass());
    assertEquals(
        AuthenticationException.class,
        createPayoutFailingWith(
                json(401, "{\"code\":401,\"message\":\"Malformed authorization.\"}"))
            .getClass());
  }

  @Test
  void rateLimitCarriesRetryAfter() {
    server.enqueue(
        json(429, "{\"code\":429,\"message\":\"Too many requests\"}")
            .setHeader("Retry-After", "12"));
    RateLimitException e =
        assertThrows(
            RateLimitException.class,
            () ->
                circle
                    .payouts()
                    .getPayout("p1", RequestOptions.builder().maxRetries(0).build())
                    .execute());
    assertEquals(Duration.ofSeconds(12), e.retryAfter());
  }

  @Test
  void errorSnippetsNeverShowSecretFields() {
    ApiException e =
        createPayoutFailingWith(
            json(
                400,
                "{\"code\":2,\"message\":\"bad\",\"echo\":"
                    + "{\"userToken\":\"eyJsecret\",\"encryptionKey\":\"k3y\"}}"));
    assertFalse(e.bodySnippet().contains("eyJsecret"));
    assertFalse(e.bodySnippet().contains("k3y"));
  }
}
