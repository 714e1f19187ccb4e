package dev.transferkit.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider error codes a spec documents in its root extension {@code x-transferkit-errors} (a
 * list of {@code {code, kind, description, onlyForStatus?, hint?}}), grouped by code into what the
 * {@code errorCodes.mustache} template writes: one switch case per code with the Java expression of
 * its kind, and the hints.
 */
final class ErrorTable {
  private ErrorTable() {}

  /**
   * Template data: {@code cases} (code, kindExpression) and {@code hints} (code, hint as a Java
   * literal).
   */
  static Map<String, Object> from(Map<String, Object> extensions) {
    Object raw = extensions == null ? null : extensions.get("x-transferkit-errors");
    Map<String, StringBuilder> byCode = new LinkedHashMap<>();
    Map<String, String> hints = new LinkedHashMap<>();
    if (raw instanceof List) {
      for (Object o : (List<?>) raw) {
        Map<?, ?> entry = (Map<?, ?>) o;
        String code = String.valueOf(entry.get("code"));
        // The kind is written as ErrorKind.<kind>: javac refuses one the runtime does not have, and
        // the spec lint
        // names it first.
        String kind = String.valueOf(entry.get("kind"));
        Object status = entry.get("onlyForStatus");
        StringBuilder expression = byCode.computeIfAbsent(code, c -> new StringBuilder());
        if (expression.length() > 0 && !expression.toString().endsWith(" : ")) {
          throw new IllegalArgumentException(
              "x-transferkit-errors: code "
                  + code
                  + " has an entry without onlyForStatus before another entry");
        }
        expression.append(
            status == null
                ? "ErrorKind." + kind
                : "status == " + status + " ? ErrorKind." + kind + " : ");
        if (entry.get("hint") != null) {
          hints.put(code, literal(String.valueOf(entry.get("hint")).trim()));
        }
      }
    }
    List<Map<String, String>> cases = new ArrayList<>();
    for (Map.Entry<String, StringBuilder> e : byCode.entrySet()) {
      String expression = e.getValue().toString();
      cases.add(
          Map.of(
              "code",
              literal(e.getKey()),
              "kind",
              expression.endsWith(" : ") ? expression + "null" : expression));
    }
    List<Map<String, String>> hintList = new ArrayList<>();
    hints.forEach((code, hint) -> hintList.add(Map.of("code", literal(code), "hint", hint)));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("cases", cases);
    data.put("hints", hintList);
    return data;
  }

  static String literal(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append(' ');
          break;
        default:
          sb.append(c < 0x20 ? ' ' : c);
      }
    }
    return sb.append('"').toString();
  }
}
