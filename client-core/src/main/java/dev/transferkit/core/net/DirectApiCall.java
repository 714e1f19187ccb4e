package dev.transferkit.core.net;

import dev.transferkit.core.ApiCall;
import dev.transferkit.core.ApiResponse;
import dev.transferkit.core.RequestOptions;
import dev.transferkit.core.exception.ApiException;
import dev.transferkit.core.exception.TransferKitException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An {@link ApiCall} of an {@link Endpoint}: one OkHttp call, its body decoded with the model's codec, errors
 * translated exactly as {@link ApiCallAdapterFactory} translates Retrofit's. Executed once; {@link #copy()} builds
 * the request again.
 */
final class DirectApiCall<T> implements ApiCall<T> {
  private final Endpoint<T> endpoint;
  private final RequestOptions options;
  private final Consumer<Endpoint.Parameters> parameters;
  private Request request;
  private Call call;
  private boolean executed;
  private volatile boolean canceled;

  DirectApiCall(Endpoint<T> endpoint, RequestOptions options, Consumer<Endpoint.Parameters> parameters) {
    this.endpoint = endpoint;
    this.options = options;
    this.parameters = parameters;
  }

  @Override
  public T execute() {
    Response response = send();
    if (response.isSuccessful()) {
      return body(response);
    }
    throw toError(response);
  }

  @Override
  public ApiResponse<T> executeForResponse() {
    return toApiResponse(send());
  }

  private synchronized Call start() {
    if (executed) {
      throw new IllegalStateException("Already executed.");
    }
    executed = true;
    request = endpoint.request(options, parameters);
    call = endpoint.services.client.newCall(request);
    if (canceled) {
      call.cancel();
    }
    return call;
  }

  private Response send() {
    try {
      return start().execute();
    } catch (IOException | RuntimeException e) {
      throw translate(e);
    }
  }

  private T body(Response response) {
    ResponseBody body = response.body();
    int code = response.code();
    try {
      if (body == null || code == 204 || code == 205) {
        if (body != null) {
          body.close();
        }
        return null;
      }
      return endpoint.decode(body);
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
    Call c;
    try {
      c = start();
    } catch (RuntimeException e) {
      future.completeExceptionally(translate(e));
      return future;
    }
    c.enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        try {
          future.complete(toApiResponse(response));
        } catch (TransferKitException e) {
          future.completeExceptionally(e);
        } catch (RuntimeException e) {
          future.completeExceptionally(translate(e));
        }
      }

      @Override
      public void onFailure(Call call, IOException e) {
        future.completeExceptionally(translate(e));
      }
    });
    future.whenComplete((r, t) -> {
      if (future.isCancelled()) {
        c.cancel();
      }
    });
    return future;
  }

  @Override
  public ApiCall<T> copy() {
    return new DirectApiCall<>(endpoint, options, parameters);
  }

  @Override
  public void cancel() {
    canceled = true;
    Call c;
    synchronized (this) {
      c = call;
    }
    if (c != null) {
      c.cancel();
    }
  }

  private ApiResponse<T> toApiResponse(Response response) {
    if (response.isSuccessful()) {
      return new ApiResponse<>(response.code(), ApiCallAdapterFactory.headerMap(response.headers()), body(response));
    }
    throw toError(response);
  }

  private ApiException toError(Response response) {
    return ApiCallAdapterFactory.decodeError(
        endpoint.services.errorDecoder, response.code(), response.headers(), response.body());
  }

  private TransferKitException translate(Exception e) {
    return ApiCallAdapterFactory.translate(e, () -> {
      Request r;
      synchronized (this) {
        r = request;
      }
      return r == null ? "the request" : r.method() + " " + r.url().encodedPath();
    });
  }
}
