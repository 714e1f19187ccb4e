package dev.transferkit.core.internal;

import java.util.Objects;

/**
 * Checks credentials (API keys, secret keys, user tokens) before they are used. A credential read
 * from a file or an environment variable with a trailing newline, or with a character outside
 * printable ASCII, would otherwise be refused by OkHttp with a message that quotes it in full, or
 * be sent and fail authentication. Not public API.
 */
public final class Credentials {
  private Credentials() {}

  /**
   * A refused credential. An IllegalArgumentException to callers; its own type lets the call path
   * pass it through unchanged (other failures to build a request become TransferKitExceptions).
   */
  static final class Refused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * {@code value} if it is a usable credential: not empty, no surrounding whitespace, only
   * printable ASCII (0x21 to 0x7E, and inner spaces).
   *
   * @param name what the credential is ("apiKey", "X-User-Token"): the only thing an error message
   *     shows
   * @throws NullPointerException if {@code value} is null (the message is {@code name})
   * @throws IllegalArgumentException naming {@code name} and the offending position, never the
   *     value
   */
  public static String check(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty()) {
      throw new Refused(name + " must not be empty");
    }
    if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
      throw new Refused(name + " must not start or end with whitespace (value not shown)");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        throw new Refused(
            name
                + " contains a control character at index "
                + i
                + " (a trailing newline from a file or environment variable?); value not shown");
      }
      if (c > 0x7E) {
        throw new Refused(
            name + " contains a non-ASCII character at index " + i + "; value not shown");
      }
    }
    return value;
  }
}
