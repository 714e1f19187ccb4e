package dev.transferkit.wyre;

import static dev.transferkit.core.testing.RoundTrip.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.core.RetryPolicy;
import dev.transferkit.core.exception.ApiException;
import dev.transferkit.core.exception.AuthenticationException;
import dev.transferkit.core.exception.InsufficientFundsException;
import dev.transferkit.core.exception.InvalidRequestException;
import dev.transferkit.core.exception.NetworkException;
import dev.transferkit.core.exception.NotFoundException;
import dev.transferkit.core.exception.OutcomeUnknownException;
import dev.transferkit.core.exception.RedirectException;
import dev.transferkit.core.exception.ServerException;
import dev.transferkit.wyre.api.TransfersApi;
import dev.transferkit.wyre.api.TransfersApi.ListTransfersParams;
import dev.transferkit.wyre.model.CreateTransferRequest;
import dev.transferkit.wyre.model.Transfer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Wyre facade against a local server: HMAC signing, creates never retried, error types, paging.
 */
class WyreClientTest {
  static final String API_KEY = "AK-WYRE-PUBLIC-0001";
  static final String SECRET_KEY = "SK-WYRE-SECRET-0002";
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochMilli(1426252182534L), ZoneOffset.UTC);

  private MockWebServer server;
  private WyreClient wyre;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    wyre =
        WyreClient.builder()
            .hmac(API_KEY, SECRET_KEY)
            .clock(CLOCK)
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
        .setBody(resource(getClass(), "/payloads/response-a.json"));
  }

  static CreateTransferRequest request() {
    return CreateTransferRequest.builder()
        .source("account:AC_XXXXXXXX2")
        .sourceCurrency("USD")
        .sourceAmount(new BigDecimal("200"))
        .dest("paymentmethod:PA_LXXXXXXXX")
        .destCurrency("USD")
        .message("Sending USD to the payment method")
        .customId("order-1234")
        .build();
  }

  /**
   * Independent recomputation: HMAC-SHA256(secret, URL as received + body bytes as received),
   * lowercase hex.
   */
  private String expectedSignature(RecordedRequest r) throws Exception {
    String url = "http://" + server.getHostName() + ":" + server.getPort() + r.getPath();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update(url.getBytes(StandardCharsets.UTF_8));
    byte[] digest = mac.doFinal(r.getBody().readByteArray());
    StringBuilder hex = new StringBuilder();
    for (byte b : digest) {
      hex.append(String.format("%02x", b & 0xff));
    }
    return hex.toString();
  }

  @Test
  void hmacSignatureCoversTheReceivedUrlWithTimestampAndMasqueradeAsAndTheExactBody()
      throws Exception {
    server.enqueue(transfer());

    wyre.transfers()
        .createTransfer(
            request(),
            TransfersApi.CreateTransferParams.builder().masqueradeAs("account:AC_SUB").build())
        .execute();

    RecordedRequest r = server.takeRequest();
    assertEquals(
        "/v3/transfers?masqueradeAs=account%3AAC_SUB&timestamp=1426252182534", r.getPath());
    assertEquals(API_KEY, r.getHeader("X-Api-Key"));
    assertEquals("2", r.getHeader("X-Api-Version"));
    assertNull(r.getHeader("Authorization"));
    String signature = r.getHeader("X-Api-Signature");
    assertTrue(signature.matches("[0-9a-f]{64}"), signature);
    assertEquals(expectedSignature(r), signature);
  }

  @Test
  void getIsSignedOverTheUrlAlone() throws Exception {
    server.enqueue(transfer());

    wyre.transfers().getTransfer("TF_VXXXXXXXX").execute();

    RecordedRequest r = server.takeRequest();
    assertEquals("/v3/transfers/TF_VXXXXXXXX?timestamp=1426252182534", r.getPath());
    assertEquals(0, r.getBodySize());
    assertEquals(expectedSignature(r), r.getHeader("X-Api-Signature"));
  }

  @Test
  void bearerModeSendsTheSecretKeyAndNoSignature() throws Exception {
    WyreClient bearer =
        WyreClient.builder().secretKey(SECRET_KEY).baseUrl(server.url("/").toString()).build();
    server.enqueue(transfer());

    bearer.transfers().confirmTransfer("TF_VXXXXXXXX").execute();

    RecordedRequest r = server.takeRequest();
    assertEquals("Bearer " + SECRET_KEY, r.getHeader("Authorization"));
    assertNull(r.getHeader("X-Api-Signature"));
    assertEquals("/v3/transfers/TF_VXXXXXXXX/confirm", r.getPath());
  }

  @Test
  void createDroppedAfterWyreReadItIsTriedOnceAndItsOutcomeIsUnknown() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(transfer());

    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> wyre.transfers().createTransfer(request()).execute());

    assertEquals(1, server.getRequestCount());
    assertTrue(e.getMessage().contains("customId"), e.getMessage());
    assertTrue(e.getMessage().contains("getTransfer"), e.getMessage());
  }

  @Test
  void confirmWhoseResponseTimesOutIsTriedOnceAndItsOutcomeIsUnknown() {
    server.enqueue(transfer().setHeadersDelay(2, TimeUnit.SECONDS));
    server.enqueue(transfer());

    assertThrows(
        OutcomeUnknownException.class,
        () -> wyre.transfers().confirmTransfer("TF_VXXXXXXXX").execute());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void createAnswered503IsNotRetriedAndItsOutcomeIsUnknown() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(transfer());

    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> wyre.transfers().createTransfer(request()).execute());
    assertTrue(e.getCause() instanceof ServerException, String.valueOf(e.getCause()));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void createThatCannotConnectIsASafeNetworkError() throws Exception {
    String url = server.url("/").toString();
    server.shutdown();
    WyreClient offline = WyreClient.builder().secretKey(SECRET_KEY).baseUrl(url).build();

    NetworkException e =
        assertThrows(
            NetworkException.class, () -> offline.transfers().createTransfer(request()).execute());
    assertTrue(e.getMessage().contains("nothing reached Wyre"), e.getMessage());
  }

  @Test
  void getIsRetriedAfterADroppedConnectionWithAFreshSignature() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(transfer());

    Transfer t = wyre.transfers().getTransfer("TF_VXXXXXXXX").execute();

    assertEquals("TF_VXXXXXXXX", t.getId());
    server.takeRequest();
    RecordedRequest retry = server.takeRequest();
    assertEquals(expectedSignature(retry), retry.getHeader("X-Api-Signature"));
  }

  private ApiException failingWith(int status, String body) {
    server.enqueue(new MockResponse().setResponseCode(status).setBody(body));
    return assertThrows(
        ApiException.class, () -> wyre.transfers().createTransfer(request()).execute());
  }

  @Test
  void wyreErrorTypesBecomeTypedExceptions() {
    ApiException funds =
        failingWith(
            400,
            "{\"language\":\"en\",\"exceptionId\":\"8MAM48\",\"subType\":\"\","
                + "\"message\":\"Insufficient funds\",\"type\":\"InsufficientFundsException\",\"transient\":false}");
    assertEquals(InsufficientFundsException.class, funds.getClass());
    assertEquals("InsufficientFundsException", funds.providerCode());
    assertEquals("8MAM48", funds.requestId());

    ApiException invalid =
        failingWith(
            400,
            "{\"language\":\"en\",\"exceptionId\":\"X1\",\"compositeType\":\"\","
                + "\"subType\":\"FIELD_REQUIRED\",\"message\":\"Field dest is required.\",\"type\":\"ValidationException\","
                + "\"transient\":false,\"problematicField\":\"dest\"}");
    assertEquals(InvalidRequestException.class, invalid.getClass());
    assertTrue(invalid.getMessage().contains("subType=FIELD_REQUIRED"), invalid.getMessage());
    assertTrue(invalid.getMessage().contains("problematicField=dest"), invalid.getMessage());

    assertEquals(
        NotFoundException.class,
        failingWith(
                400,
                "{\"message\":\"Transfer not found\","
                    + "\"type\":\"NotFoundException\",\"exceptionId\":\"X2\"}")
            .getClass());
    ApiException denied =
        failingWith(
            401,
            "{\"language\":\"en\",\"compositeType\":\"\",\"subType\":\"\","
                + "\"errorCode\":\"accessDenied.invalidSession\",\"exceptionId\":\"test_TQCJZP\",\"message\":\"Invalid"
                + " Session\",\"type\":\"AccessDeniedException\",\"transient\":false}");
    assertEquals(AuthenticationException.class, denied.getClass());
    assertTrue(
        denied.getMessage().contains("errorCode=accessDenied.invalidSession"), denied.getMessage());

    ApiException html = failingWith(400, "<html>oops</html>");
    assertEquals(InvalidRequestException.class, html.getClass());
    assertEquals("<html>oops</html>", html.bodySnippet());
  }

  @Test
  void historyIsPagedByOffsetAndLengthOnDemand() throws Exception {
    String t = resource(getClass(), "/payloads/response-a.json");
    server.enqueue(
        new MockResponse()
            .setBody(
                "{\"data\":["
                    + t
                    + ","
                    + t
                    + "],\"position\":0,"
                    + "\"recordsTotal\":3,\"recordsFiltered\":3}"));
    server.enqueue(
        new MockResponse()
            .setBody(
                "{\"data\":["
                    + t
                    + "],\"position\":2,\"recordsTotal\":3,"
                    + "\"recordsFiltered\":3}"));

    Iterator<Transfer> it =
        wyre.transfers()
            .listAllTransfers(ListTransfersParams.builder().length(2).build())
            .iterator();
    it.next();
    it.next();
    assertEquals(1, server.getRequestCount());
    it.next();
    assertFalse(it.hasNext());
    assertEquals(2, server.getRequestCount());
    assertEquals(
        "/v3/transfers?offset=0&length=2&timestamp=1426252182534", server.takeRequest().getPath());
    assertEquals(
        "/v3/transfers?offset=2&length=2&timestamp=1426252182534", server.takeRequest().getPath());
  }

  @Test
  @SuppressWarnings("unchecked")
  void eachEnvironmentIsTheServerTheSpecNamesForIt() throws Exception {
    Map<String, Object> spec =
        new org.yaml.snakeyaml.Yaml()
            .load(
                java.nio.file.Files.readString(
                    Paths.get("..", "specs", "wyre", "transfers.yaml"), StandardCharsets.UTF_8));
    Map<String, String> servers = new java.util.LinkedHashMap<>();
    for (Map<String, Object> server : (List<Map<String, Object>>) spec.get("servers")) {
      servers.put(String.valueOf(server.get("x-transferkit-environment")), server.get("url") + "/");
    }
    Map<String, String> environments = new java.util.LinkedHashMap<>();
    for (WyreClient.Environment env : WyreClient.Environment.values()) {
      environments.put(env.name(), env.baseUrl());
    }
    assertEquals(servers, environments);
  }

  @Test
  void builderNeedsCredentials() {
    assertThrows(IllegalStateException.class, () -> WyreClient.builder().build());
    assertThrows(IllegalArgumentException.class, () -> WyreClient.builder().hmac("", SECRET_KEY));
  }

  @Test
  void keysWithANewlineOrNonAsciiCharacterAreRefusedAtBuildTimeWithoutShowingThem() {
    for (String[] keys :
        new String[][] {
          {API_KEY + "\n", SECRET_KEY},
          {API_KEY, SECRET_KEY + "\r\n"},
          {API_KEY, "SK-WYRE-\u00a0SECRET"},
          {" " + API_KEY, SECRET_KEY}
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> WyreClient.builder().hmac(keys[0], keys[1]));
      assertTrue(
          e.getMessage().startsWith("apiKey ") || e.getMessage().startsWith("secretKey "),
          e.getMessage());
      assertFalse(e.getMessage().contains("WYRE"), e.getMessage());
    }
    IllegalArgumentException bearer =
        assertThrows(
            IllegalArgumentException.class,
            () -> WyreClient.builder().secretKey(SECRET_KEY + "\n"));
    assertFalse(bearer.getMessage().contains(SECRET_KEY), bearer.getMessage());
  }

  @Test
  void signedCreateRedirectedToAnotherHostIsNeitherFollowedNorResent() throws Exception {
    try (MockWebServer attacker = new MockWebServer()) {
      attacker.start();
      for (boolean follow : new boolean[] {false, true}) {
        WyreClient client =
            WyreClient.builder()
                .hmac(API_KEY, SECRET_KEY)
                .baseUrl(server.url("/").toString())
                .followRedirects(follow)
                .build();
        server.enqueue(
            new MockResponse()
                .setResponseCode(307)
                .setHeader("Location", attacker.url("/v3/transfers?replay=1").toString()));

        OutcomeUnknownException e =
            assertThrows(
                OutcomeUnknownException.class,
                () -> client.transfers().createTransfer(request()).execute());
        RedirectException redirect = (RedirectException) e.getCause();
        assertEquals(307, redirect.httpStatus());
        assertEquals(
            "http://" + attacker.getHostName() + ":" + attacker.getPort(),
            redirect.locationOrigin());
      }
      assertEquals(
          0,
          attacker.getRequestCount(),
          "the signed body and X-Api-Key never left for the other host");
    }
  }

  @Test
  void signedGetRedirectedToAnotherHostWhenAllowedGoesWithoutKeyOrSignature() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start();
      WyreClient client =
          WyreClient.builder()
              .hmac(API_KEY, SECRET_KEY)
              .baseUrl(server.url("/").toString())
              .followRedirects(true)
              .build();
      server.enqueue(
          new MockResponse()
              .setResponseCode(302)
              .setHeader("Location", other.url("/v3/transfers/TF_VXXXXXXXX").toString()));
      other.enqueue(transfer());

      client.transfers().getTransfer("TF_VXXXXXXXX").execute();

      RecordedRequest hop = other.takeRequest();
      assertNull(hop.getHeader("X-Api-Key"));
      assertNull(hop.getHeader("X-Api-Signature"));
      assertNull(hop.getHeader("Authorization"));
      assertEquals(API_KEY, server.takeRequest().getHeader("X-Api-Key"));
    }
  }
}
