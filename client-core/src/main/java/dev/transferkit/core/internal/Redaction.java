package dev.transferkit.core.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks secrets in headers and JSON text before anything is logged or put into an exception message. */
final class Redaction {
  static final String MASK = "██";

  /** Headers whose values are credentials. */
  static final Set<String> SECRET_HEADERS;

  static {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(Arrays.asList(
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "X-Api-Signature",
        "X-User-Token"));
    SECRET_HEADERS = Collections.unmodifiableSet(names);
  }

  /** JSON string members whose values are secrets (the spec's x-transferkit-secret properties). */
  private static final Pattern SECRET_JSON_MEMBER = Pattern.compile(
      "(\"(?:userToken|encryptionKey|secretKey|apiKey|webhookToken)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*(\"|$)");

  private Redaction() {}

  static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || SECRET_HEADERS.contains(name);
  }

  /** {@code json} with the values of secret string members replaced by the mask; other text is kept. */
  static String redactJson(String json) {
    if (json == null || json.isEmpty()) {
      return json;
    }
    Matcher m = SECRET_JSON_MEMBER.matcher(json);
    if (!m.find()) {
      return json;
    }
    StringBuffer sb = new StringBuffer();
    do {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }
}
