package dev.transferkit.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The source does not hold enough funds (Circle 1093, 155201, 5006; Wyre {@code
 * InsufficientFundsException}). Nothing was moved.
 */
public class InsufficientFundsException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InsufficientFundsException(
      String message,
      int httpStatus,
      @Nullable String providerCode,
      @Nullable String providerMessage,
      @Nullable String requestId,
      String bodySnippet) {
    super(message, httpStatus, providerCode, providerMessage, requestId, bodySnippet);
  }
}
