package dev.transferkit.core.internal;

import dev.transferkit.core.exception.ApiException;
import dev.transferkit.core.exception.AuthenticationException;
import dev.transferkit.core.exception.ConflictException;
import dev.transferkit.core.exception.IdempotencyConflictException;
import dev.transferkit.core.exception.InsufficientFundsException;
import dev.transferkit.core.exception.InvalidRequestException;
import dev.transferkit.core.exception.NotFoundException;
import dev.transferkit.core.exception.PermissionException;
import dev.transferkit.core.exception.RateLimitException;
import dev.transferkit.core.exception.ServerException;
import org.jspecify.annotations.Nullable;

/**
 * What an error response means, independent of the provider; each kind has its {@link ApiException}
 * subtype. Provider {@link ErrorDecoder}s pick the kind from the provider's error code when they
 * know it, else from the HTTP status ({@link #forStatus}).
 */
public enum ErrorKind {
  AUTHENTICATION,
  PERMISSION,
  NOT_FOUND,
  INVALID_REQUEST,
  CONFLICT,
  IDEMPOTENCY_CONFLICT,
  INSUFFICIENT_FUNDS,
  RATE_LIMIT,
  SERVER,
  /** An error status no other kind describes; a plain {@link ApiException}. */
  OTHER;

  /**
   * The kind an HTTP status implies on its own: 401, 403, 404, 400/422, 409, 429, 5xx; anything
   * else is OTHER.
   */
  public static ErrorKind forStatus(int status) {
    switch (status) {
      case 400:
      case 422:
        return INVALID_REQUEST;
      case 401:
        return AUTHENTICATION;
      case 403:
        return PERMISSION;
      case 404:
        return NOT_FOUND;
      case 409:
        return IDEMPOTENCY_CONFLICT;
      case 429:
        return RATE_LIMIT;
      default:
        return status >= 500 && status <= 599 ? SERVER : OTHER;
    }
  }

  /** The exception of this kind (retryAfter is used by RATE_LIMIT only). */
  ApiException newException(
      String message,
      int status,
      @Nullable String code,
      @Nullable String providerMessage,
      @Nullable String requestId,
      String snippet,
      java.time.@Nullable Duration retryAfter) {
    switch (this) {
      case AUTHENTICATION:
        return new AuthenticationException(
            message, status, code, providerMessage, requestId, snippet);
      case PERMISSION:
        return new PermissionException(message, status, code, providerMessage, requestId, snippet);
      case NOT_FOUND:
        return new NotFoundException(message, status, code, providerMessage, requestId, snippet);
      case INVALID_REQUEST:
        return new InvalidRequestException(
            message, status, code, providerMessage, requestId, snippet);
      case CONFLICT:
        return new ConflictException(message, status, code, providerMessage, requestId, snippet);
      case IDEMPOTENCY_CONFLICT:
        return new IdempotencyConflictException(
            message, status, code, providerMessage, requestId, snippet);
      case INSUFFICIENT_FUNDS:
        return new InsufficientFundsException(
            message, status, code, providerMessage, requestId, snippet);
      case RATE_LIMIT:
        return new RateLimitException(
            message, status, code, providerMessage, requestId, snippet, retryAfter);
      case SERVER:
        return new ServerException(message, status, code, providerMessage, requestId, snippet);
      default:
        return new ApiException(message, status, code, providerMessage, requestId, snippet);
    }
  }
}
