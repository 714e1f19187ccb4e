package dev.transferkit.core;

import dev.transferkit.core.exception.TransferKitException;
import java.util.concurrent.CompletableFuture;

/**
 * One invocation of an API operation, returned by every generated service method. Nothing is sent
 * until one of the execute methods is called; each {@code ApiCall} may be executed once (use {@link
 * #copy()} to repeat it).
 *
 * <p>Failures are always a {@link TransferKitException} subtype: an API error with the provider's
 * code and message, a network error, or an outcome-unknown error for a non-idempotent request whose
 * result cannot be known.
 *
 * @param <T> the decoded response body type ({@link Void} for none)
 */
public interface ApiCall<T> {
  /** Sends the request (with the client's retry policy) and returns the decoded body. */
  T execute();

  /**
   * Like {@link #execute()} but also returns the HTTP status and headers (e.g. Circle's {@code
   * Link} cursors).
   */
  ApiResponse<T> executeForResponse();

  /**
   * Sends the request asynchronously; the future completes with the body or a {@link
   * TransferKitException}.
   */
  CompletableFuture<T> executeAsync();

  /** Like {@link #executeAsync()} with status and headers. */
  CompletableFuture<ApiResponse<T>> executeForResponseAsync();

  /**
   * A new, unexecuted call for the same request. The request body is serialized again: for an
   * idempotency-protected create whose key was left unset, the copy gets a new key. To repeat the
   * very same request, set the key yourself (for example from {@link
   * dev.transferkit.core.exception.NetworkException#idempotencyKey()}).
   */
  ApiCall<T> copy();

  /** Cancels the call if it is in flight. */
  void cancel();
}
