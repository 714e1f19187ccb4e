package dev.transferkit.core.testing;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;

/**
 * Test helper: parses JSON into a tree that keeps every number as its literal text, and compares
 * two documents structurally (object member order is ignored, array order is not, numbers compare
 * by their exact text).
 */
public final class JsonText {
  private JsonText() {}

  /** A JSON number, kept as the text it was written with. */
  public static final class Num {
    public final String text;

    Num(String text) {
      this.text = text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Num && ((Num) o).text.equals(text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * Parses a JSON document; numbers become {@link Num}, objects {@link LinkedHashMap}, arrays
   * {@link List}.
   */
  public static Object parse(String json) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      Object value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("Trailing content after JSON document");
      }
      return value;
    } catch (IOException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (map.containsKey(name)) {
            throw new IllegalArgumentException("Duplicate key " + name + " at " + reader.getPath());
          }
          map.put(name, read(reader));
        }
        reader.endObject();
        return map;
      case BEGIN_ARRAY:
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return list;
      case STRING:
        return reader.nextString();
      case NUMBER:
        return new Num(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IllegalArgumentException(
            "Unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }

  /** Returns null when equal, else a description of the first difference with its JSON path. */
  public static String difference(String expectedJson, String actualJson) {
    return diff("$", parse(expectedJson), parse(actualJson));
  }

  private static String diff(String path, Object expected, Object actual) {
    if (expected instanceof Map && actual instanceof Map) {
      Map<?, ?> e = (Map<?, ?>) expected;
      Map<?, ?> a = (Map<?, ?>) actual;
      for (Map.Entry<?, ?> entry : e.entrySet()) {
        if (!a.containsKey(entry.getKey())) {
          return path
              + "."
              + entry.getKey()
              + ": missing in actual (expected "
              + describe(entry.getValue())
              + ")";
        }
        String d = diff(path + "." + entry.getKey(), entry.getValue(), a.get(entry.getKey()));
        if (d != null) {
          return d;
        }
      }
      for (Object key : a.keySet()) {
        if (!e.containsKey(key)) {
          return path + "." + key + ": unexpected in actual (" + describe(a.get(key)) + ")";
        }
      }
      return null;
    }
    if (expected instanceof List && actual instanceof List) {
      List<?> e = (List<?>) expected;
      List<?> a = (List<?>) actual;
      if (e.size() != a.size()) {
        return path + ": array length " + a.size() + ", expected " + e.size();
      }
      for (int i = 0; i < e.size(); i++) {
        String d = diff(path + "[" + i + "]", e.get(i), a.get(i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (Objects.equals(expected, actual) || isLeadingZeroCanonicalisation(expected, actual)) {
      return null;
    }
    return path + ": expected " + describe(expected) + " but was " + describe(actual);
  }

  /**
   * The one change a round trip may make: a decimal string written without its leading zero
   * (Circle's docs send {@code ".01"}) is re-encoded as {@code "0.01"} by {@link
   * java.math.BigDecimal#toPlainString()}. Same value, same digits; nothing else is tolerated.
   */
  static boolean isLeadingZeroCanonicalisation(Object expected, Object actual) {
    if (!(expected instanceof String) || !(actual instanceof String)) {
      return false;
    }
    String e = (String) expected;
    String a = (String) actual;
    if (e.matches("\\.[0-9]+")) {
      return a.equals("0" + e);
    }
    if (e.matches("-\\.[0-9]+")) {
      return a.equals("-0" + e.substring(1));
    }
    return false;
  }

  private static String describe(Object v) {
    if (v instanceof String) {
      return "string \"" + v + "\"";
    }
    if (v instanceof Num) {
      return "number " + v;
    }
    return String.valueOf(v);
  }

  /** Fails (AssertionError) unless the two documents are equal as described above. */
  public static void assertJsonEquals(String expectedJson, String actualJson) {
    String d = difference(expectedJson, actualJson);
    if (d != null) {
      throw new AssertionError(
          "JSON differs at " + d + "\nexpected: " + expectedJson + "\nactual:   " + actualJson);
    }
  }
}
