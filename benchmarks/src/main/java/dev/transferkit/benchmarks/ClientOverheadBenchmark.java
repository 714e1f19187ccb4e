package dev.transferkit.benchmarks;

import com.squareup.moshi.JsonAdapter;
import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.accounts.model.AccountLocation;
import dev.transferkit.circle.accounts.model.AccountLocationType;
import dev.transferkit.circle.accounts.model.AccountTransfer;
import dev.transferkit.circle.accounts.model.AccountTransferResponse;
import dev.transferkit.circle.accounts.model.CreateAccountTransferRequest;
import dev.transferkit.circle.model.RequestCurrency;
import dev.transferkit.circle.model.RequestMoney;
import dev.transferkit.core.internal.Json;
import dev.transferkit.core.internal.JsonCodecs;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Client overhead: one Circle create account transfer ({@code POST v1/accounts/transfers}) per op,
 * through the generated client and facade against the same request through raw OkHttp, both against
 * the same kind of local server ({@link CannedServer}: the documented 201 response, instantly, on
 * loopback, TCP_NODELAY). Both paths use one {@link OkHttpClient} configuration (the facade is
 * given it through {@code httpClient(...)}, which it derives from): timeouts 10/30/30 s, {@code
 * retryOnConnectionFailure(false)}, one kept-alive connection.
 *
 * <ul>
 *   <li>{@code facade}: {@code circle.accounts().createAccountTransfer(req).execute()}, idempotency
 *       key left unset (the runtime fills a random UUID: the normal use). Encodes the request with
 *       the generated adapters, decodes the response into {@code AccountTransferResponse}.
 *   <li>{@code facadeKeySet}: the same with the key already set in the request (no UUID, no splice;
 *       still scanned).
 *   <li>{@code raw}: OkHttp with a pre-built body (bytes of the same JSON the facade sends, fixed
 *       key), the same headers (Authorization, User-Agent, Content-Type), response body read as
 *       bytes: parsing omitted.
 *   <li>{@code rawDecode}: {@code raw} plus decoding the response with the same generated adapter:
 *       equal parsing.
 *   <li>{@code rawEncodeDecode}: {@code rawDecode} plus encoding the request object with the
 *       generated adapter: the JSON work of the facade without Retrofit and TransferKit's
 *       interceptors.
 * </ul>
 *
 * <p>Each fork starts its own server; JMH runs the benchmarks one after another in separate forks
 * of one run. Every path keeps using one connection ({@code ClientOverheadBenchmarkTest} checks
 * it).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dsun.net.httpserver.nodelay=true"})
public class ClientOverheadBenchmark {
  static final String API_KEY = "TEST_API_KEY:sandbox:circle-key-1";
  static final String FIXED_KEY = "ba943ff1-ca16-49b2-ba55-1057e70ca5c7";
  static final MediaType JSON = MediaType.get("application/json");
  static final JsonAdapter<AccountTransferResponse> RESPONSE_ADAPTER = Codecs.OURS_CIRCLE_TRANSFER;
  static final JsonAdapter<CreateAccountTransferRequest> REQUEST_ADAPTER =
      Codecs.adapter(Json.moshi(), CreateAccountTransferRequest.class);

  CannedServer server;
  OkHttpClient http;
  CircleClient circle;
  CreateAccountTransferRequest request;
  CreateAccountTransferRequest requestWithKey;
  Request rawRequest;
  okhttp3.HttpUrl url;
  String userAgent;

  /** The OkHttp settings both paths share (the facade's defaults, stated explicitly). */
  static OkHttpClient sharedSettings() {
    return new OkHttpClient.Builder()
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .writeTimeout(30, TimeUnit.SECONDS)
        .retryOnConnectionFailure(false)
        .build();
  }

  static CreateAccountTransferRequest.Builder documentedRequest() {
    return CreateAccountTransferRequest.builder()
        .source(
            AccountLocation.builder().type(AccountLocationType.ACCOUNT).id("1017381855").build())
        .destination(
            AccountLocation.builder().type(AccountLocationType.ACCOUNT).id("1000661542").build())
        .amount(
            RequestMoney.builder()
                .amount(new BigDecimal("2500.00"))
                .currency(RequestCurrency.USD)
                .build());
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    server = CannedServer.start(Payload.CIRCLE_ACCOUNT_TRANSFER.bytes());
    http = sharedSettings();
    circle =
        CircleClient.builder()
            .apiKey(API_KEY)
            .baseUrl(server.baseUrl())
            .httpClient(http)
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .writeTimeout(Duration.ofSeconds(30))
            .build();
    request = documentedRequest().build();
    requestWithKey = documentedRequest().idempotencyKey(FIXED_KEY).build();
    userAgent = dev.transferkit.core.internal.UserAgent.VALUE;
    url = okhttp3.HttpUrl.get(server.baseUrl() + "v1/accounts/transfers");
    byte[] body = encode(requestWithKey);
    rawRequest =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + API_KEY)
            .header("User-Agent", userAgent)
            .post(RequestBody.create(body, JSON))
            .build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Like the facade's converter: the generated adapter into a byte array. */
  static byte[] encode(CreateAccountTransferRequest r) {
    Buffer out = new Buffer();
    try {
      REQUEST_ADAPTER.toJson(out, r);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.readByteArray();
  }

  /**
   * Like the facade: the body is read completely first (TransferKit's interceptor buffers it), then
   * decoded with the generated adapter exactly as the clients' converter decodes it.
   */
  static AccountTransferResponse decode(byte[] body) throws IOException {
    try (Buffer in = new Buffer().write(body)) {
      return JsonCodecs.decodeDocument(RESPONSE_ADAPTER, in);
    }
  }

  @Benchmark
  public AccountTransfer facade() {
    return circle.accounts().createAccountTransfer(request).execute();
  }

  @Benchmark
  public AccountTransfer facadeKeySet() {
    return circle.accounts().createAccountTransfer(requestWithKey).execute();
  }

  @Benchmark
  public byte[] raw() throws IOException {
    try (Response response = http.newCall(rawRequest).execute()) {
      if (response.code() != 201) {
        throw new IOException("HTTP " + response.code());
      }
      return response.body().bytes();
    }
  }

  @Benchmark
  public AccountTransfer rawDecode() throws IOException {
    try (Response response = http.newCall(rawRequest).execute()) {
      if (response.code() != 201) {
        throw new IOException("HTTP " + response.code());
      }
      return decode(response.body().bytes())
          .getData(); // the facade unwraps Circle's data envelope too
    }
  }

  @Benchmark
  public AccountTransfer rawEncodeDecode() throws IOException {
    Request r =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer " + API_KEY)
            .header("User-Agent", userAgent)
            .post(RequestBody.create(encode(requestWithKey), JSON))
            .build();
    try (Response response = http.newCall(r).execute()) {
      if (response.code() != 201) {
        throw new IOException("HTTP " + response.code());
      }
      return decode(response.body().bytes())
          .getData(); // the facade unwraps Circle's data envelope too
    }
  }
}
