package dev.transferkit.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a method and a raw path against templates such as {@code
 * /circle/v1/accounts/transfers/{id}}; a template ending in {@code /*} matches everything below it.
 * As OpenAPI requires, a concrete segment wins over a template parameter in the same place ({@code
 * /v1/transfers/list} before {@code /v1/transfers/{id}}); prefix templates come last; otherwise the
 * first registered match wins.
 */
final class Router<H> {
  record Match<H>(H handler, Map<String, String> pathParams) {}

  private record Entry<H>(String method, String[] segments, boolean prefix, H handler) {}

  private final List<Entry<H>> entries = new ArrayList<>();

  void add(String method, String template, H handler) {
    boolean prefix = template.endsWith("/*");
    String t = prefix ? template.substring(0, template.length() - 2) : template;
    entries.add(new Entry<>(method, split(t), prefix, handler));
    entries.sort(Router::bySpecificity); // stable: registration order among equals
  }

  private static int bySpecificity(Entry<?> a, Entry<?> b) {
    if (a.prefix != b.prefix) {
      return a.prefix ? 1 : -1;
    }
    for (int i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
      boolean pa = isParam(a.segments[i]);
      boolean pb = isParam(b.segments[i]);
      if (pa != pb) {
        return pa ? 1 : -1;
      }
    }
    return 0;
  }

  private static boolean isParam(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  Match<H> match(String method, String rawPath) {
    String[] path = split(rawPath);
    for (Entry<H> e : entries) {
      if (!e.method.equals(method)) {
        continue;
      }
      Map<String, String> params = new HashMap<>();
      if (matches(e, path, params)) {
        return new Match<>(e.handler, params);
      }
    }
    return null;
  }

  /**
   * The methods registered for this exact path (prefix templates left out), in registration order:
   * what an {@code Allow} header lists when the path is known but the method is not.
   */
  List<String> allowedMethods(String rawPath) {
    String[] path = split(rawPath);
    Set<String> methods = new LinkedHashSet<>();
    for (Entry<H> e : entries) {
      if (!e.prefix && !methods.contains(e.method) && matches(e, path, new HashMap<>())) {
        methods.add(e.method);
      }
    }
    return List.copyOf(methods);
  }

  private static boolean matches(Entry<?> e, String[] path, Map<String, String> params) {
    if (e.prefix ? path.length < e.segments.length : path.length != e.segments.length) {
      return false;
    }
    for (int i = 0; i < e.segments.length; i++) {
      String s = e.segments[i];
      if (isParam(s)) {
        params.put(
            s.substring(1, s.length() - 1),
            java.net.URLDecoder.decode(path[i], java.nio.charset.StandardCharsets.UTF_8));
      } else if (!s.equals(path[i])) {
        return false;
      }
    }
    return true;
  }

  private static String[] split(String path) {
    String p = path;
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals("/") || p.isEmpty() ? new String[0] : p.substring(1).split("/", -1);
  }
}
