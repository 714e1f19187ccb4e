package dev.transferkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import dev.transferkit.core.ApiCall;
import dev.transferkit.core.ClientBuilder;
import dev.transferkit.core.RequestOptions;
import dev.transferkit.core.RetryPolicy;
import dev.transferkit.core.exception.NetworkException;
import dev.transferkit.core.exception.OutcomeUnknownException;
import dev.transferkit.core.exception.RedirectException;
import dev.transferkit.core.exception.ResponseDecodingException;
import dev.transferkit.core.exception.ResponseTooLargeException;
import dev.transferkit.core.exception.ServerException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Tag;

/**
 * The runtime's defaults against real local servers: redirects are not followed (and, when allowed,
 * never carry credentials or a body to another origin), every call is bounded in time and size,
 * credentials are checked before they are sent, and a body the contract documents is never returned
 * as null.
 */
class SafeDefaultsTest {
  private static final String API_KEY = "sk_test_secret";
  private static final String USER_TOKEN = "eyJ-user-token-value";

  /**
   * A provider API shaped like the generated ones, with the credential headers the providers use.
   */
  interface Api {
    @GET("v1/items")
    ApiCall<Map<String, Object>> list(
        @Header("X-User-Token") String userToken,
        @Header("X-Api-Key") String apiKey,
        @Tag RequestOptions options);

    @Idempotent(keyField = "idempotencyKey")
    @POST("v1/payments")
    ApiCall<Map<String, Object>> createPayment(
        @Body TransportTest.KeyedPayment body, @Tag RequestOptions options);

    @POST("v1/transfers")
    ApiCall<Map<String, Object>> createTransfer(
        @Body Map<String, Object> body, @Tag RequestOptions options);
  }

  static final class Builder extends ClientBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }

    Api build(MockWebServer server) {
      return build(server.url("/").toString());
    }

    Api build(String baseUrl) {
      Moshi moshi = Json.moshi();
      ErrorDecoder decoder =
          (status, headers, body) ->
              ApiErrors.of(
                      TransportTest.TEST_PAY_SECRETS, ErrorKind.forStatus(status), status, body)
                  .provider("TestPay")
                  .headers(headers)
                  .build();
      Transport transport =
          transport(
              new Transport.Provider(
                  "TestPay",
                  moshi,
                  decoder,
                  "list and match customId.",
                  TransportTest.TEST_PAY_SECRETS));
      return transport
          .services(BaseUrls.normalize(baseUrl), new BearerAuth(API_KEY, "apiKey"))
          .retrofit()
          .create(Api.class);
    }
  }

  private MockWebServer server;
  private MockWebServer other;
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    other = new MockWebServer();
    other.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
    other.shutdown();
  }

  private Builder builder() {
    return new Builder()
        .retryPolicy(RetryPolicy.builder().sleeper(sleeps::add).random(() -> 0.5).build());
  }

  private static MockResponse ok(String json) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(json);
  }

  private MockResponse redirectToOther(int status) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Location", other.url("/elsewhere?token=leaked-query&sig=abc").toString());
  }

  private static Map<String, Object> transfer() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("amount", "10.00");
    return body;
  }

  private static TransportTest.KeyedPayment payment() {
    return new TransportTest.KeyedPayment(transfer());
  }

  private String otherOrigin() {
    return "http://" + other.getHostName() + ":" + other.getPort();
  }

  // ---- redirects
  // -------------------------------------------------------------------------------------------------

  @Test
  void redirectIsNotFollowedByDefaultAndNamesStatusAndOriginButNeverTheQuery() {
    Api api = builder().build(server);
    server.enqueue(redirectToOther(302));

    RedirectException e =
        assertThrows(
            RedirectException.class,
            () -> api.list(USER_TOKEN, API_KEY, RequestOptions.defaults()).execute());

    assertEquals(302, e.httpStatus());
    assertEquals(otherOrigin(), e.locationOrigin());
    assertTrue(
        e.getMessage().contains("302") && e.getMessage().contains(otherOrigin()), e.getMessage());
    assertFalse(
        e.getMessage().contains("leaked-query") || e.getMessage().contains("elsewhere"),
        e.getMessage());
    assertEquals(0, other.getRequestCount());
    assertEquals(1, server.getRequestCount(), "a redirect is not retried");
  }

  @Test
  void callerSuppliedClientThatFollowsRedirectsStillDoesNotByDefault() {
    Api api =
        builder()
            .httpClient(new okhttp3.OkHttpClient.Builder().followRedirects(true).build())
            .build(server);
    server.enqueue(redirectToOther(307));

    assertThrows(
        RedirectException.class,
        () -> api.list(USER_TOKEN, API_KEY, RequestOptions.defaults()).execute());
    assertEquals(0, other.getRequestCount());
  }

  @Test
  void createWithoutIdempotencyKeyAnsweredWithARedirectHasAnUnknownOutcome() {
    Api api = builder().build(server);
    server.enqueue(redirectToOther(303));

    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> api.createTransfer(transfer(), RequestOptions.defaults()).execute());

    assertInstanceOf(RedirectException.class, e.getCause());
    assertFalse(e.getMessage().contains("leaked-query"), e.getMessage());
    assertEquals(0, other.getRequestCount());
  }

  @Test
  void followedRedirectToAnotherOriginCarriesNoCredentialHeader() throws Exception {
    Api api = builder().followRedirects(true).build(server);
    server.enqueue(redirectToOther(302));
    other.enqueue(ok("{\"id\":\"i1\"}"));

    assertEquals(
        "i1", api.list(USER_TOKEN, API_KEY, RequestOptions.defaults()).execute().get("id"));

    RecordedRequest first = server.takeRequest();
    assertEquals(
        "Bearer " + API_KEY, first.getHeader("Authorization"), "the API host gets the credentials");
    assertEquals(USER_TOKEN, first.getHeader("X-User-Token"));
    RecordedRequest hop = other.takeRequest();
    for (String secret : List.of("Authorization", "X-User-Token", "X-Api-Key")) {
      assertNull(hop.getHeader(secret), secret + " went to another origin");
    }
    assertFalse(
        hop.getHeaders().toString().contains(API_KEY)
            || hop.getHeaders().toString().contains(USER_TOKEN),
        hop.getHeaders().toString());
  }

  @Test
  void followedRedirectToAnotherOriginDropsEvenACredentialHeaderNobodyListed() throws Exception {
    okhttp3.OkHttpClient withOwnHeader =
        new okhttp3.OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header("X-Partner-Credential", "partner-secret-4711")
                            .build()))
            .build();
    Api api = builder().followRedirects(true).httpClient(withOwnHeader).build(server);
    server.enqueue(redirectToOther(302));
    other.enqueue(ok("{\"id\":\"i1\"}"));

    api.list(USER_TOKEN, API_KEY, RequestOptions.defaults()).execute();

    assertEquals("partner-secret-4711", server.takeRequest().getHeader("X-Partner-Credential"));
    RecordedRequest hop = other.takeRequest();
    assertNull(hop.getHeader("X-Partner-Credential"), hop.getHeaders().toString());
    assertFalse(
        hop.getHeaders().toString().contains("partner-secret-4711"), hop.getHeaders().toString());
  }

  @Test
  void followedRedirectOnTheSameOriginKeepsTheCredentials() throws Exception {
    Api api = builder().followRedirects(true).build(server);
    server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/v2/items"));
    server.enqueue(ok("{\"id\":\"i2\"}"));

    assertEquals(
        "i2", api.list(USER_TOKEN, API_KEY, RequestOptions.defaults()).execute().get("id"));

    server.takeRequest();
    RecordedRequest hop = server.takeRequest();
    assertEquals("/v2/items", hop.getPath());
    assertEquals("Bearer " + API_KEY, hop.getHeader("Authorization"));
    assertEquals(USER_TOKEN, hop.getHeader("X-User-Token"));
  }

  @Test
  void followedRedirectNeverSendsASignedBodyToAnotherOrigin() {
    Api api = builder().followRedirects(true).build(server);
    server.enqueue(redirectToOther(307));
    server.enqueue(redirectToOther(308));

    RedirectException idempotent =
        assertThrows(
            RedirectException.class,
            () ->
                api.createPayment(payment(), RequestOptions.builder().maxRetries(0).build())
                    .execute());
    assertEquals(307, idempotent.httpStatus());
    assertEquals(otherOrigin(), idempotent.locationOrigin());
    OutcomeUnknownException unsafe =
        assertThrows(
            OutcomeUnknownException.class,
            () -> api.createTransfer(transfer(), RequestOptions.defaults()).execute());
    assertInstanceOf(RedirectException.class, unsafe.getCause());

    assertEquals(0, other.getRequestCount());
  }

  @Test
  void followedRedirectNeverTurnsAPostIntoAGet() throws Exception {
    Api api = builder().followRedirects(true).build(server);
    server.enqueue(
        new MockResponse().setResponseCode(302).setHeader("Location", "/v1/transfers/t1"));
    server.enqueue(
        new MockResponse().setResponseCode(303).setHeader("Location", "/v1/payments/p1"));

    OutcomeUnknownException unsafe =
        assertThrows(
            OutcomeUnknownException.class,
            () -> api.createTransfer(transfer(), RequestOptions.defaults()).execute());
    RedirectException cause = assertInstanceOf(RedirectException.class, unsafe.getCause());
    assertEquals(302, cause.httpStatus());
    assertThrows(
        RedirectException.class,
        () ->
            api.createPayment(payment(), RequestOptions.builder().maxRetries(0).build()).execute());

    assertEquals(2, server.getRequestCount(), "no GET was sent for either POST");
    assertEquals("POST", server.takeRequest().getMethod());
    assertEquals("POST", server.takeRequest().getMethod());
  }

  // ---- bounds
  // ----------------------------------------------------------------------------------------------------

  @Test
  void bodyAnnouncedLongerThanTheLimitFailsBeforeItIsRead() {
    Api api = builder().maxResponseBodySize(1024).build(server);
    server.enqueue(ok("{\"pad\":\"" + "x".repeat(4096) + "\"}"));

    ResponseTooLargeException e =
        assertThrows(
            ResponseTooLargeException.class,
            () -> api.list(USER_TOKEN, API_KEY, RequestOptions.defaults()).execute());
    assertEquals(1024, e.limit());
    assertEquals(200, e.httpStatus());
  }

  @Test
  void bodyThatNeverEndsFailsAtTheLimitWithoutReadingTheRest() throws Exception {
    try (ServerSocket endless = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread writer =
          new Thread(
              () -> {
                try (Socket s = endless.accept();
                    OutputStream out = s.getOutputStream()) {
                  s.getInputStream().read(new byte[8192]);
                  out.write(
                      ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                          .getBytes(StandardCharsets.US_ASCII));
                  byte[] chunk =
                      ("2000\r\n" + "[1,".repeat(0x2000 / 3) + "[1\r\n")
                          .getBytes(StandardCharsets.US_ASCII);
                  while (true) {
                    out.write(chunk); // until the client closes the connection
                  }
                } catch (Exception closedByTheClient) {
                  // expected
                }
              });
      writer.setDaemon(true);
      writer.start();
      Api api =
          new Builder()
              .maxResponseBodySize(64 * 1024)
              .maxRetries(0)
              .build("http://127.0.0.1:" + endless.getLocalPort() + "/");

      assertThrows(
          ResponseTooLargeException.class,
          () -> api.list(USER_TOKEN, API_KEY, RequestOptions.defaults()).execute());
      writer.join(5_000);
      assertFalse(writer.isAlive(), "the client closed the connection instead of reading on");
    }
  }

  @Test
  void readOnlyCallToAServerThatDripsItsAnswerEndsAtTheDeadlineAsANetworkError() {
    Api api = builder().callTimeout(Duration.ofMillis(300)).build(server);
    server.enqueue(
        ok("{\"pad\":\"" + "x".repeat(200) + "\"}").throttleBody(1, 20, TimeUnit.MILLISECONDS));

    long start = System.nanoTime();
    NetworkException e =
        assertThrows(
            NetworkException.class,
            () -> api.list(USER_TOKEN, API_KEY, RequestOptions.defaults()).execute());
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    assertTrue(ms < 3_000, "ended at the deadline, not after the whole answer: " + ms + " ms");
  }

  @Test
  void createWithoutIdempotencyKeyCutByTheDeadlineHasAnUnknownOutcome() {
    Api api = builder().callTimeout(Duration.ofMillis(300)).build(server);
    server.enqueue(
        ok("{\"pad\":\"" + "x".repeat(200) + "\"}").throttleBody(1, 20, TimeUnit.MILLISECONDS));

    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> api.createTransfer(transfer(), RequestOptions.defaults()).execute());
    assertTrue(e.getMessage().contains("deadline"), e.getMessage());
  }

  @Test
  void retryWhoseWaitWouldEndAfterTheDeadlineIsNotAttempted() {
    Api api = builder().callTimeout(Duration.ofSeconds(2)).build(server);
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "5"));

    assertThrows(
        ServerException.class,
        () -> api.list(USER_TOKEN, API_KEY, RequestOptions.defaults()).execute());
    assertEquals(List.of(), sleeps);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void everyCallIsBoundedByDefault() {
    String settings = builder().toString();
    assertTrue(settings.contains("callTimeout=" + ClientBuilder.DEFAULT_CALL_TIMEOUT), settings);
    assertTrue(
        settings.contains("maxResponseBodySize=" + ClientBuilder.DEFAULT_MAX_RESPONSE_BODY_SIZE),
        settings);
    assertTrue(settings.contains("followRedirects=false"), settings);
  }

  // ---- credentials
  // -----------------------------------------------------------------------------------------------

  @Test
  void perCallTokenWithATrailingNewlineIsRefusedNamingTheHeaderButNotTheValue() {
    Api api = builder().build(server);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> api.list(USER_TOKEN + "\n", API_KEY, RequestOptions.defaults()).execute());
    assertTrue(e.getMessage().contains("X-User-Token"), e.getMessage());
    assertFalse(describe(e).contains(USER_TOKEN), describe(e));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void perCallTokenWithANonAsciiCharacterIsRefusedOnTheAsyncPathToo() {
    Api api = builder().build(server);
    String bad = "k\u00e9y-" + API_KEY;
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> api.list(USER_TOKEN, bad, RequestOptions.defaults()).executeAsync().get());
    IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertTrue(cause.getMessage().contains("X-Api-Key"), cause.getMessage());
    assertFalse(describe(e).contains(API_KEY), describe(e));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void credentialsWithControlCharactersNonAsciiOrSurroundingSpaceAreRefusedWithoutShowingThem() {
    for (String bad :
        new String[] {
          "sk_live_abc\n",
          " sk_live_abc",
          "sk_live_abc ",
          "sk_live_\u0000abc",
          "sk_live_\u00e4bc",
          "sk_live_\u0661bc",
          "",
          "sk_live_abc\t"
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new BearerAuth(bad, "apiKey"));
      assertTrue(e.getMessage().startsWith("apiKey "), e.getMessage());
      assertFalse(!bad.isEmpty() && describe(e).contains(bad.trim()), describe(e));
    }
    assertEquals("BearerAuth{██}", new BearerAuth("sk_live_a b", "apiKey").toString());
  }

  // ---- bodies where a model is documented
  // ------------------------------------------------------------------------

  @Test
  void documentedBodyThatIsEmptyNullOrOfTheWrongJsonTypeIsADecodingErrorNeverNull() {
    Api api = builder().maxRetries(0).build(server);
    server.enqueue(ok("null"));
    server.enqueue(ok(""));
    server.enqueue(new MockResponse().setResponseCode(204));
    server.enqueue(ok("[1,2]"));
    server.enqueue(ok("\"text\""));
    server.enqueue(ok("{\"id\":"));

    for (String what : new String[] {"null", "empty", "204", "array", "string", "truncated"}) {
      ResponseDecodingException e =
          assertThrows(
              ResponseDecodingException.class,
              () -> api.list(USER_TOKEN, API_KEY, RequestOptions.defaults()).execute(),
              what);
      assertTrue(e.getMessage().contains("GET /v1/items"), what + ": " + e.getMessage());
    }
    server.enqueue(ok("null"));
    assertThrows(
        ResponseDecodingException.class,
        () -> api.list(USER_TOKEN, API_KEY, RequestOptions.defaults()).executeForResponse());
    server.enqueue(ok("null"));
    ExecutionException async =
        assertThrows(
            ExecutionException.class,
            () -> api.list(USER_TOKEN, API_KEY, RequestOptions.defaults()).executeAsync().get());
    assertInstanceOf(ResponseDecodingException.class, async.getCause());
  }

  static String describe(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return t + "\n" + out;
  }
}
