package dev.transferkit.core.net;

import com.squareup.moshi.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import okio.Buffer;

/**
 * Fills the idempotency key of a JSON request body. Works on the bytes: when the key member is missing, null or the
 * empty string, only that member is inserted or its value replaced; every other byte stays exactly as serialized.
 */
final class IdempotencyKeys {
  private IdempotencyKeys() {}

  /** A body and the idempotency key it carries. */
  static final class Filled {
    final byte[] body;
    final String key;

    Filled(byte[] body, String key) {
      this.body = body;
      this.key = key;
    }
  }

  /**
   * {@code json} with member {@code field} of the top-level object set to {@code newKey.get()} when it is missing,
   * null or {@code ""}. A body that is not a JSON object is returned unchanged with a null key.
   */
  static Filled ensure(byte[] json, String field, Supplier<String> newKey) {
    Scanner s = new Scanner(json);
    try {
      s.skipWhitespace();
      if (!s.consume('{')) {
        return new Filled(json, null);
      }
      int afterBrace = s.pos;
      boolean empty = true;
      s.skipWhitespace();
      if (!s.consume('}')) {
        while (true) {
          empty = false;
          s.skipWhitespace();
          int nameStart = s.pos;
          s.skipString();
          String name = decodeString(json, nameStart, s.pos);
          s.skipWhitespace();
          s.expect(':');
          s.skipWhitespace();
          int valueStart = s.pos;
          s.skipValue();
          int valueEnd = s.pos;
          if (field.equals(name)) {
            return fillExisting(json, valueStart, valueEnd, newKey);
          }
          s.skipWhitespace();
          if (s.consume(',')) {
            continue;
          }
          s.expect('}');
          break;
        }
      }
      String key = newKey.get();
      byte[] member = ("\"" + field + "\":\"" + key + "\"" + (empty ? "" : ",")).getBytes(StandardCharsets.UTF_8);
      return new Filled(splice(json, afterBrace, afterBrace, member), key);
    } catch (IllegalStateException | IOException malformed) {
      return new Filled(json, null); // not our business: the provider will reject malformed JSON
    }
  }

  private static Filled fillExisting(byte[] json, int start, int end, Supplier<String> newKey) throws IOException {
    String raw = new String(json, start, end - start, StandardCharsets.UTF_8);
    if (raw.equals("null") || raw.equals("\"\"")) {
      String key = newKey.get();
      return new Filled(splice(json, start, end, ("\"" + key + "\"").getBytes(StandardCharsets.UTF_8)), key);
    }
    String key = raw.startsWith("\"") ? decodeString(json, start, end) : raw;
    return new Filled(json, key);
  }

  private static byte[] splice(byte[] json, int from, int to, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + insert.length);
    out.write(json, 0, from);
    out.write(insert, 0, insert.length);
    out.write(json, to, json.length - to);
    return out.toByteArray();
  }

  private static String decodeString(byte[] json, int start, int end) throws IOException {
    boolean escaped = false;
    for (int i = start + 1; i < end - 1; i++) {
      if (json[i] == '\\') {
        escaped = true;
        break;
      }
    }
    if (!escaped && end - start >= 2) {
      return new String(json, start + 1, end - start - 2, StandardCharsets.UTF_8); // the common case: no escapes
    }
    try (JsonReader reader = JsonReader.of(new Buffer().write(json, start, end - start))) {
      reader.setLenient(true);
      return reader.nextString();
    }
  }

  /** A minimal byte-level JSON scanner: positions only, no values. Structural characters are ASCII. */
  private static final class Scanner {
    final byte[] b;
    int pos;

    Scanner(byte[] b) {
      this.b = b;
    }

    void skipWhitespace() {
      while (pos < b.length && (b[pos] == ' ' || b[pos] == '\n' || b[pos] == '\r' || b[pos] == '\t')) {
        pos++;
      }
    }

    boolean consume(char c) {
      if (pos < b.length && b[pos] == c) {
        pos++;
        return true;
      }
      return false;
    }

    void expect(char c) {
      if (!consume(c)) {
        throw new IllegalStateException("expected '" + c + "' at " + pos);
      }
    }

    void skipString() {
      expect('"');
      while (pos < b.length) {
        byte c = b[pos++];
        if (c == '\\') {
          pos++;
        } else if (c == '"') {
          return;
        }
      }
      throw new IllegalStateException("unterminated string");
    }

    void skipValue() {
      if (pos >= b.length) {
        throw new IllegalStateException("missing value");
      }
      byte c = b[pos];
      if (c == '"') {
        skipString();
      } else if (c == '{' || c == '[') {
        int depth = 0;
        while (pos < b.length) {
          byte d = b[pos];
          if (d == '"') {
            skipString();
            continue;
          }
          pos++;
          if (d == '{' || d == '[') {
            depth++;
          } else if (d == '}' || d == ']') {
            depth--;
            if (depth == 0) {
              return;
            }
          }
        }
        throw new IllegalStateException("unterminated container");
      } else {
        int start = pos;
        while (pos < b.length && b[pos] != ',' && b[pos] != '}' && b[pos] != ']' && b[pos] != ' '
            && b[pos] != '\n' && b[pos] != '\r' && b[pos] != '\t') {
          pos++;
        }
        if (pos == start) {
          throw new IllegalStateException("missing value");
        }
      }
    }
  }
}
