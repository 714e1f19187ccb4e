package dev.transferkit.fuzz;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.transferkit.fuzz.SpecOperations.Operation;
import dev.transferkit.fuzz.SpecOperations.Param;
import dev.transferkit.sandbox.ResponseViolation;
import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxClock;
import dev.transferkit.sandbox.SandboxSeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.internal.http.HttpMethod;

/**
 * Sandbox request handling: arbitrary and mutated requests to an embedded sandbox over HTTP on
 * 127.0.0.1.
 *
 * <p>One input is a short session: back to the seed ({@link Sandbox#reset()}), then 1 to 4 steps,
 * each either a request or a clock advance (which runs lifecycle steps and expiries). A request
 * picks an operation of the specs ({@link SpecOperations}), then, each chosen by the fuzzer with
 * the documented choice first: the method (or another one), the path parameters (seeded ids, ids
 * and tokens returned by earlier steps of the session, or fuzzed text; or a fuzzed extra segment),
 * query parameters, credentials (the provider's key, another entity's or provider's key, garbage,
 * none), the W3S user token, other headers, and the body (a documented example as is, structurally
 * mutated by {@link Mutator}, or raw bytes).
 *
 * <p>Properties (each violation is a finding):
 *
 * <ol>
 *   <li>no answer is a 5xx;
 *   <li>the sandbox keeps its own contract: {@link Sandbox#responseViolations()} stays empty, i.e.
 *       every answer to a specified operation, the 4xx answers to off-spec requests included, has a
 *       status and body the spec documents;
 *   <li>a 4xx under a provider prefix has that provider's error shape (Circle {@code code}+{@code
 *       message}, Wyre {@code type}+{@code message}, Streambird {@code error_type}+{@code
 *       error_message}+{@code status_code}), also for paths or methods the spec does not have;
 *   <li>money is conserved: after the session, {@code GET /__admin/ledger} shows the seed's totals
 *       per provider and currency, and no holder but Wyre's {@code system:exchange} desk is below
 *       zero.
 * </ol>
 *
 * <p>Traffic stays on loopback: requests go to 127.0.0.1 only, paths must stay under a provider
 * prefix (never the admin API), and a Wyre {@code notifyUrl} (the only URL the sandbox calls out
 * to) is pointed at 127.0.0.1:9.
 */
class SandboxRequestFuzzTest {
  static final String HOOK = "http://127.0.0.1:9/hook";
  private static final MediaType JSON = MediaType.get("application/json");
  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
  private static final List<String> PREFIXES = List.of("circle", "wyre", "streambird");

  /**
   * Jazzer's SSRF detector refuses every connection while fuzzing unless allowed: allow loopback
   * only, so that any connection elsewhere (by the test or by the sandbox) is a finding. The
   * detector sees 127.0.0.1 as "localhost". Set before anything connects, and again at the start of
   * every execution: Jazzer installs its deny-all policy when fuzzing starts, after this class was
   * initialized (seen when a connection had to be reopened).
   */
  private static SilentCloseable loopbackOnly() {
    return BugDetectors.allowNetworkConnections(
        (host, port) ->
            host.equals("127.0.0.1") || host.equals("localhost") || host.equals("/127.0.0.1"));
  }

  @SuppressWarnings("unused")
  private static final SilentCloseable LOOPBACK_ONLY = loopbackOnly();

  static final Sandbox SANDBOX =
      Sandbox.builder()
          .port(0)
          .clock(SandboxClock.at(Instant.parse("2026-03-15T12:00:00Z")))
          .build()
          .start();
  static final HttpUrl ROOT = HttpUrl.get(SANDBOX.baseUrl());
  static final OkHttpClient HTTP =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .connectTimeout(5, TimeUnit.SECONDS)
          .readTimeout(20, TimeUnit.SECONDS)
          .build();
  static final List<Operation> OPERATIONS = SpecOperations.load();
  static final Map<String, Map<String, BigDecimal>> SEED_TOTALS;

  static {
    SANDBOX.reset();
    SEED_TOTALS = Ledger.totals(get(ROOT.resolve("/__admin/ledger")));
  }

  /** Ids the seed documents, per provider: path and body values the fuzzer can pick. */
  private static final Map<String, List<String>> SEED_IDS =
      Map.of(
          "circle",
              List.of(
                  SandboxSeed.CIRCLE_SOURCE_ACCOUNT,
                  SandboxSeed.CIRCLE_DESTINATION_ACCOUNT,
                  SandboxSeed.CIRCLE_OTHER_ACCOUNT,
                  SandboxSeed.CIRCLE_PAYOUT_WALLET,
                  SandboxSeed.CIRCLE_ADDRESS_BOOK_ID,
                  SandboxSeed.CIRCLE_DENIED_ADDRESS_BOOK_ID,
                  SandboxSeed.CIRCLE_USER_ID,
                  SandboxSeed.CIRCLE_WALLET_ID,
                  SandboxSeed.CIRCLE_USDC_TOKEN_ID,
                  SandboxSeed.CIRCLE_NATIVE_TOKEN_ID),
          "wyre",
              List.of(
                  SandboxSeed.WYRE_ACCOUNT,
                  SandboxSeed.WYRE_SUB_ACCOUNT,
                  SandboxSeed.WYRE_BTC_ACCOUNT,
                  SandboxSeed.WYRE_WALLET,
                  SandboxSeed.WYRE_PAYMENT_METHOD,
                  SandboxSeed.WYRE_OTHER_ACCOUNT),
          "streambird",
              List.of(
                  SandboxSeed.STREAMBIRD_SOL_WALLET_ID,
                  SandboxSeed.STREAMBIRD_USER_ID,
                  SandboxSeed.STREAMBIRD_OTHER_SOL_WALLET_ID,
                  SandboxSeed.STREAMBIRD_APP_ID));

  private static final Map<String, String> KEYS =
      Map.of(
          "circle", SandboxSeed.CIRCLE_API_KEY,
          "wyre", SandboxSeed.WYRE_SECRET_KEY,
          "streambird", SandboxSeed.STREAMBIRD_API_KEY);
  private static final List<String> OTHER_KEYS =
      List.of(
          SandboxSeed.CIRCLE_OTHER_API_KEY,
          SandboxSeed.CIRCLE_SG_API_KEY,
          SandboxSeed.WYRE_OTHER_SECRET_KEY,
          SandboxSeed.STREAMBIRD_OTHER_API_KEY,
          SandboxSeed.CIRCLE_API_KEY,
          SandboxSeed.WYRE_SECRET_KEY,
          SandboxSeed.STREAMBIRD_API_KEY,
          SandboxSeed.WYRE_API_KEY);

  @FuzzTest(maxDuration = "10s")
  void providerRequests(FuzzedDataProvider data) {
    loopbackOnly();
    SANDBOX.reset();
    int violationsBefore = SANDBOX.responseViolations().size();
    Session session = new Session();
    int steps = data.consumeInt(1, 4);
    for (int i = 0; i < steps; i++) {
      if (data.consumeInt(0, 7) == 7) {
        SANDBOX.clock().advance(Duration.ofSeconds(data.consumeLong(1, 7 * 24 * 3600)));
        session.log.add("clock +" + SANDBOX.clock().instant());
        continue;
      }
      Request request = request(data, session);
      if (request == null) {
        continue;
      }
      exchange(request, session);
    }
    List<ResponseViolation> violations = SANDBOX.responseViolations();
    if (violations.size() > violationsBefore) {
      throw new AssertionError(
          "the sandbox broke its own contract: "
              + violations.subList(violationsBefore, violations.size())
              + "\nsession:\n"
              + session);
    }
    Ledger.check(SEED_TOTALS, get(ROOT.resolve("/__admin/ledger")), session.toString());
  }

  /**
   * What a session has seen: values returned by the sandbox (ids, tokens) and a log for the failure
   * message.
   */
  static final class Session {
    final List<String> values = new ArrayList<>();
    final List<String> tokens = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    /** The body of the request being sent (Latin-1, for the known-finding checks). */
    String lastBody;

    @Override
    public String toString() {
      return String.join("\n", log);
    }
  }

  private static Request request(FuzzedDataProvider data, Session session) {
    Operation op = OPERATIONS.get(data.consumeInt(0, OPERATIONS.size() - 1));
    String method =
        data.consumeInt(0, 15) == 15
            ? METHODS.get(data.consumeInt(0, METHODS.size() - 1))
            : op.method();

    HttpUrl.Builder url = ROOT.newBuilder().encodedPath("/").addPathSegment(op.provider());
    for (String segment : op.path().substring(1).split("/", -1)) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        url.addPathSegment(value(data, session, op.provider()));
      } else {
        url.addPathSegment(segment);
      }
    }
    if (data.consumeInt(0, 15) == 15) {
      url.addPathSegment(data.consumeString(20)); // a path the spec does not have
    }
    Request.Builder b = new Request.Builder();
    for (Param p : op.params()) {
      if (p.in().equals("query") && data.consumeBoolean()) {
        url.addQueryParameter(p.name(), value(data, session, op.provider()));
      } else if (p.in().equals("header") && !p.name().equalsIgnoreCase("Authorization")) {
        String v =
            p.name().equalsIgnoreCase("X-User-Token")
                    && !session.tokens.isEmpty()
                    && data.consumeInt(0, 3) != 3
                ? session.tokens.get(data.consumeInt(0, session.tokens.size() - 1))
                : headerValue(value(data, session, op.provider()));
        if (data.consumeInt(0, 7) != 7) {
          b.header(p.name(), v);
        }
      }
    }
    if (data.consumeInt(0, 15) == 15) {
      url.addQueryParameter(data.consumeString(10), data.consumeString(20));
    }
    HttpUrl built = url.build();
    // OkHttp resolves "." and ".." segments: never leave the provider's prefix (the admin API could
    // change money).
    String path = built.encodedPath();
    if (PREFIXES.stream().noneMatch(prefix -> path.startsWith("/" + prefix + "/"))) {
      session.log.add("skipped: " + path);
      return null;
    }
    b.url(built);

    switch (data.consumeInt(0, 7)) {
      case 0, 1, 2, 3, 4 -> b.header("Authorization", "Bearer " + KEYS.get(op.provider()));
      case 5 ->
          b.header(
              "Authorization",
              "Bearer " + OTHER_KEYS.get(data.consumeInt(0, OTHER_KEYS.size() - 1)));
      case 6 -> b.header("Authorization", headerValue(data.consumeString(60)));
      default -> {} // none
    }
    if (data.consumeInt(0, 7) == 7) {
      b.header(
          data.consumeBoolean() ? "X-Request-Id" : "Idempotency-Key",
          headerValue(data.consumeString(40)));
    }

    byte[] body = null;
    int bodyChoice = data.consumeInt(0, 7);
    if (!op.examples().isEmpty() && bodyChoice <= 5) {
      byte[] example = op.examples().get(data.consumeInt(0, op.examples().size() - 1));
      body = bodyChoice <= 2 ? example : Mutator.mutate(example, data);
    } else if (bodyChoice == 7 || (op.examples().isEmpty() && bodyChoice == 6)) {
      body = data.consumeBytes(2000);
    }
    body = Bodies.neutralizeUrls(body);
    MediaType type = data.consumeInt(0, 15) == 15 ? MediaType.parse(contentType(data)) : JSON;
    if (!HttpMethod.permitsRequestBody(method)) {
      b.method(method, null);
      body = null;
    } else if (body == null && HttpMethod.requiresRequestBody(method)) {
      b.method(method, RequestBody.create(new byte[0], type));
    } else {
      b.method(method, body == null ? null : RequestBody.create(body, type));
    }
    Request request = b.build();
    session.lastBody = body == null ? null : new String(body, StandardCharsets.ISO_8859_1);
    session.log.add(
        method
            + " "
            + built
            + (body == null ? "" : " " + new String(body, StandardCharsets.UTF_8)));
    return request;
  }

  private static String contentType(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 3)) {
      case 0:
        return "text/plain";
      case 1:
        return "application/json; charset=utf-16";
      case 2:
        return "application/x-www-form-urlencoded";
      default:
        return "application/json; charset=utf-8";
    }
  }

  /**
   * A path, query or header value: a seeded id, a value returned earlier in the session, or fuzzed
   * text.
   */
  private static String value(FuzzedDataProvider data, Session session, String provider) {
    List<String> seeds = SEED_IDS.get(provider);
    switch (data.consumeInt(0, 3)) {
      case 0:
        if (!session.values.isEmpty()) {
          return session.values.get(data.consumeInt(0, session.values.size() - 1));
        }
        return seeds.get(data.consumeInt(0, seeds.size() - 1));
      case 1:
        return seeds.get(data.consumeInt(0, seeds.size() - 1));
      case 2:
        return Mutator.number(data);
      default:
        return data.consumeString(40);
    }
  }

  /** OkHttp accepts only printable ASCII (and tab) in header values. */
  private static String headerValue(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c == '\t' || (c >= 0x20 && c < 0x7f) ? c : '?');
    }
    return sb.toString();
  }

  private static void exchange(Request request, Session session) {
    String provider = request.url().pathSegments().get(0);
    try (Response response = HTTP.newCall(request).execute()) {
      byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
      String text = new String(body, StandardCharsets.UTF_8);
      session.log.add(
          "  -> "
              + response.code()
              + " "
              + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
      if (KnownFindings.tolerateF2UnparseableTarget(
          response.code(), text, request.url().toString())) {
        return;
      }
      if (response.code() >= 500) {
        throw new AssertionError(
            "HTTP " + response.code() + " from the sandbox\nsession:\n" + session);
      }
      if (response.code() >= 400 && !request.method().equals("HEAD")) {
        String problem = Bodies.errorShapeProblem(provider, response.code(), body);
        if (problem != null) {
          throw new AssertionError(problem + "\nsession:\n" + session);
        }
      }
      if (response.code() < 300) {
        Bodies.harvest(body, session.values, session.tokens);
      }
    } catch (IOException e) {
      throw new AssertionError(
          "I/O failure talking to the sandbox: " + e + "\nsession:\n" + session, e);
    }
  }

  static byte[] get(HttpUrl url) {
    try (Response response = HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
      if (response.code() != 200) {
        throw new IllegalStateException(url + ": HTTP " + response.code());
      }
      return response.body().bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** For the record in the README: which operations the target draws from. */
  static List<String> operations() {
    List<String> out = new ArrayList<>();
    OPERATIONS.forEach(op -> out.add(op + " (" + op.examples().size() + " body examples)"));
    return out;
  }

  static Map<String, Map<String, BigDecimal>> seedTotals() {
    return new TreeMap<>(SEED_TOTALS);
  }
}
