package dev.transferkit.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.internal.NullSafeJsonAdapter;
import dev.transferkit.core.Timestamp;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON codecs used by generated models. Not public API: generated code calls it, users should not.
 *
 * <p>Every adapter here fails with {@link JsonDataException} naming the JSON path, never with a
 * {@link NullPointerException} or a silently changed value.
 */
public final class JsonCodecs {
  /**
   * Longest decimal literal accepted; longer input is rejected instead of being parsed at unbounded
   * cost.
   */
  public static final int MAX_DECIMAL_LENGTH = 512;

  private JsonCodecs() {}

  /**
   * An amount the provider sends as a JSON string ("2500.00"): read from a string (or number),
   * written as a string.
   */
  public static final JsonAdapter<BigDecimal> DECIMAL_STRING =
      new JsonAdapter<BigDecimal>() {
        @Override
        public BigDecimal fromJson(JsonReader reader) throws IOException {
          return readDecimal(reader);
        }

        @Override
        public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
          if (value == null) {
            writer.nullValue();
          } else {
            writer.value(decimalString(value));
          }
        }

        @Override
        public String toString() {
          return "JsonAdapter(decimal string)";
        }
      };

  /**
   * An amount the provider sends as a JSON number (Wyre's {@code 125.676558230530760993}): read
   * from a number (or a string), written as a number with exactly the same digits and scale ({@code
   * 0E-18} stays {@code 0E-18}).
   */
  public static final JsonAdapter<BigDecimal> DECIMAL_NUMBER =
      new JsonAdapter<BigDecimal>() {
        @Override
        public BigDecimal fromJson(JsonReader reader) throws IOException {
          return readDecimal(reader);
        }

        @Override
        public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
          if (value == null) {
            writer.nullValue();
          } else {
            writeDecimalNumber(writer, value);
          }
        }

        @Override
        public String toString() {
          return "JsonAdapter(decimal number)";
        }
      };

  /**
   * Writes {@code value} as a JSON number with exactly its digits and scale, in a form Moshi's
   * reader reads back ({@link #moshiMisreads}). The one way amounts sent as JSON numbers are
   * written: by {@link #DECIMAL_NUMBER} inside lists and maps, and by the generated adapters for
   * properties.
   */
  public static void writeDecimalNumber(JsonWriter writer, BigDecimal value) throws IOException {
    if (!moshiMisreads(value.toString())) {
      writer.value(value);
      return;
    }
    try (okio.BufferedSink raw = writer.valueSink()) {
      raw.writeUtf8(scientific(value));
    }
  }

  /**
   * Whether Moshi's reader refuses this number text although it is valid JSON. Moshi accumulates
   * the integer digits in a wrapping {@code long} and takes an accumulator of zero before a further
   * digit for a forbidden leading zero, so an integer part whose prefix is a multiple of 2^64 (a 4
   * followed by 62 zeros and more digits) does not read back. Such a number is written in
   * scientific form, same digits and scale, which every reader reads exactly; any other number,
   * however long (a uint256), keeps its plain text.
   */
  static boolean moshiMisreads(String text) {
    long value = 0;
    boolean first = true;
    for (int i = text.startsWith("-") ? 1 : 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      if (!first && value == 0) {
        return true;
      }
      value = value * 10 - (c - '0');
      first = false;
    }
    return false;
  }

  /**
   * {@code value} as {@code d.dddE+k}: its unscaled digits with the point after the first, and the
   * exponent that keeps its scale ({@code new BigDecimal} of the text has the same unscaled value
   * and scale).
   */
  static String scientific(BigDecimal value) {
    String digits = value.unscaledValue().abs().toString();
    long exponent = (long) digits.length() - 1 - value.scale();
    StringBuilder out = new StringBuilder(digits.length() + 24);
    if (value.signum() < 0) {
      out.append('-');
    }
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    return out.append('E').append(exponent >= 0 ? "+" : "").append(exponent).toString();
  }

  /**
   * A JSON string; a number or boolean in its place is an error, not silently converted as Moshi's
   * own adapter does.
   */
  public static final JsonAdapter<String> STRING = strict("string", JsonCodecs::readString);

  /** A JSON integer that fits a long; a quoted number is an error. */
  public static final JsonAdapter<Long> LONG = strict("long", JsonCodecs::readLong);

  /** A JSON integer that fits an int; a quoted number is an error. */
  public static final JsonAdapter<Integer> INT = strict("int", JsonCodecs::readInt);

  /** A JSON boolean. */
  public static final JsonAdapter<Boolean> BOOLEAN = strict("boolean", JsonCodecs::readBoolean);

  /** How one scalar is read from a reader positioned at a non-null value. */
  private interface Read<T> {
    T from(JsonReader reader) throws IOException;
  }

  private static <T> JsonAdapter<T> strict(String name, Read<T> read) {
    return new JsonAdapter<T>() {
      @Override
      public T fromJson(JsonReader reader) throws IOException {
        if (reader.peek() == JsonReader.Token.NULL) {
          return reader.nextNull();
        }
        return read.from(reader);
      }

      @Override
      public void toJson(JsonWriter writer, T value) throws IOException {
        if (value == null) {
          writer.nullValue();
        } else if (value instanceof String) {
          writer.value((String) value);
        } else if (value instanceof Boolean) {
          writer.value((Boolean) value);
        } else {
          writer.value((Number) value);
        }
      }

      @Override
      public String toString() {
        return "JsonAdapter(strict " + name + ")";
      }
    };
  }

  private static final okio.ByteString UTF8_BOM = okio.ByteString.decodeHex("EFBBBF");

  /**
   * Decodes one whole JSON document from {@code source} with {@code adapter}, as the clients'
   * converter does: a UTF-8 byte order mark is skipped, and nothing but JSON whitespace may follow
   * the document. The trailing bytes are checked on the source itself: Moshi's {@code peek()}
   * reports a 0xFF byte after the document as the end of input. The source is not closed.
   */
  public static <T> T decodeDocument(JsonAdapter<T> adapter, okio.BufferedSource source)
      throws IOException {
    if (source.rangeEquals(0, UTF8_BOM)) {
      source.skip(UTF8_BOM.size());
    }
    T value = adapter.fromJson(JsonReader.of(source));
    while (!source.exhausted()) {
      byte b = source.readByte();
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        throw new JsonDataException("JSON document was not fully consumed.");
      }
    }
    return value;
  }

  /** ISO-8601 date-time kept as sent. */
  public static final JsonAdapter<Timestamp> TIMESTAMP =
      new JsonAdapter<Timestamp>() {
        @Override
        public Timestamp fromJson(JsonReader reader) throws IOException {
          if (reader.peek() == JsonReader.Token.NULL) {
            return reader.nextNull();
          }
          return readTimestamp(reader);
        }

        @Override
        public void toJson(JsonWriter writer, Timestamp value) throws IOException {
          if (value == null) {
            writer.nullValue();
          } else {
            writer.value(value.text());
          }
        }

        @Override
        public String toString() {
          return "JsonAdapter(Timestamp)";
        }
      };

  /**
   * Reads a decimal amount from a JSON string or number; the value keeps the digits and scale it
   * was written with.
   */
  public static BigDecimal readDecimal(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    if (token != JsonReader.Token.STRING && token != JsonReader.Token.NUMBER) {
      throw new JsonDataException(
          "Expected a decimal amount but was " + token + " at path " + reader.getPath());
    }
    boolean quoted = token == JsonReader.Token.STRING;
    String text = reader.nextString();
    if (text.length() > MAX_DECIMAL_LENGTH) {
      throw new JsonDataException(
          "Decimal amount of "
              + text.length()
              + " characters exceeds "
              + MAX_DECIMAL_LENGTH
              + " at path "
              + pathOfLastValue(reader));
    }
    int shape = decimalShape(text, quoted);
    if (shape == NOT_DECIMAL) {
      throw new JsonDataException(
          "Expected a decimal amount (JSON number grammar, ASCII digits) but was '"
              + abbreviate(text)
              + "' at path "
              + pathOfLastValue(reader));
    }
    if (shape == PLAIN_DECIMAL) {
      BigDecimal plain = plainDecimal(text);
      if (plain != null) {
        return plain;
      }
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new JsonDataException(
          "Expected a decimal amount but was '"
              + abbreviate(text)
              + "' at path "
              + pathOfLastValue(reader),
          e);
    }
    if (shape == PLAIN_DECIMAL && text.length() < MAX_DECIMAL_LENGTH) {
      // Without an exponent the scale is at most the text's length and the written form at most one
      // character longer (".5" is written "0.5"), so the checks below cannot fail: skipped.
      return value;
    }
    // Refuse exponents so large that later arithmetic (toPlainString, setScale) would exhaust
    // memory, and whatever would not re-encode into something this reader accepts again.
    long written = writtenLength(value);
    if (Math.abs((long) value.scale()) > 10_000L || written > MAX_DECIMAL_LENGTH) {
      throw new JsonDataException(
          "Decimal amount '"
              + abbreviate(text)
              + "' would be written as "
              + written
              + " characters, more than "
              + MAX_DECIMAL_LENGTH
              + ", at path "
              + pathOfLastValue(reader));
    }
    return value;
  }

  /** Digits that always fit a {@code long}: one half of {@link #plainDecimal}'s value. */
  private static final int HALF_DIGITS = 18;

  /** Most digits {@link #plainDecimal} reads: two halves. */
  static final int MAX_PLAIN_DIGITS = 2 * HALF_DIGITS;

  /** 10^0 to 10^18, to join {@link #plainDecimal}'s two halves. */
  private static final BigInteger[] POWERS_OF_TEN = new BigInteger[HALF_DIGITS + 1];

  static {
    for (int k = 0; k < POWERS_OF_TEN.length; k++) {
      POWERS_OF_TEN[k] = BigInteger.TEN.pow(k);
    }
  }

  /**
   * The value of an amount's text already checked by {@link #decimalShape} to have no exponent: its
   * digits as the unscaled value, the digits after the point as the scale, exactly what {@link
   * BigDecimal#BigDecimal(String)} makes of the same text ({@code JsonCodecsTest} compares the two
   * on random amounts of up to 40 digits); null for more than {@link #MAX_PLAIN_DIGITS} digits,
   * which the caller leaves to that constructor.
   *
   * <p>Why not {@code new BigDecimal(text)} for every amount: it copies the text into a {@code
   * char[]} and parses it again, character by character, after {@link #decimalShape} has just
   * walked it. Building the value from the digits here takes half the time or less (about 9 ns
   * instead of 18 for {@code 0.00000750}, 60 instead of 120 for Wyre's 36-digit exchange rate, in
   * isolation), which is what kept the generated adapters behind Moshi's reflective adapter on
   * amount-heavy payloads (benchmarks/README.md, "JSON round 3").
   */
  static @Nullable BigDecimal plainDecimal(String text) {
    int n = text.length();
    boolean negative = text.charAt(0) == '-';
    long high = 0; // the first HALF_DIGITS digits
    long low = 0; // the digits after them
    int digits = 0;
    int scale = 0;
    boolean fraction = false;
    for (int i = negative ? 1 : 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        fraction = true;
        continue;
      }
      if (digits < HALF_DIGITS) {
        high = high * 10 + (c - '0');
      } else if (digits < MAX_PLAIN_DIGITS) {
        low = low * 10 + (c - '0');
      } else {
        return null;
      }
      digits++;
      if (fraction) {
        scale++;
      }
    }
    if (digits <= HALF_DIGITS) {
      return BigDecimal.valueOf(negative ? -high : high, scale);
    }
    BigInteger unscaled =
        BigInteger.valueOf(high)
            .multiply(POWERS_OF_TEN[digits - HALF_DIGITS])
            .add(BigInteger.valueOf(low));
    return new BigDecimal(negative ? unscaled.negate() : unscaled, scale);
  }

  /** {@link #decimalShape}: not an amount's text. */
  static final int NOT_DECIMAL = 0;

  /** {@link #decimalShape}: an amount's text without an exponent. */
  static final int PLAIN_DECIMAL = 1;

  /** {@link #decimalShape}: an amount's text with an exponent ({@code e} or {@code E}). */
  static final int EXPONENT_DECIMAL = 2;

  /**
   * Whether {@code s} is an amount's text, and whether it has an exponent: exactly the number
   * grammar of RFC 8259 with ASCII digits ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}),
   * or, inside a JSON string ({@code quoted}), also the providers' own decimal-string form {@code
   * -?[0-9]*\.?[0-9]+}, whose integer part may be missing or have leading zeros (Circle's
   * documentation sends {@code ".01"}). {@link BigDecimal#BigDecimal(String)} alone would also take
   * {@code +1}, {@code 1.} and digits of other scripts ({@code "١٠٠"} is 100 to it).
   *
   * <p>One pass over the characters instead of the two regular expressions it replaces, and the
   * exponent is noted on the way instead of searched for again: decoding an amount is on the path
   * of every payload the generated adapters read (benchmarks/).
   *
   * @return {@link #NOT_DECIMAL}, {@link #PLAIN_DECIMAL} or {@link #EXPONENT_DECIMAL}
   */
  static int decimalShape(String s, boolean quoted) {
    int n = s.length();
    int i = 0;
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    int intStart = i;
    while (i < n && isAsciiDigit(s.charAt(i))) {
      i++;
    }
    int intDigits = i - intStart;
    int fractionDigits = -1; // no '.'
    if (i < n && s.charAt(i) == '.') {
      int fractionStart = ++i;
      while (i < n && isAsciiDigit(s.charAt(i))) {
        i++;
      }
      fractionDigits = i - fractionStart;
    }
    boolean jsonMantissa =
        intDigits > 0 && (intDigits == 1 || s.charAt(intStart) != '0') && fractionDigits != 0;
    if (i == n) {
      boolean decimalString = quoted && (fractionDigits < 0 ? intDigits > 0 : fractionDigits > 0);
      return jsonMantissa || decimalString ? PLAIN_DECIMAL : NOT_DECIMAL;
    }
    if (!jsonMantissa || (s.charAt(i) != 'e' && s.charAt(i) != 'E')) {
      return NOT_DECIMAL;
    }
    i++;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int exponentStart = i;
    while (i < n && isAsciiDigit(s.charAt(i))) {
      i++;
    }
    return i == n && i > exponentStart ? EXPONENT_DECIMAL : NOT_DECIMAL;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The length of {@link #decimalString}, computed without building it. */
  static long writtenLength(BigDecimal value) {
    long sign = value.signum() < 0 ? 1 : 0;
    long precision = value.precision();
    long scale = value.scale();
    if (scale == 0) {
      return sign + precision;
    }
    if (scale > 0) {
      return sign + Math.max(precision, scale + 1) + 1;
    }
    // Exponent form: d[.ddd]E+x
    long exponent = precision - 1 - scale;
    return sign + precision + (precision > 1 ? 1 : 0) + 2 + Long.toString(exponent).length();
  }

  /**
   * The path of the value just read. Inside an array Moshi's path already points at the next
   * element, so the last index is stepped back; computed only when an error is reported.
   */
  static String pathOfLastValue(JsonReader reader) {
    String path = reader.getPath();
    if (path.endsWith("]")) {
      int open = path.lastIndexOf('[');
      try {
        int index = Integer.parseInt(path.substring(open + 1, path.length() - 1));
        if (index > 0) {
          return path.substring(0, open + 1) + (index - 1) + "]";
        }
      } catch (NumberFormatException e) {
        return path;
      }
    }
    return path;
  }

  /** Reads a JSON string (a number or boolean in its place is an error, not silently converted). */
  public static String readString(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.STRING) {
      throw new JsonDataException(
          "Expected a string but was " + reader.peek() + " at path " + reader.getPath());
    }
    return reader.nextString();
  }

  /** Reads a JSON integer that fits a long (a quoted number is an error). */
  public static Long readLong(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.NUMBER) {
      throw new JsonDataException(
          "Expected an integer but was " + reader.peek() + " at path " + reader.getPath());
    }
    return reader.nextLong();
  }

  /** Reads a JSON integer that fits an int (a quoted number is an error). */
  public static Integer readInt(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.NUMBER) {
      throw new JsonDataException(
          "Expected an integer but was " + reader.peek() + " at path " + reader.getPath());
    }
    return reader.nextInt();
  }

  /** Reads a JSON boolean. */
  public static Boolean readBoolean(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BOOLEAN) {
      throw new JsonDataException(
          "Expected a boolean but was " + reader.peek() + " at path " + reader.getPath());
    }
    return reader.nextBoolean();
  }

  /** Reads an ISO-8601 date-time string, keeping its text. */
  public static Timestamp readTimestamp(JsonReader reader) throws IOException {
    expect(reader, JsonReader.Token.STRING, "an ISO-8601 date-time string");
    String text = reader.nextString();
    try {
      return Timestamp.parse(text);
    } catch (IllegalArgumentException e) {
      throw new JsonDataException(e.getMessage() + " at " + reader.getPath(), e);
    }
  }

  /**
   * The text of a decimal amount written as a JSON string: plain digits ({@code 2500.00}, the
   * providers' form) for every value with a non-negative scale, so the scale survives a round trip;
   * a value with a negative scale (read from exponent form such as {@code 1E+3}) is written in
   * exponent form, the only text that keeps its scale.
   */
  public static String decimalString(BigDecimal value) {
    return value.scale() < 0 ? value.toString() : value.toPlainString();
  }

  /** Fails unless the next token is {@code expected}. */
  public static void expect(JsonReader reader, JsonReader.Token expected, String what)
      throws IOException {
    JsonReader.Token actual = reader.peek();
    if (actual != expected) {
      throw new JsonDataException(
          "Expected " + what + " but was " + actual + " at path " + reader.getPath());
    }
  }

  /**
   * The adapter generated models use for a schema that allows any JSON value (exact numbers, see
   * {@link AnyJsonValue}), so that models read exactly with any {@code Moshi}, not only with {@link
   * Json#moshi}.
   */
  public static JsonAdapter<Object> anyValue(Moshi moshi) {
    return new AnyJsonValue(moshi);
  }

  /**
   * {@code adapter} without Moshi's null-safe wrapper, for the generated adapters' own properties:
   * they read a nested value only after checking that it is not JSON null, and the generated
   * adapters write null themselves. Moshi wraps every generated adapter it finds ({@code
   * Util.generatedAdapter} ends with {@code nullSafe()}), and the wrapper's one call to its
   * delegate serves every model, so the JIT can inline none of them; unwrapped, each property's
   * call has one target. Also how {@link JsonBodies} reaches a request model's {@link RuntimeKeyed}
   * adapter.
   */
  public static <T> JsonAdapter<T> unwrapNullSafe(JsonAdapter<T> adapter) {
    return adapter instanceof NullSafeJsonAdapter
        ? ((NullSafeJsonAdapter<T>) adapter).delegate()
        : adapter;
  }

  /**
   * A list whose elements use {@code element}; JSON nulls inside the array are refused, and so is
   * any other JSON type in place of the array ({@code beginArray} names the path).
   */
  public static <E> JsonAdapter<List<E>> listOf(JsonAdapter<E> element) {
    return new JsonAdapter<List<E>>() {
      @Override
      public List<E> fromJson(JsonReader reader) throws IOException {
        if (reader.peek() == JsonReader.Token.NULL) {
          return reader.nextNull();
        }
        reader.beginArray();
        if (!reader.hasNext()) {
          // Empty arrays are common (Wyre's statusHistories): no list of their own.
          reader.endArray();
          return Collections.emptyList();
        }
        List<E> result = new ArrayList<>();
        do {
          if (reader.peek() == JsonReader.Token.NULL) {
            throw new JsonDataException("Unexpected null element at path " + reader.getPath());
          }
          result.add(element.fromJson(reader));
        } while (reader.hasNext());
        reader.endArray();
        return Collections.unmodifiableList(result);
      }

      @Override
      public void toJson(JsonWriter writer, List<E> value) throws IOException {
        if (value == null) {
          writer.nullValue();
          return;
        }
        writer.beginArray();
        for (E e : value) {
          element.toJson(writer, e);
        }
        writer.endArray();
      }

      @Override
      public String toString() {
        return "JsonAdapter(List of " + element + ")";
      }
    };
  }

  /**
   * An object used as a map from string keys to values that use {@code value}; duplicate keys are
   * refused.
   */
  public static <V> JsonAdapter<Map<String, V>> mapOf(JsonAdapter<V> value) {
    return new JsonAdapter<Map<String, V>>() {
      @Override
      public Map<String, V> fromJson(JsonReader reader) throws IOException {
        if (reader.peek() == JsonReader.Token.NULL) {
          return reader.nextNull();
        }
        Map<String, V> result = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String key = reader.nextName();
          if (reader.peek() == JsonReader.Token.NULL) {
            throw new JsonDataException("Unexpected null value at path " + reader.getPath());
          }
          if (result.put(key, value.fromJson(reader)) != null) {
            throw new JsonDataException("Duplicate key '" + key + "' at path " + reader.getPath());
          }
        }
        reader.endObject();
        return Collections.unmodifiableMap(result);
      }

      @Override
      public void toJson(JsonWriter writer, Map<String, V> map) throws IOException {
        if (map == null) {
          writer.nullValue();
          return;
        }
        writer.beginObject();
        for (Map.Entry<String, V> e : map.entrySet()) {
          writer.name(e.getKey());
          value.toJson(writer, e.getValue());
        }
        writer.endObject();
      }

      @Override
      public String toString() {
        return "JsonAdapter(Map of " + value + ")";
      }
    };
  }

  /**
   * Writes a JSON null for {@code name} even when the writer drops nulls (used to round-trip
   * explicit nulls).
   */
  public static void writeExplicitNull(JsonWriter writer, String name) throws IOException {
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    try {
      writer.name(name).nullValue();
    } finally {
      writer.setSerializeNulls(serializeNulls);
    }
  }

  /** The error for a required property that is absent. */
  public static JsonDataException missingProperty(String property, JsonReader reader) {
    return new JsonDataException(
        "Required property '" + property + "' missing at " + reader.getPath());
  }

  /**
   * {@code value}, or the {@link IllegalStateException} of a generated model's builder when a
   * required property was not set.
   */
  public static <T> T requireBuilt(@Nullable T value, String model, String property) {
    if (value == null) {
      throw new IllegalStateException(model + ": required property '" + property + "' is missing");
    }
    return value;
  }

  /** The error for a required, non-nullable property that is JSON null. */
  public static JsonDataException nullProperty(String property, JsonReader reader) {
    return new JsonDataException(
        "Required property '" + property + "' was null at " + reader.getPath());
  }

  /** Reads an enum's wire value; only JSON strings are accepted. */
  public static String readEnumValue(JsonReader reader, String enumName) throws IOException {
    expect(reader, JsonReader.Token.STRING, "a string value of " + enumName);
    return reader.nextString();
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
