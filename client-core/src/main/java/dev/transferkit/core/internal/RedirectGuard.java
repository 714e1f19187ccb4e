package dev.transferkit.core.internal;

import dev.transferkit.core.exception.RedirectException;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Network interceptor that keeps redirects a caller allowed ({@code followRedirects(true)}) safe.
 * OkHttp follows them itself and drops only {@code Authorization} when the host changes; every hop
 * passes through here, so:
 *
 * <ul>
 *   <li>a hop to another origin (scheme, host or port) keeps only the headers of {@link
 *       #CROSS_ORIGIN_HEADERS}, so it goes without any credential header (Circle's {@code
 *       X-User-Token}, Wyre's {@code X-Api-Key} and {@code X-Api-Signature}, cookies, any header a
 *       spec marks secret...);
 *   <li>a hop that would carry the request body to another origin (a 307/308 after a signed POST),
 *       or that OkHttp turned into another method (a POST answered 301/302/303 becomes a GET), is
 *       not sent: the call fails with a {@link RedirectException} instead of returning the other
 *       server's answer as the POST's.
 * </ul>
 *
 * <p>With redirects off (the default) OkHttp never makes a second hop and this interceptor only
 * records the origin.
 */
final class RedirectGuard implements Interceptor {
  /**
   * The only request headers that go along to another origin: none of them can carry a credential.
   * Everything else is dropped, so a credential header nobody listed (a provider's new one, a
   * header a spec marks secret, one a caller's interceptor adds) cannot leak either; every header a
   * {@link Redaction} masks is dropped.
   */
  static final java.util.Set<String> CROSS_ORIGIN_HEADERS =
      java.util.Set.of(
          "accept",
          "accept-encoding",
          "accept-language",
          "user-agent",
          "content-type",
          "content-length",
          "host",
          "connection");

  /**
   * The first hop of an attempt, attached by {@link RuntimeInterceptor} as a tag; updated after
   * each hop.
   */
  static final class Start {
    final HttpUrl url;
    final String method;
    volatile int lastStatus;

    Start(HttpUrl url, String method) {
      this.url = url;
      this.method = method;
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Start start = request.tag(Start.class);
    if (start == null) {
      return chain.proceed(request);
    }
    boolean sameOrigin = sameOrigin(start.url, request.url());
    if (!request.method().equals(start.method)) {
      throw refused(
          start,
          request.url(),
          "it would have re-sent the "
              + start.method
              + " as a "
              + request.method()
              + " and returned that answer as the "
              + start.method
              + "'s");
    }
    if (!sameOrigin && request.body() != null) {
      throw refused(start, request.url(), "it would have sent the request body to another origin");
    }
    if (!sameOrigin) {
      Request.Builder stripped = request.newBuilder();
      for (String name : request.headers().names()) {
        if (!CROSS_ORIGIN_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          stripped.removeHeader(name);
        }
      }
      request = stripped.build();
    }
    Response response = chain.proceed(request);
    start.lastStatus = response.code();
    return response;
  }

  private static TransferKitIOException refused(Start start, HttpUrl target, String why) {
    int status = start.lastStatus;
    return new TransferKitIOException(
        new RedirectException(
            "Redirect not followed: "
                + start.method
                + " "
                + start.url.encodedPath()
                + " was answered HTTP "
                + status
                + " to "
                + origin(target)
                + ", and "
                + why
                + ".",
            status,
            origin(target),
            null));
  }

  static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  /** {@code scheme://host:port} of {@code url}: never its path or query, which may carry tokens. */
  static String origin(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return url.scheme() + "://" + host + ":" + url.port();
  }
}
