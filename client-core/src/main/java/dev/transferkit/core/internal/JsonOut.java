package dev.transferkit.core.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A compact JSON writer into a growing byte array (UTF-8), used by the generated codecs. Not public API.
 *
 * <p>The codecs place separators themselves (they know the structure), so the writer keeps no state besides its
 * buffer. Strings are escaped as Moshi's writer escapes them (control characters, quote, backslash, U+2028, U+2029),
 * and an unpaired surrogate is written as {@code ?} as okio does, so both paths write the same bytes. Not
 * thread-safe.
 */
public final class JsonOut {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private byte[] buf;
  private int count;

  /** An empty writer. */
  public JsonOut() {
    this(256);
  }

  /** An empty writer with room for {@code capacity} bytes before it grows. */
  public JsonOut(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  /**
   * The bytes a codec writes before a member's value: the quoted, escaped {@code name} and the colon. Generated
   * codecs compute these once per property.
   */
  public static byte[] name(String name) {
    JsonOut out = new JsonOut(name.length() + 8);
    out.string(name);
    out.raw(':');
    return out.toByteArray();
  }

  /** Writes a member name produced by {@link #name(String)}, preceded by a comma unless {@code first}. */
  public void name(byte[] encodedName, boolean first) {
    int n = encodedName.length;
    ensure(n + 1);
    if (!first) {
      buf[count++] = ',';
    }
    System.arraycopy(encodedName, 0, buf, count, n);
    count += n;
  }

  /** Writes one structural character ({@code { } [ ] , :}). */
  public void raw(char c) {
    ensure(1);
    buf[count++] = (byte) c;
  }

  /** Writes {@code null}. */
  public void nul() {
    ascii("null");
  }

  /** Writes {@code true} or {@code false}. */
  public void bool(boolean value) {
    ascii(value ? "true" : "false");
  }

  /** Writes an integer. */
  public void number(long value) {
    if (value >= 0 && value < 10) {
      raw((char) ('0' + value));
      return;
    }
    ascii(Long.toString(value));
  }

  /** Writes an amount as a JSON number with exactly its digits and scale ({@code 0E-18} stays {@code 0E-18}). */
  public void decimalNumber(BigDecimal value) {
    ascii(value.toString());
  }

  /** Writes an amount as a JSON string, in the form of {@link JsonCodecs#decimalString}. */
  public void decimalString(BigDecimal value) {
    String text = JsonCodecs.decimalString(value);
    ensure(text.length() + 2);
    buf[count++] = '"';
    writeAscii(text);
    buf[count++] = '"';
  }

  /** Writes a JSON string. */
  public void string(String s) {
    int n = s.length();
    ensure(n + 2);
    byte[] b = buf;
    int c0 = count;
    b[c0++] = '"';
    int i = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
        break;
      }
      b[c0++] = (byte) c;
    }
    count = c0;
    if (i < n) {
      stringSlow(s, i);
    }
    ensure(1);
    buf[count++] = '"';
  }

  private void stringSlow(String s, int from) {
    int n = s.length();
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c < 0x20 || c == '"' || c == '\\') {
          escape(c);
        } else {
          ensure(1);
          buf[count++] = (byte) c;
        }
      } else if (c < 0x800) {
        ensure(2);
        buf[count++] = (byte) (0xC0 | (c >> 6));
        buf[count++] = (byte) (0x80 | (c & 0x3F));
      } else if (c == '\u2028' || c == '\u2029') {
        ensure(6);
        buf[count++] = '\\';
        buf[count++] = 'u';
        buf[count++] = HEX[(c >> 12) & 0xF];
        buf[count++] = HEX[(c >> 8) & 0xF];
        buf[count++] = HEX[(c >> 4) & 0xF];
        buf[count++] = HEX[c & 0xF];
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          ensure(4);
          buf[count++] = (byte) (0xF0 | (cp >> 18));
          buf[count++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          buf[count++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          buf[count++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          ensure(1);
          buf[count++] = '?';
        }
      } else {
        ensure(3);
        buf[count++] = (byte) (0xE0 | (c >> 12));
        buf[count++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[count++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  private void escape(char c) {
    ensure(6);
    buf[count++] = '\\';
    switch (c) {
      case '"':
      case '\\':
        buf[count++] = (byte) c;
        return;
      case '\t':
        buf[count++] = 't';
        return;
      case '\b':
        buf[count++] = 'b';
        return;
      case '\n':
        buf[count++] = 'n';
        return;
      case '\r':
        buf[count++] = 'r';
        return;
      case '\f':
        buf[count++] = 'f';
        return;
      default:
        buf[count++] = 'u';
        buf[count++] = '0';
        buf[count++] = '0';
        buf[count++] = HEX[(c >> 4) & 0xF];
        buf[count++] = HEX[c & 0xF];
    }
  }

  /** Writes a list whose elements use {@code element}; a null element is written as {@code null}. */
  public <E> void list(JsonCodec<E> element, List<E> values) {
    raw('[');
    boolean first = true;
    for (E e : values) {
      if (!first) {
        raw(',');
      }
      first = false;
      if (e == null) {
        nul();
      } else {
        element.write(this, e);
      }
    }
    raw(']');
  }

  /** Writes a map as an object; entries with a null value are left out (as Moshi's writer drops null members). */
  public <V> void map(JsonCodec<V> value, Map<String, V> entries) {
    raw('{');
    boolean first = true;
    for (Map.Entry<String, V> e : entries.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      if (!first) {
        raw(',');
      }
      first = false;
      string(e.getKey());
      raw(':');
      value.write(this, e.getValue());
    }
    raw('}');
  }

  /** Number of bytes written. */
  public int size() {
    return count;
  }

  /** The buffer holding the bytes written so far (valid up to {@link #size()}); not a copy. */
  public byte[] buffer() {
    return buf;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, count);
  }

  private void ascii(String s) {
    ensure(s.length());
    writeAscii(s);
  }

  private void writeAscii(String s) {
    int n = s.length();
    byte[] b = buf;
    int c = count;
    for (int i = 0; i < n; i++) {
      b[c++] = (byte) s.charAt(i);
    }
    count = c;
  }

  private void ensure(int more) {
    if (count + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
    }
  }
}
