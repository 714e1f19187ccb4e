package dev.transferkit.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The BigDecimal adapter registered for the Moshi-reflective baseline: reads the literal text of a
 * JSON number or string into a BigDecimal (digits and scale kept) and writes it back either as a
 * JSON string or as a JSON number.
 */
final class TextDecimalAdapter extends JsonAdapter<BigDecimal> {
  static final TextDecimalAdapter AS_STRING = new TextDecimalAdapter(true);
  static final TextDecimalAdapter AS_NUMBER = new TextDecimalAdapter(false);

  private final boolean asString;

  private TextDecimalAdapter(boolean asString) {
    this.asString = asString;
  }

  @Override
  public BigDecimal fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    return new BigDecimal(reader.nextString());
  }

  @Override
  public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (asString) {
      writer.value(value.toPlainString());
    } else {
      writer.value(value);
    }
  }
}
