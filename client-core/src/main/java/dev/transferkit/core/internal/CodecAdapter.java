package dev.transferkit.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import okio.BufferedSink;
import okio.BufferedSource;

/**
 * The Moshi adapter of a generated model: a bridge to its {@link JsonCodec}, so that Moshi users and TransferKit's
 * own converters decode and encode with the same code. Not public API.
 *
 * <p>Decoding takes the raw bytes of the next value from Moshi ({@link JsonReader#nextSource()}) and reads them with
 * {@link JsonIn}; error paths are prefixed with the value's path in the enclosing document. Encoding writes the
 * codec's bytes through {@link JsonWriter#valueSink()} (so the writer's indent does not apply inside a model).
 *
 * @param <T> the model type
 */
public final class CodecAdapter<T> extends JsonAdapter<T> {
  private final JsonCodec<T> codec;
  private final String name;

  /** The adapter of {@code codec}, named {@code name} in {@link #toString()}. */
  public CodecAdapter(JsonCodec<T> codec, String name) {
    this.codec = codec;
    this.name = name;
  }

  /** The codec this adapter bridges to. */
  public JsonCodec<T> codec() {
    return codec;
  }

  @Override
  public T fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    String path = reader.getPath();
    byte[] bytes;
    try (BufferedSource source = reader.nextSource()) {
      bytes = source.readByteArray();
    }
    JsonIn in = new JsonIn(bytes, 0, bytes.length, path);
    T value = codec.read(in);
    in.endDocument();
    return value;
  }

  @Override
  public void toJson(JsonWriter writer, T value) throws IOException {
    if (value == null) {
      writer.nullValue();
      return;
    }
    JsonOut out = new JsonOut();
    codec.write(out, value);
    try (BufferedSink sink = writer.valueSink()) {
      sink.write(out.buffer(), 0, out.size());
    }
  }

  @Override
  public String toString() {
    return "GeneratedJsonAdapter(" + name + ")";
  }
}
