package dev.transferkit.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.http.Header;

/**
 * TransferKit's one Retrofit converter for JSON bodies, on the provider's Moshi (generated
 * adapters):
 *
 * <ul>
 *   <li>request bodies are encoded with the type's adapter; the body of an {@link Idempotent}
 *       operation gets its idempotency key set on the request model before it is encoded (when the
 *       caller left it unset), and carries the key to the {@link RuntimeInterceptor} ({@link
 *       Keyed});
 *   <li>response bodies are decoded like Moshi's own converter does (a UTF-8 BOM skipped, nothing
 *       may follow the document), but the source that was read is closed afterwards. Retrofit hands
 *       converters a wrapper whose {@code close()} does not close the buffered source it created,
 *       and Moshi stops reading at trailing whitespace: that source then kept the last 8 KiB okio
 *       segment of every response away from okio's pool.
 * </ul>
 */
final class JsonBodies extends Converter.Factory {
  static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  private final Moshi moshi;
  private final Supplier<String> newKey;
  private final Redaction redaction;

  JsonBodies(Moshi moshi, Supplier<String> newKey, Redaction redaction) {
    this.moshi = moshi;
    this.newKey = newKey;
    this.redaction = redaction;
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(
      Type type,
      Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations,
      Retrofit retrofit) {
    Idempotent idempotent = null;
    for (Annotation a : methodAnnotations) {
      if (a instanceof Idempotent) {
        idempotent = (Idempotent) a;
      }
    }
    JsonAdapter<Object> adapter = moshi.adapter(type);
    if (idempotent == null) {
      return value -> RequestBody.create(encode(adapter, value), JSON);
    }
    String keyField = idempotent.keyField();
    RuntimeKeyed<?> runtimeKeyed = runtimeKeyed(adapter);
    if (runtimeKeyed == null || !runtimeKeyed.runtimeKeyField().equals(keyField)) {
      // The spec marks the operation idempotent, so the generator gave its body model a key-filling
      // adapter; any other
      // body would be sent without a key and could be charged twice on a retry.
      throw new IllegalArgumentException(
          "The body of an @Idempotent operation must be a generated request model whose "
              + "property '"
              + keyField
              + "' is filled at run time; "
              + type
              + " is not");
    }
    @SuppressWarnings("unchecked")
    RuntimeKeyed<Object> keyed = (RuntimeKeyed<Object>) runtimeKeyed;
    return value -> {
      String key = keyed.runtimeKey(value);
      Object toSend = value;
      if (key == null || key.isEmpty()) {
        key = newKey.get();
        toSend = keyed.withRuntimeKey(value, key);
      }
      return new Keyed(encode(adapter, toSend), key);
    };
  }

  /**
   * The key-filling side of a request model's generated adapter, or null when it has none. Moshi
   * hands out the generated adapter wrapped in its null-safe adapter ({@link
   * JsonCodecs#unwrapNullSafe}); the generated adapter stays package-private so that no internal
   * type shows in a client's public API.
   */
  static @Nullable RuntimeKeyed<?> runtimeKeyed(JsonAdapter<?> adapter) {
    JsonAdapter<?> generated = JsonCodecs.unwrapNullSafe(adapter);
    return generated instanceof RuntimeKeyed ? (RuntimeKeyed<?>) generated : null;
  }

  private static byte[] encode(JsonAdapter<Object> adapter, Object value) throws IOException {
    if (value == null) {
      throw new IllegalArgumentException("Body parameter value must not be null.");
    }
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      adapter.toJson(writer, value);
    }
    return buffer.readByteArray();
  }

  @Override
  public Converter<okhttp3.ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    JsonAdapter<Object> adapter = moshi.adapter(type);
    return body -> {
      try (okio.BufferedSource source =
          body.source()) { // closing it returns its segments to okio's pool
        if (source.exhausted()) {
          return null; // an empty body: the call adapter reports it with the status
        }
        return JsonCodecs.decodeDocument(adapter, source);
      } catch (EOFException truncated) {
        // The runtime read the whole body before decoding: this is a truncated document, not a
        // network failure.
        throw new JsonEncodingException("The JSON document ends early: " + truncated.getMessage());
      } finally {
        body.close();
      }
    };
  }

  /**
   * Converts {@code @Header} parameters. Credential headers (those the spec marks secret, such as
   * {@code X-User-Token}: {@link Redaction#isSecretHeader}) are checked with {@link
   * Credentials#check}, so a bad token is refused with an IllegalArgumentException that names the
   * header, before OkHttp can refuse it with one quoting the value.
   */
  @Override
  public @Nullable Converter<?, String> stringConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    for (Annotation a : annotations) {
      if (a instanceof Header && redaction.isSecretHeader(((Header) a).value())) {
        String name = ((Header) a).value();
        return value -> Credentials.check(String.valueOf(value), name);
      }
    }
    return null;
  }

  /** A JSON body with the idempotency key it carries. Replayable. */
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
