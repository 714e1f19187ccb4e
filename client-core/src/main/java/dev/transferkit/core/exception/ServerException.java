package dev.transferkit.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The provider failed (HTTP 5xx). GETs and idempotency-protected POSTs were already retried before
 * this was thrown.
 *
 * <p>For a create call without an idempotency key (Wyre, Streambird), a 5xx does not prove that
 * nothing happened: reconcile (fetch or list) before trying again.
 */
public class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ServerException(
      String message,
      int httpStatus,
      @Nullable String providerCode,
      @Nullable String providerMessage,
      @Nullable String requestId,
      String bodySnippet) {
    super(message, httpStatus, providerCode, providerMessage, requestId, bodySnippet);
  }
}
