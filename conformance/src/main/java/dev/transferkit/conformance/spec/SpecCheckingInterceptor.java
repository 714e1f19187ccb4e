package dev.transferkit.conformance.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * An OkHttp network interceptor (so it sees the exact request sent: credentials, idempotency key, Wyre's signed
 * {@code timestamp}) that validates every request and response against the provider's specs. Violations are
 * collected, not thrown: the exchange goes on as it would without the check, and the suite fails the step that made
 * the call (see {@link #drain()}). Thread-safe.
 */
public final class SpecCheckingInterceptor implements Interceptor {
  private final SpecValidator validator;
  private final List<HttpUrl> baseUrls;
  private final List<Violation> violations = new CopyOnWriteArrayList<>();

  /**
   * @param validator the provider's specs
   * @param baseUrls the base URLs the client sends to; a request path is taken relative to the one it starts with
   */
  public SpecCheckingInterceptor(SpecValidator validator, List<String> baseUrls) {
    this.validator = validator;
    this.baseUrls = baseUrls.stream().map(u -> HttpUrl.get(u.endsWith("/") ? u : u + "/")).toList();
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
      query.put(name, url.queryParameterValues(name).stream().map(v -> v == null ? "" : v).toList());
    }
    Map<String, List<String>> requestHeaders = headers(request.headers());
    if (request.body() != null && request.body().contentType() != null
        && request.header("Content-Type") == null) {
      requestHeaders.put("Content-Type", List.of(request.body().contentType().toString()));
    }
    violations.addAll(validator.validate(new SpecValidator.Exchange(request.method(), specPath(url), query,
        requestHeaders, requestBody, response.code(), headers(response.headers()), responseBody)));
    return response;
  }

  /** The path the spec documents: the request path after the base URL's path. */
  String specPath(HttpUrl url) {
    String path = url.encodedPath();
    for (HttpUrl base : baseUrls) {
      if (base.host().equalsIgnoreCase(url.host()) && base.port() == url.port()
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
