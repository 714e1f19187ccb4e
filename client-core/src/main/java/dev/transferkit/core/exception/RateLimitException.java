package dev.transferkit.core.exception;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Too many requests (HTTP 429; Wyre {@code RateLimitException}). Retries (for calls that may be
 * retried) already honoured the provider's {@code Retry-After}; {@link #retryAfter()} tells how
 * long the provider asked to wait.
 */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  public RateLimitException(
      String message,
      int httpStatus,
      @Nullable String providerCode,
      @Nullable String providerMessage,
      @Nullable String requestId,
      String bodySnippet,
      @Nullable Duration retryAfter) {
    super(message, httpStatus, providerCode, providerMessage, requestId, bodySnippet);
    this.retryAfter = retryAfter;
  }

  /**
   * The wait the provider asked for in {@code Retry-After}, or null when it sent none (or an
   * unreadable one).
   */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
