package dev.transferkit.core.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Masks secrets in headers and JSON text before anything is logged or put into an exception
 * message. Which headers and JSON members hold secrets is the provider's spec's fact ({@code
 * x-transferkit-secret}): each client's generated {@code <client>.internal.Secrets.REDACTION} holds
 * them and the facade hands it to the runtime ({@link Transport.Provider}). Immutable and
 * thread-safe. Not public API.
 */
public final class Redaction {
  static final String MASK = "██";

  /**
   * Headers that carry credentials in HTTP itself (RFC 9110 {@code Authorization} and {@code
   * Proxy-Authorization}, RFC 6265 cookies), whatever the provider: facts of HTTP, not of a
   * provider's spec, so they stay here.
   */
  static final List<String> HTTP_CREDENTIAL_HEADERS =
      List.of("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie");

  /** Only the {@link #HTTP_CREDENTIAL_HEADERS}: for a runtime that knows no provider's spec. */
  public static final Redaction HTTP = new Redaction(List.of(), List.of());

  private final Set<String> headers;
  private final Set<String> jsonMembers;
  private final @Nullable Pattern jsonMember;

  private Redaction(Collection<String> headers, Collection<String> jsonMembers) {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(HTTP_CREDENTIAL_HEADERS);
    names.addAll(headers);
    this.headers = Collections.unmodifiableSet(names);
    this.jsonMembers = Collections.unmodifiableSet(new TreeSet<>(jsonMembers));
    this.jsonMember =
        jsonMembers.isEmpty()
            ? null
            : Pattern.compile(
                "(\"(?:"
                    + this.jsonMembers.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                    + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*(\"|$)");
  }

  /**
   * The redaction of a provider's secrets, on top of the HTTP credential headers.
   *
   * @param headers names of headers whose values are secrets (case-insensitive)
   * @param jsonMembers names of JSON members whose string values are secrets (exact)
   * @return the redaction
   */
  public static Redaction of(Collection<String> headers, Collection<String> jsonMembers) {
    return new Redaction(
        Objects.requireNonNull(headers, "headers"),
        Objects.requireNonNull(jsonMembers, "jsonMembers"));
  }

  /**
   * The secrets of both: for a client built on several specs.
   *
   * @param other the other spec's redaction
   * @return a redaction masking the headers and JSON members of this one and of {@code other}
   */
  public Redaction and(Redaction other) {
    List<String> h = new java.util.ArrayList<>(headers);
    h.addAll(other.headers);
    List<String> j = new java.util.ArrayList<>(jsonMembers);
    j.addAll(other.jsonMembers);
    return new Redaction(h, j);
  }

  /** Whether the value of header {@code name} (case-insensitive) is a secret. */
  boolean isSecretHeader(String name) {
    return headers.contains(name);
  }

  /**
   * {@code json} with the values of secret string members replaced by the mask; other text is kept.
   */
  String redactJson(String json) {
    if (json == null || json.isEmpty() || jsonMember == null) {
      return json;
    }
    Matcher m = jsonMember.matcher(json);
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

  @Override
  public String toString() {
    return "Redaction{headers=" + headers + ", jsonMembers=" + jsonMembers + "}";
  }
}
