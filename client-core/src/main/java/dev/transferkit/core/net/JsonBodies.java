package dev.transferkit.core.net;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.transferkit.core.Idempotent;
import dev.transferkit.core.internal.CodecAdapter;
import dev.transferkit.core.internal.JsonCodec;
import dev.transferkit.core.internal.JsonIn;
import dev.transferkit.core.internal.JsonOut;
import dev.transferkit.core.internal.RuntimeKeyed;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * TransferKit's Retrofit converters, ahead of Moshi's:
 *
 * <ul>
 *   <li>request bodies of {@link Idempotent} operations: encoded with the idempotency key filled in one pass, so the
 *       {@link RuntimeInterceptor} finds the key on the body instead of copying and rescanning the bytes (bodies of
 *       other operations are left to Moshi's converter);
 *   <li>bodies of generated models: encoded and decoded directly with the model's {@link JsonCodec} on the bytes
 *       (no okio reader or writer in between); any other type goes through its Moshi adapter;
 *   <li>response bodies: decoded like Moshi's converter does (a UTF-8 BOM skipped, nothing may follow the document),
 *       but the source that was read is closed afterwards. Retrofit hands converters a wrapper whose {@code close()}
 *       does not close the buffered source it created, and Moshi stops reading at trailing whitespace: that source
 *       then kept the last 8 KiB okio segment of every response away from okio's pool (measured: one new segment
 *       allocated per call).
 * </ul>
 */
final class JsonBodies extends Converter.Factory {
  private static final okio.ByteString UTF8_BOM = okio.ByteString.decodeHex("EFBBBF");

  static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private final Moshi moshi;
  private final Supplier<String> newKey;

  JsonBodies(Moshi moshi, Supplier<String> newKey) {
    this.moshi = moshi;
    this.newKey = newKey;
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(
      Type type, Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit retrofit) {
    Idempotent idempotent = null;
    for (Annotation a : methodAnnotations) {
      if (a instanceof Idempotent) {
        idempotent = (Idempotent) a;
      }
    }
    JsonAdapter<Object> adapter = moshi.adapter(type);
    JsonCodec<Object> codec = codecOf(adapter);
    if (idempotent == null && codec == null) {
      return null; // Moshi's converter
    }
    String field = idempotent == null ? null : idempotent.keyField();
    return value -> {
      if (value == null) {
        throw new IllegalArgumentException("Body parameter value must not be null.");
      }
      return body(codec, adapter, field, newKey, value);
    };
  }

  /**
   * The request body of {@code value} (not null): encoded with its codec when it has one, else with its Moshi adapter.
   * With a {@code keyField} (an idempotency-protected operation) it carries its key ({@link Keyed}): a generated
   * request model gets an unset or empty key set on the value before it is encoded once; any other body gets it
   * filled in its encoded bytes. Shared by this converter and the generated call path ({@link Endpoint}).
   */
  static RequestBody body(JsonCodec<Object> codec, JsonAdapter<Object> adapter, String keyField,
      Supplier<String> newKey, Object value) throws IOException {
    if (keyField != null && codec != null && value instanceof RuntimeKeyed
        && ((RuntimeKeyed<?>) value).runtimeKeyField().equals(keyField)) {
      RuntimeKeyed<?> keyed = (RuntimeKeyed<?>) value;
      String key = keyed.runtimeKey();
      Object toSend = value;
      if (key == null || key.isEmpty()) {
        key = newKey.get();
        toSend = keyed.withRuntimeKey(key);
      }
      return new Keyed(encode(codec, adapter, toSend), key);
    }
    byte[] json = encode(codec, adapter, value);
    if (keyField != null) {
      IdempotencyKeys.Filled filled = IdempotencyKeys.ensure(json, keyField, newKey);
      return new Keyed(filled.body, filled.key);
    }
    return RequestBody.create(json, JSON);
  }

  private static byte[] encode(JsonCodec<Object> codec, JsonAdapter<Object> adapter, Object value) throws IOException {
    if (codec != null) {
      JsonOut out = new JsonOut();
      codec.write(out, value);
      return out.toByteArray();
    }
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      adapter.toJson(writer, value);
    }
    return buffer.readByteArray();
  }

  /** The codec behind a generated model's adapter, or null for any other adapter. */
  @SuppressWarnings("unchecked")
  static JsonCodec<Object> codecOf(JsonAdapter<?> adapter) {
    return adapter instanceof CodecAdapter ? ((CodecAdapter<Object>) adapter).codec() : null;
  }

  @Override
  public Converter<okhttp3.ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    JsonAdapter<Object> adapter = moshi.adapter(type);
    JsonCodec<Object> codec = codecOf(adapter);
    if (codec != null) {
      return body -> {
        byte[] bytes;
        try {
          bytes = body.source().readByteArray();
        } finally {
          body.close();
        }
        return JsonIn.document(codec, bytes);
      };
    }
    return body -> {
      okio.BufferedSource source = body.source();
      try (JsonReader reader = JsonReader.of(source)) { // closing the reader closes (and recycles) the source
        if (source.rangeEquals(0, UTF8_BOM)) {
          source.skip(UTF8_BOM.size());
        }
        Object value = adapter.fromJson(reader);
        if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
          throw new com.squareup.moshi.JsonDataException("JSON document was not fully consumed.");
        }
        return value;
      } finally {
        body.close();
      }
    };
  }

  /** A JSON body with the idempotency key it carries (null when it is not a JSON object). Replayable. */
  static final class Keyed extends RequestBody {
    private final byte[] bytes;
    final String key;

    Keyed(byte[] bytes, String key) {
      this.bytes = bytes;
      this.key = key;
    }

    @Override
    public MediaType contentType() {
      return JSON;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.write(bytes);
    }
  }
}
