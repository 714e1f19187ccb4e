package dev.transferkit.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a method and a raw path against templates such as {@code /circle/v1/accounts/transfers/{id}}; a template
 * ending in {@code /*} matches everything below it. First registered match wins.
 */
final class Router<H> {
  record Match<H>(H handler, Map<String, String> pathParams) {}

  private record Entry<H>(String method, String[] segments, boolean prefix, H handler) {}

  private final List<Entry<H>> entries = new ArrayList<>();

  void add(String method, String template, H handler) {
    boolean prefix = template.endsWith("/*");
    String t = prefix ? template.substring(0, template.length() - 2) : template;
    entries.add(new Entry<>(method, split(t), prefix, handler));
  }

  Match<H> match(String method, String rawPath) {
    String[] path = split(rawPath);
    for (Entry<H> e : entries) {
      if (!e.method.equals(method)) {
        continue;
      }
      if (e.prefix ? path.length < e.segments.length : path.length != e.segments.length) {
        continue;
      }
      Map<String, String> params = new HashMap<>();
      boolean ok = true;
      for (int i = 0; i < e.segments.length && ok; i++) {
        String s = e.segments[i];
        if (s.startsWith("{") && s.endsWith("}")) {
          params.put(s.substring(1, s.length() - 1), java.net.URLDecoder.decode(path[i],
              java.nio.charset.StandardCharsets.UTF_8));
        } else {
          ok = s.equals(path[i]);
        }
      }
      if (ok) {
        return new Match<>(e.handler, params);
      }
    }
    return null;
  }

  private static String[] split(String path) {
    String p = path;
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals("/") || p.isEmpty() ? new String[0] : p.substring(1).split("/", -1);
  }
}
