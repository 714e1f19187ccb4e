package dev.transferkit.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The request was rejected as invalid (HTTP 400 or 422): fix it before sending it again. For
 * example Circle 2 (validation, with per-field details in {@link #bodySnippet()}), Circle 5020
 * (missing or invalid {@code purposeOfTransfer}), Wyre {@code ValidationException}.
 */
public class InvalidRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(
      String message,
      int httpStatus,
      @Nullable String providerCode,
      @Nullable String providerMessage,
      @Nullable String requestId,
      String bodySnippet) {
    super(message, httpStatus, providerCode, providerMessage, requestId, bodySnippet);
  }
}
