package dev.transferkit.core.net;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import dev.transferkit.core.ApiCall;
import dev.transferkit.core.RequestOptions;
import dev.transferkit.core.internal.CodecAdapter;
import dev.transferkit.core.internal.JsonCodec;
import dev.transferkit.core.internal.JsonIn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;

/**
 * One operation of a generated service, bound to a base URL and TransferKit's OkHttp client: the generated
 * implementations ({@code <Api>Calls}) call it instead of going through Retrofit's proxy, request factory and
 * response wrapper. Requests are the ones Retrofit builds from the same interface (same URL, query, headers, body,
 * tags); bodies of generated models are encoded and decoded with their codecs. Immutable and thread-safe.
 *
 * <p>Not for direct use: obtain services from a client facade.
 *
 * @param <T> the decoded response type ({@link Void} for none)
 */
public final class Endpoint<T> {
  final Services services;
  final String method;
  private final String[] segments; // literal segments, or null where a path parameter goes
  private final String[] parameters; // the path parameter of each null segment
  private final HttpUrl fixedUrl; // the URL when the path has no parameters
  final String keyField;
  private final JsonCodec<Object> requestCodec;
  private final JsonAdapter<Object> requestAdapter;
  private final JsonCodec<T> responseCodec;
  private final JsonAdapter<T> responseAdapter;
  final boolean voidResponse;

  @SuppressWarnings("unchecked")
  Endpoint(Services services, String method, String path, String keyField, Class<?> requestType,
      Class<T> responseType) {
    this.services = services;
    this.method = method;
    this.keyField = keyField;
    String[] parts = path.startsWith("/") ? path.substring(1).split("/", -1) : path.split("/", -1);
    segments = new String[parts.length];
    parameters = new String[parts.length];
    boolean hasParameters = false;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.startsWith("{") && p.endsWith("}") && p.indexOf('{', 1) < 0) {
        parameters[i] = p.substring(1, p.length() - 1);
        hasParameters = true;
      } else if (p.indexOf('{') >= 0 || p.indexOf('}') >= 0) {
        throw new IllegalArgumentException("Unsupported path template segment '" + p + "' in " + path);
      } else {
        segments[i] = p;
      }
    }
    fixedUrl = hasParameters ? null : append(services.baseUrl.newBuilder()).build();
    if (requestType == null) {
      requestAdapter = null;
      requestCodec = null;
    } else {
      requestAdapter = (JsonAdapter<Object>) services.moshi.adapter(requestType);
      requestCodec = JsonBodies.codecOf(requestAdapter);
    }
    voidResponse = responseType == Void.class;
    if (voidResponse) {
      responseAdapter = null;
      responseCodec = null;
    } else {
      responseAdapter = services.moshi.adapter(responseType);
      responseCodec = responseAdapter instanceof CodecAdapter ? ((CodecAdapter<T>) responseAdapter).codec() : null;
    }
  }

  /**
   * A call of this operation; {@code parameters} fills the request's path, query, header and body parameters each
   * time a request is built (once per execution, again for {@link ApiCall#copy()}).
   */
  public ApiCall<T> call(RequestOptions options, Consumer<Parameters> parameters) {
    return new DirectApiCall<>(this, options, parameters);
  }

  private HttpUrl.Builder append(HttpUrl.Builder url) {
    for (String s : segments) {
      url.addEncodedPathSegment(s);
    }
    return url;
  }

  /** Builds the request; any problem with the parameters is an IllegalArgumentException, as Retrofit reports it. */
  Request request(RequestOptions options, Consumer<Parameters> fill) {
    Parameters p = new Parameters();
    fill.accept(p);
    HttpUrl url;
    if (fixedUrl != null && p.queries == null) {
      url = fixedUrl;
    } else {
      HttpUrl.Builder b = services.baseUrl.newBuilder();
      for (int i = 0; i < segments.length; i++) {
        if (segments[i] != null) {
          b.addEncodedPathSegment(segments[i]);
        } else {
          b.addPathSegment(p.pathValue(parameters[i]));
        }
      }
      if (p.queries != null) {
        for (int i = 0; i < p.queries.size(); i += 2) {
          b.addQueryParameter(p.queries.get(i), p.queries.get(i + 1));
        }
      }
      url = b.build();
    }
    Request.Builder r = new Request.Builder().url(url);
    if (p.headers != null) {
      for (int i = 0; i < p.headers.size(); i += 2) {
        r.addHeader(p.headers.get(i), p.headers.get(i + 1));
      }
    }
    RequestBody body = null;
    if (requestAdapter != null) {
      if (p.body == null) {
        throw new IllegalArgumentException("Body parameter value must not be null.");
      }
      body = encode(p.body);
    } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
      body = RequestBody.create(new byte[0], null); // as Retrofit sends a bodiless POST
    }
    r.method(method, body);
    r.tag(RequestOptions.class, options);
    return r.build();
  }

  private RequestBody encode(Object value) {
    try {
      return JsonBodies.body(requestCodec, requestAdapter, keyField, services.newKey, value);
    } catch (IOException e) {
      throw new IllegalStateException("Could not encode the request body", e);
    }
  }

  /** Decodes a successful response's body (a UTF-8 BOM skipped, nothing may follow the document). */
  T decode(ResponseBody body) throws IOException {
    try (ResponseBody b = body) {
      if (voidResponse) {
        return null;
      }
      if (responseCodec != null) {
        return JsonIn.document(responseCodec, b.source().readByteArray());
      }
      okio.BufferedSource source = b.source();
      if (source.rangeEquals(0, okio.ByteString.decodeHex("EFBBBF"))) {
        source.skip(3);
      }
      JsonReader reader = JsonReader.of(source);
      T value = responseAdapter.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new com.squareup.moshi.JsonDataException("JSON document was not fully consumed.");
      }
      return value;
    }
  }

  /** The path, query, header and body parameters of one request, filled by the generated method. */
  public static final class Parameters {
    private List<String> paths;
    private List<String> queries;
    private List<String> headers;
    private Object body;

    Parameters() {}

    /** A path parameter (required: null is an error; so are "." and "..", which would change the path). */
    public Parameters path(String name, Object value) {
      if (value == null) {
        throw new IllegalArgumentException("Path parameter \"" + name + "\" value must not be null.");
      }
      String text = value.toString();
      if (text.equals(".") || text.equals("..")) {
        throw new IllegalArgumentException(
            "@Path parameters shouldn't perform path traversal ('" + text + "'): \"" + name + "\"");
      }
      if (paths == null) {
        paths = new ArrayList<>(4);
      }
      paths.add(name);
      paths.add(text);
      return this;
    }

    /** A query parameter; left out when null; an iterable value repeats the parameter for each non-null element. */
    public Parameters query(String name, Object value) {
      if (value == null) {
        return this;
      }
      if (queries == null) {
        queries = new ArrayList<>(8);
      }
      if (value instanceof Iterable) {
        for (Object v : (Iterable<?>) value) {
          if (v != null) {
            queries.add(name);
            queries.add(v.toString());
          }
        }
      } else {
        queries.add(name);
        queries.add(value.toString());
      }
      return this;
    }

    /** A header parameter; left out when null. */
    public Parameters header(String name, Object value) {
      if (value != null) {
        if (headers == null) {
          headers = new ArrayList<>(4);
        }
        headers.add(name);
        headers.add(value.toString());
      }
      return this;
    }

    /** The body. */
    public Parameters body(Object value) {
      this.body = value;
      return this;
    }

    String pathValue(String name) {
      if (paths != null) {
        for (int i = 0; i < paths.size(); i += 2) {
          if (paths.get(i).equals(name)) {
            return paths.get(i + 1);
          }
        }
      }
      throw new IllegalArgumentException("Path parameter \"" + name + "\" value must not be null.");
    }
  }

  /** What the endpoints of one base URL share; generated implementations get their endpoints from it. */
  public static final class Services {
    final HttpUrl baseUrl;
    final OkHttpClient client;
    final com.squareup.moshi.Moshi moshi;
    final ErrorDecoder errorDecoder;
    final java.util.function.Supplier<String> newKey;

    Services(HttpUrl baseUrl, OkHttpClient client, com.squareup.moshi.Moshi moshi, ErrorDecoder errorDecoder,
        java.util.function.Supplier<String> newKey) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      this.client = client;
      this.moshi = moshi;
      this.errorDecoder = errorDecoder;
      this.newKey = newKey;
    }

    /**
     * The endpoints of {@code baseUrl} on {@code client} (as is: none of the client facades' interceptors are added),
     * for tests and tools that drive a generated implementation directly.
     */
    public static Services of(HttpUrl baseUrl, OkHttpClient client, com.squareup.moshi.Moshi moshi,
        ErrorDecoder errorDecoder, java.util.function.Supplier<String> newKey) {
      return new Services(baseUrl, client, moshi, errorDecoder, newKey);
    }

    /**
     * The endpoint of one operation: {@code path} is relative to the base URL ({@code v1/transfers/{id}}, a
     * parameter filling a whole segment), {@code keyField} names the idempotency key's body member (null when the
     * operation has none), {@code requestType} is the body's type (null without a body).
     */
    public <T> Endpoint<T> endpoint(String method, String path, String keyField, Class<?> requestType,
        Class<T> responseType) {
      return new Endpoint<>(this, method, path, keyField, requestType, responseType);
    }
  }
}
