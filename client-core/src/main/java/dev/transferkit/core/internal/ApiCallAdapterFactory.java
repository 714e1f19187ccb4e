package dev.transferkit.core.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import dev.transferkit.core.ApiCall;
import dev.transferkit.core.ApiResponse;
import dev.transferkit.core.exception.ApiException;
import dev.transferkit.core.exception.NetworkException;
import dev.transferkit.core.exception.ResponseDecodingException;
import dev.transferkit.core.exception.TransferKitException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.Headers;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Lets generated service methods return {@link ApiCall}: non-2xx responses become typed exceptions
 * through the provider's {@link ErrorDecoder}, I/O failures become {@link NetworkException}, and
 * bodies that break the contract become {@link ResponseDecodingException}. Thread-safe.
 */
public final class ApiCallAdapterFactory extends CallAdapter.Factory {
  static final int SNIPPET_LENGTH = 512;

  private final ErrorDecoder errorDecoder;

  public ApiCallAdapterFactory(ErrorDecoder errorDecoder) {
    this.errorDecoder = Objects.requireNonNull(errorDecoder, "errorDecoder");
  }

  @Override
  public @Nullable CallAdapter<?, ?> get(
      Type returnType, Annotation[] annotations, Retrofit retrofit) {
    if (getRawType(returnType) != ApiCall.class) {
      return null;
    }
    if (!(returnType instanceof ParameterizedType)) {
      throw new IllegalStateException("ApiCall must be parameterized, e.g. ApiCall<Transfer>");
    }
    Type bodyType = getParameterUpperBound(0, (ParameterizedType) returnType);
    return new CallAdapter<Object, ApiCall<?>>() {
      @Override
      public Type responseType() {
        return bodyType;
      }

      @Override
      public ApiCall<?> adapt(Call<Object> call) {
        return new RetrofitApiCall<>(call, errorDecoder, bodyType != Void.class);
      }
    };
  }

  static final class RetrofitApiCall<T> implements ApiCall<T> {
    private final Call<T> call;
    private final ErrorDecoder errorDecoder;

    /** Whether the operation documents a response body (its type is not {@code Void}). */
    private final boolean hasBody;

    RetrofitApiCall(Call<T> call, ErrorDecoder errorDecoder, boolean hasBody) {
      this.call = call;
      this.errorDecoder = errorDecoder;
      this.hasBody = hasBody;
    }

    @Override
    public T execute() {
      Response<T> response = send();
      if (response.isSuccessful()) {
        return bodyOf(response); // no ApiResponse, no header map: nobody asked for them
      }
      throw toError(response);
    }

    /**
     * The decoded body; an operation that documents one never answers null: an empty body, a 204 or
     * the JSON {@code null} is a {@link ResponseDecodingException}.
     */
    private T bodyOf(Response<T> response) {
      T body = response.body();
      if (body == null && hasBody) {
        throw new ResponseDecodingException(
            "Response of "
                + operation()
                + " (HTTP "
                + response.code()
                + ") has no body, or the JSON null, where the contract documents one",
            response.code(),
            null);
      }
      return body;
    }

    @Override
    public ApiResponse<T> executeForResponse() {
      return toApiResponse(send());
    }

    private Response<T> send() {
      try {
        return call.execute();
      } catch (Credentials.Refused badCredential) {
        throw badCredential; // a per-call credential that cannot be sent: the caller's
        // IllegalArgumentException
      } catch (IOException | RuntimeException e) {
        throw translate(e);
      }
    }

    @Override
    public CompletableFuture<T> executeAsync() {
      return executeForResponseAsync().thenApply(ApiResponse::body);
    }

    @Override
    public CompletableFuture<ApiResponse<T>> executeForResponseAsync() {
      CompletableFuture<ApiResponse<T>> future = new CompletableFuture<>();
      call.enqueue(
          new Callback<T>() {
            @Override
            public void onResponse(Call<T> c, Response<T> response) {
              try {
                future.complete(toApiResponse(response));
              } catch (TransferKitException e) {
                future.completeExceptionally(e);
              }
            }

            @Override
            public void onFailure(Call<T> c, Throwable t) {
              future.completeExceptionally(
                  t instanceof Exception && !(t instanceof Credentials.Refused)
                      ? translate((Exception) t)
                      : t);
            }
          });
      // The dependent future only completes when this callback has run; nothing waits on it.
      CompletableFuture<?> unused =
          future.whenComplete(
              (r, t) -> {
                if (future.isCancelled()) {
                  call.cancel();
                }
              });
      return future;
    }

    @Override
    public ApiCall<T> copy() {
      return new RetrofitApiCall<>(call.clone(), errorDecoder, hasBody);
    }

    @Override
    public void cancel() {
      call.cancel();
    }

    private TransferKitException translate(Exception e) {
      return ApiCallAdapterFactory.translate(e, this::operation);
    }

    private String operation() {
      try {
        return call.request().method() + " " + call.request().url().encodedPath();
      } catch (RuntimeException requestCannotBeBuilt) { // e.g. a null @Body: the same error again
        return "the request";
      }
    }

    private ApiResponse<T> toApiResponse(Response<T> response) {
      if (response.isSuccessful()) {
        return new ApiResponse<>(response.code(), headerMap(response.headers()), bodyOf(response));
      }
      throw toError(response);
    }

    private ApiException toError(Response<T> response) {
      return decodeError(errorDecoder, response.code(), response.headers(), response.errorBody());
    }
  }

  /**
   * The TransferKitException for a failure of a call: one an interceptor raised as is, a body that
   * breaks the contract as ResponseDecodingException, an I/O failure as NetworkException, anything
   * else wrapped.
   */
  static TransferKitException translate(
      Exception e, java.util.function.Supplier<String> operationOf) {
    if (e instanceof TransferKitException) {
      return (TransferKitException) e;
    }
    TransferKitException fromInterceptor = TransferKitIOException.find(e);
    if (fromInterceptor != null) {
      return fromInterceptor;
    }
    String operation = operationOf.get();
    if (e instanceof JsonDataException || e instanceof JsonEncodingException) {
      return new ResponseDecodingException(
          "Response of " + operation + " does not match the contract: " + e.getMessage(), 200, e);
    }
    if (e instanceof IOException) {
      return new NetworkException(
          "Network failure on "
              + operation
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          e);
    }
    return new TransferKitException("Unexpected failure on " + operation + ": " + e, e);
  }

  /** The provider's error for a non-2xx answer whose body is {@code errorBody} (closed here). */
  static ApiException decodeError(
      ErrorDecoder errorDecoder, int status, Headers headers, ResponseBody errorBody) {
    String body;
    try (ResponseBody b = errorBody) {
      body = b == null ? "" : b.string();
    } catch (IOException e) {
      body = "";
    }
    ApiException decoded = errorDecoder.decode(status, headers, body);
    if (decoded == null) {
      throw new IllegalStateException("ErrorDecoder returned null");
    }
    return decoded;
  }

  static Map<String, List<String>> headerMap(Headers headers) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String name : headers.names()) {
      map.put(name.toLowerCase(Locale.ROOT), Collections.unmodifiableList(headers.values(name)));
    }
    return Collections.unmodifiableMap(map);
  }

  /** The first {@value #SNIPPET_LENGTH} characters of {@code body}. */
  public static String snippet(String body) {
    return body.length() <= SNIPPET_LENGTH ? body : body.substring(0, SNIPPET_LENGTH);
  }

  /** An {@link ErrorDecoder} that knows no provider format: status and snippet only. */
  public static ErrorDecoder genericErrorDecoder() {
    return (status, headers, body) ->
        new ApiException(
            "HTTP " + status + (body.isEmpty() ? " with an empty body" : ": " + snippet(body)),
            status,
            null,
            null,
            null,
            snippet(body));
  }
}
