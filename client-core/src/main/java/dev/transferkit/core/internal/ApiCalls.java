package dev.transferkit.core.internal;

import dev.transferkit.core.ApiCall;
import dev.transferkit.core.ApiResponse;
import dev.transferkit.core.exception.ResponseDecodingException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Generated code's helpers for {@link ApiCall}. Not public API. */
public final class ApiCalls {
  private ApiCalls() {}

  /**
   * The call answering the data of a documented response envelope ({@code {"data": ...}}): {@code
   * data} extracts it from the decoded envelope. An envelope without data is a {@link
   * ResponseDecodingException}, never a null.
   */
  public static <E, D> ApiCall<D> unwrap(ApiCall<E> call, Function<E, @Nullable D> data) {
    return new Unwrapped<>(call, data);
  }

  private static final class Unwrapped<E, D> implements ApiCall<D> {
    private final ApiCall<E> call;
    private final Function<E, @Nullable D> data;

    Unwrapped(ApiCall<E> call, Function<E, @Nullable D> data) {
      this.call = call;
      this.data = data;
    }

    private D dataOf(ApiResponse<E> response) {
      return dataOf(response.body(), response.status());
    }

    private D dataOf(@Nullable E envelope, int status) {
      D value = envelope == null ? null : data.apply(envelope);
      if (value == null) {
        throw new ResponseDecodingException(
            "The response envelope has no data (HTTP " + status + ")", status, null);
      }
      return value;
    }

    /**
     * Like the wrapped call's {@code execute()}: no {@link ApiResponse}, no header map, on the
     * common path.
     */
    @Override
    public D execute() {
      // execute() answers only for a 2xx; like the runtime's own contract errors without a response
      // at hand, 200.
      return dataOf(call.execute(), 200);
    }

    @Override
    public ApiResponse<D> executeForResponse() {
      ApiResponse<E> response = call.executeForResponse();
      return new ApiResponse<>(response.status(), response.headers(), dataOf(response));
    }

    @Override
    public CompletableFuture<D> executeAsync() {
      return call.executeAsync().thenApply(envelope -> dataOf(envelope, 200));
    }

    @Override
    public CompletableFuture<ApiResponse<D>> executeForResponseAsync() {
      return call.executeForResponseAsync()
          .thenApply(r -> new ApiResponse<>(r.status(), r.headers(), dataOf(r)));
    }

    @Override
    public ApiCall<D> copy() {
      return new Unwrapped<>(call.copy(), data);
    }

    @Override
    public void cancel() {
      call.cancel();
    }
  }
}
