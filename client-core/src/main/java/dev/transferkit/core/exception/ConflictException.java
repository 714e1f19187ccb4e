package dev.transferkit.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The request conflicts with the current state of a resource (HTTP 409), e.g. Circle 155101 (user
 * already exists) or 155501 (wallet frozen). See {@link IdempotencyConflictException} for a reused
 * idempotency key.
 */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ConflictException(
      String message,
      int httpStatus,
      @Nullable String providerCode,
      @Nullable String providerMessage,
      @Nullable String requestId,
      String bodySnippet) {
    super(message, httpStatus, providerCode, providerMessage, requestId, bodySnippet);
  }
}
