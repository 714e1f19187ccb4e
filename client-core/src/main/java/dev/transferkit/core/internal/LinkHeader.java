package dev.transferkit.core.internal;

import java.util.Locale;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Reads pagination links from an RFC 8288 {@code Link} header, e.g. {@code
 * <https://...?pageAfter=x>; rel="next"}.
 */
public final class LinkHeader {
  private LinkHeader() {}

  /** The target of the first link with relation {@code rel} (case-insensitive), or null. */
  public static @Nullable String find(@Nullable String header, String rel) {
    if (header == null) {
      return null;
    }
    int i = 0;
    while (true) {
      int open = header.indexOf('<', i);
      if (open < 0) {
        return null;
      }
      int close = header.indexOf('>', open);
      if (close < 0) {
        return null;
      }
      String target = header.substring(open + 1, close).trim();
      int nextLink = header.indexOf('<', close);
      String params =
          nextLink < 0 ? header.substring(close + 1) : header.substring(close + 1, nextLink);
      for (String param : params.split(";", -1)) {
        String p = param.trim();
        int eq = p.indexOf('=');
        if (eq < 0 || !p.substring(0, eq).trim().equalsIgnoreCase("rel")) {
          continue;
        }
        String value = p.substring(eq + 1).trim();
        if (value.endsWith(",")) {
          value = value.substring(0, value.length() - 1).trim();
        }
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
          value = value.substring(1, value.length() - 1);
        }
        for (String r : value.toLowerCase(Locale.ROOT).split("\\s+", -1)) {
          if (r.equals(rel.toLowerCase(Locale.ROOT))) {
            return target;
          }
        }
      }
      if (nextLink < 0) {
        return null;
      }
      i = nextLink;
    }
  }

  /** Query parameter {@code name} of the absolute or relative URL {@code url}, or null. */
  public static @Nullable String queryParameter(String url, String name) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      parsed = HttpUrl.parse("http://relative.invalid/").resolve(url);
    }
    return parsed == null ? null : parsed.queryParameter(name);
  }
}
