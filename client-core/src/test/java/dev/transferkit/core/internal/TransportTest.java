package dev.transferkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonClass;
import com.squareup.moshi.Moshi;
import dev.transferkit.core.ApiCall;
import dev.transferkit.core.ClientBuilder;
import dev.transferkit.core.RequestOptions;
import dev.transferkit.core.RetryPolicy;
import dev.transferkit.core.exception.NetworkException;
import dev.transferkit.core.exception.OutcomeUnknownException;
import dev.transferkit.core.exception.RateLimitException;
import dev.transferkit.core.exception.ServerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Tag;

/**
 * The shared runtime against a real local HTTP server: idempotency keys, safe retries,
 * outcome-unknown failures.
 */
class TransportTest {
  /** What the spec of the test provider would mark secret (x-transferkit-secret). */
  static final Redaction TEST_PAY_SECRETS =
      Redaction.of(List.of("X-User-Token", "X-Api-Key"), List.of("userToken", "encryptionKey"));

  /** A provider API shaped like the generated ones. */
  interface PaymentsApi {
    @Idempotent(keyField = "idempotencyKey")
    @POST("v1/payments")
    ApiCall<Map<String, Object>> createPayment(
        @Body KeyedPayment body, @Tag RequestOptions options);

    @POST("v1/transfers")
    ApiCall<Map<String, Object>> createTransfer(
        @Body Map<String, Object> body, @Tag RequestOptions options);

    @GET("v1/payments")
    ApiCall<Map<String, Object>> listPayments(@Tag RequestOptions options);
  }

  /**
   * A request model whose adapter fills the idempotency key, as the generated adapters of create
   * requests do; Moshi finds that adapter ({@link TransportTest_KeyedPaymentJsonAdapter}) as it
   * finds a generated model's.
   */
  @JsonClass(generateAdapter = true)
  static final class KeyedPayment {
    final Map<String, Object> fields;

    KeyedPayment(Map<String, Object> fields) {
      this.fields = fields;
    }
  }

  static final class TestBuilder extends ClientBuilder<TestBuilder> {
    @Override
    protected TestBuilder self() {
      return this;
    }

    PaymentsApi build(String baseUrl) {
      Moshi moshi = Json.moshi();
      ErrorDecoder decoder =
          (status, headers, body) ->
              ApiErrors.of(TEST_PAY_SECRETS, ErrorKind.forStatus(status), status, body)
                  .provider("TestPay")
                  .headers(headers)
                  .build();
      Transport transport =
          transport(
              new Transport.Provider(
                  "TestPay",
                  moshi,
                  decoder,
                  "list the transfers and match customId.",
                  TEST_PAY_SECRETS));
      return transport
          .services(BaseUrls.normalize(baseUrl), new BearerAuth("sk_test_secret", "apiKey"))
          .retrofit()
          .create(PaymentsApi.class);
    }
  }

  private static final Pattern KEY = Pattern.compile("\"idempotencyKey\":\"([^\"]+)\"");

  private MockWebServer server;
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
  private PaymentsApi api;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    api = builder().build(server.url("/").toString());
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private TestBuilder builder() {
    return new TestBuilder()
        .readTimeout(Duration.ofMillis(500))
        .retryPolicy(RetryPolicy.builder().sleeper(sleeps::add).random(() -> 0.5).build());
  }

  private static Map<String, Object> payment() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("amount", "10.00");
    return body;
  }

  private static MockResponse ok(String json) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(json);
  }

  private static String keyOf(RecordedRequest request) {
    Matcher m = KEY.matcher(request.getBody().readUtf8());
    assertTrue(m.find(), "no idempotencyKey in the body");
    return m.group(1);
  }

  private List<String> keysSeen(int requests) throws InterruptedException {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      keys.add(keyOf(server.takeRequest()));
    }
    return keys;
  }

  @Test
  void aResponseWithAByteOrderMarkAndTrailingWhitespaceDecodes() {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody(
                new okio.Buffer()
                    .write(okio.ByteString.decodeHex("EFBBBF"))
                    .writeUtf8("{\"id\":\"p1\"}\n\n")));
    assertEquals("p1", api.listPayments(RequestOptions.defaults()).execute().get("id"));
  }

  @Test
  void contentAfterTheResponseDocumentIsADecodingError() {
    server.enqueue(ok("{\"id\":\"p1\"} {\"id\":\"p2\"}"));
    dev.transferkit.core.exception.ResponseDecodingException e =
        assertThrows(
            dev.transferkit.core.exception.ResponseDecodingException.class,
            () -> api.listPayments(RequestOptions.defaults()).execute());
    assertTrue(e.getMessage().contains("does not match the contract"), e.getMessage());
  }

  @Test
  void idempotentPostDroppedAfterTheServerReadItIsRetriedWithTheSameKey() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(ok("{\"id\":\"p1\"}"));

    Map<String, Object> result =
        api.createPayment(new KeyedPayment(payment()), RequestOptions.defaults()).execute();

    assertEquals("p1", result.get("id"));
    assertEquals(2, server.getRequestCount());
    List<String> keys = keysSeen(2);
    assertEquals(keys.get(0), keys.get(1));
    assertEquals(36, keys.get(0).length(), "a random UUID: " + keys.get(0));
  }

  @Test
  void idempotentPostIsRetriedOn503WithBackoffAndTheSameKey() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(503).setBody("<html>busy</html>"));
    server.enqueue(ok("{\"id\":\"p1\"}"));

    assertEquals(
        "p1",
        api.createPayment(new KeyedPayment(payment()), RequestOptions.defaults())
            .execute()
            .get("id"));

    List<String> keys = keysSeen(3);
    assertEquals(1, keys.stream().distinct().count(), keys.toString());
    // full jitter with random 0.5: half of 500 ms, then half of 1000 ms
    assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), sleeps);
  }

  @Test
  void rateLimitedCallWaitsWhatRetryAfterSays() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3"));
    server.enqueue(ok("{\"id\":\"p1\"}"));

    assertEquals(
        "p1",
        api.createPayment(new KeyedPayment(payment()), RequestOptions.defaults())
            .execute()
            .get("id"));

    assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
    List<String> keys = keysSeen(2);
    assertEquals(keys.get(0), keys.get(1));
  }

  @Test
  void retryAfterLongerThanTheCapIsReportedInsteadOfWaitedFor() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "120"));

    RateLimitException e =
        assertThrows(
            RateLimitException.class,
            () ->
                api.createPayment(new KeyedPayment(payment()), RequestOptions.defaults())
                    .execute());

    assertEquals(Duration.ofSeconds(120), e.retryAfter());
    assertEquals(1, server.getRequestCount());
    assertTrue(sleeps.isEmpty());
  }

  @Test
  void idempotentPostWhoseResponseBodyTimesOutIsRetriedWithTheSameKey() throws Exception {
    server.enqueue(ok("{\"id\":\"p1\"}").setBodyDelay(2, java.util.concurrent.TimeUnit.SECONDS));
    server.enqueue(ok("{\"id\":\"p1\"}"));

    assertEquals(
        "p1",
        api.createPayment(new KeyedPayment(payment()), RequestOptions.defaults())
            .execute()
            .get("id"));

    List<String> keys = keysSeen(2);
    assertEquals(keys.get(0), keys.get(1));
  }

  @Test
  void exhaustedRetriesOfAnIdempotentPostReportTheKeyToRepeatItWith() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    }

    NetworkException e =
        assertThrows(
            NetworkException.class,
            () ->
                api.createPayment(new KeyedPayment(payment()), RequestOptions.defaults())
                    .execute());

    List<String> keys = keysSeen(3);
    assertEquals(1, keys.stream().distinct().count());
    assertEquals(keys.get(0), e.idempotencyKey());
    assertTrue(e.getMessage().contains("idempotencyKey=" + keys.get(0)), e.getMessage());
    assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
  }

  @Test
  void nonIdempotentPostDroppedAfterTheServerReadItIsNotRetriedAndItsOutcomeIsUnknown() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(ok("{\"id\":\"t2\"}"));

    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> api.createTransfer(payment(), RequestOptions.defaults()).execute());

    assertEquals(1, server.getRequestCount());
    assertEquals("POST /v1/transfers", e.operation());
    assertTrue(e.getMessage().contains("list the transfers and match customId"), e.getMessage());
    assertTrue(sleeps.isEmpty());
  }

  @Test
  void nonIdempotentPostWhoseResponseTimesOutHasAnUnknownOutcome() {
    server.enqueue(ok("{\"id\":\"t1\"}").setHeadersDelay(2, java.util.concurrent.TimeUnit.SECONDS));

    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> api.createTransfer(payment(), RequestOptions.defaults()).execute());

    assertEquals(1, server.getRequestCount());
    assertTrue(e.getMessage().contains("SocketTimeoutException"), e.getMessage());
  }

  @Test
  void nonIdempotentPostAnswered503IsNotRetriedAndItsOutcomeIsUnknown() {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(ok("{\"id\":\"t2\"}"));

    OutcomeUnknownException e =
        assertThrows(
            OutcomeUnknownException.class,
            () -> api.createTransfer(payment(), RequestOptions.defaults()).execute());

    ServerException answer = assertInstanceOf(ServerException.class, e.getCause());
    assertEquals(503, answer.httpStatus());
    assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void nonIdempotentPostAnswered429IsARateLimitNotAnUnknownOutcome() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));

    assertThrows(
        dev.transferkit.core.exception.RateLimitException.class,
        () -> api.createTransfer(payment(), RequestOptions.defaults()).execute());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void refusedConnectionIsASafeNetworkErrorEvenForANonIdempotentPost() throws Exception {
    String url = server.url("/").toString();
    server.shutdown();
    PaymentsApi offline = builder().build(url);

    NetworkException post =
        assertThrows(
            NetworkException.class,
            () -> offline.createTransfer(payment(), RequestOptions.defaults()).execute());
    assertTrue(post.getMessage().contains("before the request was sent"), post.getMessage());
    assertTrue(sleeps.isEmpty(), "a non-idempotent POST is never retried");

    NetworkException get =
        assertThrows(
            NetworkException.class,
            () -> offline.listPayments(RequestOptions.defaults()).execute());
    assertTrue(get.getMessage().contains("after 3 attempts"), get.getMessage());
    assertEquals(2, sleeps.size());
  }

  @Test
  void getIsRetriedOnServerErrors() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(500));
    server.enqueue(new MockResponse().setResponseCode(408));
    server.enqueue(ok("{\"data\":[]}"));

    assertNotNull(api.listPayments(RequestOptions.defaults()).execute());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void perCallMaxRetriesOverridesTheClientsAndRequestIdIsSent() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503));

    RequestOptions options = RequestOptions.builder().maxRetries(0).requestId("req-42").build();
    assertThrows(ServerException.class, () -> api.listPayments(options).execute());

    assertEquals(1, server.getRequestCount());
    RecordedRequest request = server.takeRequest();
    assertEquals("req-42", request.getHeader("X-Request-Id"));
    assertEquals(UserAgent.VALUE, request.getHeader("User-Agent"));
    assertEquals("Bearer sk_test_secret", request.getHeader("Authorization"));
  }

  @Test
  void callersOwnKeyIsSentUnchangedOnEveryTry() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(502));
    server.enqueue(ok("{\"id\":\"p1\"}"));
    Map<String, Object> body = payment();
    body.put("idempotencyKey", "ba943ff1-ca16-49b2-ba55-1057e70ca5c7");

    api.createPayment(new KeyedPayment(body), RequestOptions.defaults()).execute();

    assertEquals(
        List.of("ba943ff1-ca16-49b2-ba55-1057e70ca5c7", "ba943ff1-ca16-49b2-ba55-1057e70ca5c7"),
        keysSeen(2));
  }

  @Test
  void asyncCallsGetTheSameRetriesAndTypedFailures() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(ok("{\"id\":\"p1\"}"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

    assertEquals(
        "p1",
        api.createPayment(new KeyedPayment(payment()), RequestOptions.defaults())
            .executeAsync()
            .get()
            .get("id"));
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> api.createTransfer(payment(), RequestOptions.defaults()).executeAsync().get());

    assertInstanceOf(OutcomeUnknownException.class, e.getCause());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void callerSuppliedClientKeepsItsInterceptorsButCannotMakeOkHttpRepeatAPost() throws Exception {
    OkHttpClient own =
        new OkHttpClient.Builder()
            .retryOnConnectionFailure(true)
            .addInterceptor(
                chain ->
                    chain.proceed(chain.request().newBuilder().header("X-Tenant", "t1").build()))
            .build();
    PaymentsApi withOwn = builder().httpClient(own).build(server.url("/").toString());
    server.enqueue(ok("{\"id\":\"p1\"}"));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(ok("{\"id\":\"t2\"}"));

    withOwn.listPayments(RequestOptions.defaults()).execute();
    assertEquals("t1", server.takeRequest().getHeader("X-Tenant"));
    assertThrows(
        OutcomeUnknownException.class,
        () -> withOwn.createTransfer(payment(), RequestOptions.defaults()).execute());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void requestThatCannotBeBuiltIsStillATransferKitException() {
    dev.transferkit.core.exception.TransferKitException e =
        assertThrows(
            dev.transferkit.core.exception.TransferKitException.class,
            () -> api.createTransfer(null, RequestOptions.defaults()).execute());
    assertTrue(e.getMessage().contains("Body parameter value must not be null"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void httpLoggingMasksCredentials() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    PaymentsApi logged = builder().httpLogger(lines::add).build(server.url("/").toString());
    server.enqueue(
        ok("{\"data\":{\"userToken\":\"eyJ-user-token\",\"encryptionKey\":\"enc-key\"}}"));

    logged.listPayments(RequestOptions.defaults()).execute();

    String log = String.join("\n", lines);
    assertTrue(log.contains("--> GET " + server.url("/v1/payments")), log);
    assertTrue(log.contains("<-- 200"), log);
    assertTrue(log.contains("Authorization: ██"), log);
    assertFalse(log.contains("sk_test_secret"), log);
    assertFalse(log.contains("eyJ-user-token"), log);
    assertFalse(log.contains("enc-key"), log);
  }
}
