package dev.transferkit.fuzz;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * A minimal JSON tree for structured mutation: objects are {@link LinkedHashMap}, arrays {@link
 * ArrayList}, numbers {@link RawNumber} (their literal text, written back verbatim even when it is
 * not a valid number).
 */
final class JsonTree {
  private JsonTree() {}

  /** A number literal kept as text; written verbatim. */
  static final class RawNumber extends Number {
    private static final long serialVersionUID = 1L;
    final String text;

    RawNumber(String text) {
      this.text = text;
    }

    @Override
    public int intValue() {
      throw new UnsupportedOperationException();
    }

    @Override
    public long longValue() {
      throw new UnsupportedOperationException();
    }

    @Override
    public float floatValue() {
      throw new UnsupportedOperationException();
    }

    @Override
    public double doubleValue() {
      throw new UnsupportedOperationException();
    }

    @Override
    public String toString() {
      return text;
    }
  }

  static Object parse(byte[] json) {
    try (JsonReader reader = JsonReader.of(new Buffer().write(json))) {
      return read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
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
        return new RawNumber(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      default:
        return reader.nextNull();
    }
  }

  /**
   * Writes the tree as JSON text (hand-rolled rather than Moshi's JsonWriter, which refuses more
   * than 255 levels: deeper documents are exactly what the reader must be tested with).
   */
  static byte[] write(Object tree) {
    StringBuilder sb = new StringBuilder();
    write(sb, tree);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder sb, Object value) {
    if (value instanceof Map) {
      sb.append('{');
      String sep = "";
      for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
        sb.append(sep);
        string(sb, e.getKey());
        sb.append(':');
        write(sb, e.getValue());
        sep = ",";
      }
      sb.append('}');
    } else if (value instanceof List) {
      sb.append('[');
      String sep = "";
      for (Object o : (List<Object>) value) {
        sb.append(sep);
        write(sb, o);
        sep = ",";
      }
      sb.append(']');
    } else if (value instanceof RawNumber) {
      sb.append(((RawNumber) value).text); // verbatim, even if not a valid number
    } else if (value instanceof String) {
      string(sb, (String) value);
    } else if (value instanceof Boolean) {
      sb.append(value);
    } else {
      sb.append("null");
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
