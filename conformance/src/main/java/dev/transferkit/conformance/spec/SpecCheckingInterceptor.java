package dev.transferkit.conformance.spec;

import dev.transferkit.sandbox.ResponseViolation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * An OkHttp network interceptor (so it sees the exact request sent: credentials, idempotency key,
 * Wyre's signed {@code timestamp}) that validates every request and response against the provider's
 * specs.
 *
 * <p>A response that breaks the spec fails the call at once with a {@link ConformanceFailure}
 * naming spec file, operation, field and value, so that it, and not what the client makes of the
 * response, is the step's failure. On the local target the embedded sandbox checks its own
 * responses too (strict mode answers a 500 instead of an off-spec response); what it found is
 * reported the same way, re-validated here to name the field and value.
 *
 * <p>A request that breaks the spec is collected, not thrown: a step may send one on purpose and
 * expect a refusal, so the suite decides after the step (see {@link #drain()}). Thread-safe.
 */
public final class SpecCheckingInterceptor implements Interceptor {
  private final SpecValidator validator;
  private final List<HttpUrl> baseUrls;
  private final Supplier<List<ResponseViolation>> sandboxViolations;
  private final List<Violation> violations = new CopyOnWriteArrayList<>();
  private int sandboxViolationsSeen;

  /**
   * @param validator the provider's specs
   * @param baseUrls the base URLs the client sends to; a request path is taken relative to the one
   *     it starts with
   */
  public SpecCheckingInterceptor(SpecValidator validator, List<String> baseUrls) {
    this(validator, baseUrls, List::of);
  }

  /**
   * @param sandboxViolations the embedded sandbox's {@code responseViolations()} (local target)
   */
  public SpecCheckingInterceptor(
      SpecValidator validator,
      List<String> baseUrls,
      Supplier<List<ResponseViolation>> sandboxViolations) {
    this.validator = validator;
    this.baseUrls = baseUrls.stream().map(u -> HttpUrl.get(u.endsWith("/") ? u : u + "/")).toList();
    this.sandboxViolations = sandboxViolations;
    this.sandboxViolationsSeen = sandboxViolations.get().size();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String requestBody = null;
    if (request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      requestBody = buffer.readString(StandardCharsets.UTF_8);
    }
    Response response = chain.proceed(request);
    String responseBody = response.peekBody(Long.MAX_VALUE).string();
    HttpUrl url = request.url();
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String name : url.queryParameterNames()) {
      query.put(
          name, url.queryParameterValues(name).stream().map(v -> v == null ? "" : v).toList());
    }
    Map<String, List<String>> requestHeaders = headers(request.headers());
    if (request.body() != null
        && request.body().contentType() != null
        && request.header("Content-Type") == null) {
      requestHeaders.put("Content-Type", List.of(request.body().contentType().toString()));
    }
    List<Violation> fatal = new ArrayList<>(fromSandbox());
    SpecValidator.Exchange exchange =
        new SpecValidator.Exchange(
            request.method(),
            specPath(url),
            query,
            requestHeaders,
            requestBody,
            response.code(),
            headers(response.headers()),
            responseBody);
    SpecValidator.Verdict verdict = validator.verdict(exchange);
    for (Violation v : verdict.violations()) {
      (v.inResponse() ? fatal : violations).add(v);
    }
    if (ExchangeLog.hasListeners()) {
      List<Violation> all = new ArrayList<>(fatal);
      all.addAll(verdict.violations().stream().filter(v -> !fatal.contains(v)).toList());
      ExchangeLog.publish(
          RecordedExchange.masked(
              validator.provider(),
              new SpecValidator.Verdict(verdict.spec(), verdict.operation(), all),
              exchange));
    }
    if (!fatal.isEmpty()) {
      response.close();
      throw new ConformanceFailure(fatal);
    }
    return response;
  }

  /** What the sandbox found wrong with its own responses to this provider since the last call. */
  private synchronized List<Violation> fromSandbox() {
    List<ResponseViolation> all = sandboxViolations.get();
    List<Violation> found = new ArrayList<>();
    for (ResponseViolation v :
        all.subList(Math.min(sandboxViolationsSeen, all.size()), all.size())) {
      if (!v.provider().equals(validator.provider())) {
        continue;
      }
      List<Violation> precise =
          validator
              .validate(
                  new SpecValidator.Exchange(
                      v.method(),
                      v.path(),
                      Map.of(),
                      Map.of(),
                      null,
                      v.status(),
                      Map.of("Content-Type", List.of("application/json")),
                      v.body()))
              .stream()
              .filter(Violation::inResponse)
              .toList();
      found.addAll(
          precise.isEmpty()
              ? List.of(
                  new Violation(
                      validator.provider(),
                      v.method() + " " + v.path(),
                      "response " + v.status(),
                      "",
                      "",
                      "the sandbox's own check: " + String.join("; ", v.problems()),
                      v.status()))
              : precise);
    }
    sandboxViolationsSeen = all.size();
    return found;
  }

  /** The path the spec documents: the request path after the base URL's path. */
  String specPath(HttpUrl url) {
    String path = url.encodedPath();
    for (HttpUrl base : baseUrls) {
      if (base.host().equalsIgnoreCase(url.host())
          && base.port() == url.port()
          && path.startsWith(base.encodedPath())) {
        return "/" + path.substring(base.encodedPath().length());
      }
    }
    return path;
  }

  private static Map<String, List<String>> headers(Headers headers) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String name : headers.names()) {
      map.put(name, new ArrayList<>(headers.values(name)));
    }
    return map;
  }

  /** The violations found since the last call, and forgets them. */
  public List<Violation> drain() {
    List<Violation> result = new ArrayList<>(violations);
    violations.removeAll(result);
    return result;
  }
}
