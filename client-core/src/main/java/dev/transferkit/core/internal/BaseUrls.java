package dev.transferkit.core.internal;

import java.util.Locale;
import okhttp3.HttpUrl;

/** Validates and normalises API base URLs. */
public final class BaseUrls {
  private BaseUrls() {}

  /**
   * {@code url} as an {@link HttpUrl} whose path ends with '/', so that the generated relative
   * paths append to it.
   *
   * @throws IllegalArgumentException if it is not an absolute http(s) URL, carries a query or
   *     fragment, or uses plain HTTP with a host other than a loopback one (127.0.0.1, ::1,
   *     localhost): credentials must not travel in clear
   */
  public static HttpUrl normalize(String url) {
    if (url == null || url.trim().isEmpty()) {
      throw new IllegalArgumentException("Base URL must not be empty");
    }
    HttpUrl parsed = HttpUrl.parse(url.trim());
    if (parsed == null) {
      throw new IllegalArgumentException("Base URL is not an absolute http(s) URL: '" + url + "'");
    }
    if (parsed.query() != null || parsed.fragment() != null) {
      throw new IllegalArgumentException(
          "Base URL must not have a query or fragment: '" + url + "'");
    }
    if ("http".equals(parsed.scheme()) && !isLoopback(parsed.host())) {
      throw new IllegalArgumentException(
          "Plain HTTP is refused for host '"
              + parsed.host()
              + "': use https (http is allowed only for loopback"
              + " hosts 127.0.0.1, ::1 and localhost, e.g. a local sandbox)");
    }
    String path = parsed.encodedPath();
    if (!path.endsWith("/")) {
      parsed = parsed.newBuilder().encodedPath(path + "/").build();
    }
    return parsed;
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.equals("127.0.0.1")
        || h.equals("::1")
        || h.equals("[::1]")
        || h.equals("0:0:0:0:0:0:0:1");
  }
}
