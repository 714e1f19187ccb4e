package dev.transferkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Request-body safety and response-body checks for {@link SandboxRequestFuzzTest}. */
final class Bodies {
  private Bodies() {}

  /**
   * Keeps the sandbox from calling out: a top-level string {@code notifyUrl} (Wyre's callback URL,
   * the only URL the sandbox sends requests to) becomes {@link SandboxRequestFuzzTest#HOOK}. A body
   * that our JSON reader refuses (the sandbox's more tolerant reader may still accept it, e.g.
   * nesting deeper than 255 levels) loses every {@code ://} and the escapes {@code \\u} and {@code
   * \\/} that could spell one.
   */
  @SuppressWarnings("unchecked")
  static byte[] neutralizeUrls(byte[] body) {
    if (body == null) {
      return null;
    }
    Object tree;
    try {
      tree = JsonTree.parse(body);
    } catch (RuntimeException | StackOverflowError notJson) {
      String latin1 = new String(body, StandardCharsets.ISO_8859_1);
      if (!latin1.contains("://") && !latin1.contains("\\u") && !latin1.contains("\\/")) {
        return body;
      }
      return latin1
          .replace("://", ":__")
          .replace("\\u", "\\_")
          .replace("\\/", "\\_")
          .getBytes(StandardCharsets.ISO_8859_1);
    }
    if (tree instanceof Map && ((Map<String, Object>) tree).get("notifyUrl") instanceof String) {
      ((Map<String, Object>) tree).put("notifyUrl", SandboxRequestFuzzTest.HOOK);
      return JsonTree.write(tree);
    }
    return body;
  }

  /**
   * Null if {@code body} has the error shape of {@code provider} (the spec's documented error
   * bodies), else what is wrong with it.
   */
  @SuppressWarnings("unchecked")
  static String errorShapeProblem(String provider, int status, byte[] body) {
    Object tree;
    try {
      tree = JsonTree.parse(body);
    } catch (RuntimeException e) {
      return provider + " HTTP " + status + " answer is not JSON: " + e;
    }
    if (!(tree instanceof Map)) {
      return provider + " HTTP " + status + " answer is not a JSON object";
    }
    Map<String, Object> o = (Map<String, Object>) tree;
    switch (provider) {
      case "circle":
        if (!(o.get("code") instanceof JsonTree.RawNumber)
            || !(o.get("message") instanceof String)) {
          return "Circle HTTP " + status + " answer lacks numeric code / string message: " + o;
        }
        return null;
      case "wyre":
        if (!(o.get("type") instanceof String)
            || !(o.get("message") instanceof String)
            || !(o.get("exceptionId") instanceof String)) {
          return "Wyre HTTP " + status + " answer lacks type / message / exceptionId: " + o;
        }
        return null;
      default:
        if (!(o.get("error_type") instanceof String)
            || !(o.get("error_message") instanceof String)
            || !String.valueOf(o.get("status_code")).equals(Integer.toString(status))) {
          return "Streambird HTTP "
              + status
              + " answer lacks error_type / error_message / status_code "
              + status
              + ": "
              + o;
        }
        return null;
    }
  }

  /**
   * Collects ids and tokens from a successful answer, for later steps of the session (at most 32
   * values).
   */
  static void harvest(byte[] body, List<String> values, List<String> tokens) {
    Object tree;
    try {
      tree = JsonTree.parse(body);
    } catch (RuntimeException e) {
      return;
    }
    walk(tree, values, tokens);
  }

  @SuppressWarnings("unchecked")
  private static void walk(Object node, List<String> values, List<String> tokens) {
    if (node instanceof Map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) node).entrySet()) {
        String key = e.getKey().toLowerCase(Locale.ROOT);
        if (e.getValue() instanceof String) {
          String v = (String) e.getValue();
          if (key.equals("usertoken") && tokens.size() < 8 && !tokens.contains(v)) {
            tokens.add(v);
          } else if ((key.equals("id") || key.endsWith("id") || key.endsWith("_id"))
              && values.size() < 32
              && !values.contains(v)) {
            values.add(v);
          }
        } else {
          walk(e.getValue(), values, tokens);
        }
      }
    } else if (node instanceof List) {
      for (Object o : (List<Object>) node) {
        walk(o, values, tokens);
      }
    }
  }
}
