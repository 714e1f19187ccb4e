package dev.transferkit.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The idempotency key was already used for a different request (Circle 1083 "Idempotency key
 * already bound to other request", 156020 "Please use a new idempotency key.", 500004), or an HTTP
 * 409 without a more specific code.
 *
 * <p>The original request (the one that first used the key) may well have succeeded: look it up
 * before creating a new request with a fresh key.
 */
public class IdempotencyConflictException extends ConflictException {
  private static final long serialVersionUID = 1L;

  public IdempotencyConflictException(
      String message,
      int httpStatus,
      @Nullable String providerCode,
      @Nullable String providerMessage,
      @Nullable String requestId,
      String bodySnippet) {
    super(message, httpStatus, providerCode, providerMessage, requestId, bodySnippet);
  }
}
