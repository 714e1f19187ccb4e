package dev.transferkit.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The adapter for a schema that allows any JSON value (generated as {@code Object}, e.g. Circle's
 * {@code abiParameters} items): objects as {@code Map<String, Object>} in document order, arrays as
 * {@code List}, strings, booleans and null as themselves, and numbers as {@link BigDecimal} read
 * from their text with {@link JsonCodecs#readDecimal}. Moshi's built-in {@code Object} adapter
 * reads numbers as {@code double}, which silently changes a contract argument such as a uint256
 * amount beyond 2^53; this one keeps every digit and writes it back as an equal JSON number (as the
 * models' exact numbers are written), and keeps members whose value is null. Other Java types given
 * for encoding go to Moshi's adapter for their class.
 */
final class AnyJsonValue extends JsonAdapter<Object> {
  /** Registered by {@link Json#moshi} for {@code Object} without qualifier annotations. */
  static final JsonAdapter.Factory FACTORY =
      (Type type, Set<? extends java.lang.annotation.Annotation> annotations, Moshi moshi) ->
          type == Object.class && annotations.isEmpty() ? new AnyJsonValue(moshi) : null;

  private final Moshi moshi;

  AnyJsonValue(Moshi moshi) {
    this.moshi = moshi;
  }

  @Override
  public @Nullable Object fromJson(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (object.containsKey(name)) {
            throw new JsonDataException(
                "Duplicate member '" + name + "' at path " + reader.getPath());
          }
          object.put(name, fromJson(reader));
        }
        reader.endObject();
        return object;
      case BEGIN_ARRAY:
        List<@Nullable Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(fromJson(reader));
        }
        reader.endArray();
        return array;
      case STRING:
        return reader.nextString();
      case NUMBER:
        return JsonCodecs.readDecimal(reader);
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonDataException(
            "Expected a JSON value but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  @Override
  public void toJson(JsonWriter writer, @Nullable Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        String name = String.valueOf(e.getKey());
        if (e.getValue() == null) {
          JsonCodecs.writeExplicitNull(
              writer, name); // a member that was null is written back, not dropped
        } else {
          writer.name(name);
          toJson(writer, e.getValue());
        }
      }
      writer.endObject();
    } else if (value instanceof List) {
      writer.beginArray();
      for (Object item : (List<?>) value) {
        toJson(writer, item);
      }
      writer.endArray();
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Boolean) {
      writer.value((Boolean) value);
    } else if (value instanceof BigDecimal) {
      JsonCodecs.DECIMAL_NUMBER.toJson(writer, (BigDecimal) value);
    } else {
      writeAs(writer, value, value.getClass());
    }
  }

  @SuppressWarnings("unchecked")
  private <T> void writeAs(JsonWriter writer, Object value, Class<T> type) throws IOException {
    moshi.adapter(type).toJson(writer, (T) value);
  }

  @Override
  public String toString() {
    return "JsonAdapter(any JSON value, exact numbers)";
  }
}
