package dev.transferkit.core.net;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.transferkit.core.Idempotent;
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
 * Request bodies of {@link Idempotent} operations: encodes the body and fills its idempotency key in one pass, so
 * the {@link RuntimeInterceptor} finds the key on the body instead of copying and rescanning the bytes. Bodies of
 * other operations are left to the next converter (Moshi's).
 */
final class KeyedJsonBodies extends Converter.Factory {
  static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private final Moshi moshi;
  private final Supplier<String> newKey;

  KeyedJsonBodies(Moshi moshi, Supplier<String> newKey) {
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
    if (idempotent == null) {
      return null;
    }
    JsonAdapter<Object> adapter = moshi.adapter(type);
    String field = idempotent.keyField();
    return value -> {
      Buffer buffer = new Buffer();
      try (JsonWriter writer = JsonWriter.of(buffer)) {
        adapter.toJson(writer, value);
      }
      IdempotencyKeys.Filled filled = IdempotencyKeys.ensure(buffer.readByteArray(), field, newKey);
      return new Keyed(filled.body, filled.key);
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
