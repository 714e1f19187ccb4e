package dev.transferkit.core.exception;

import org.jspecify.annotations.Nullable;

/** The resource does not exist (HTTP 404; Wyre reports {@code NotFoundException} with HTTP 400). */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(
      String message,
      int httpStatus,
      @Nullable String providerCode,
      @Nullable String providerMessage,
      @Nullable String requestId,
      String bodySnippet) {
    super(message, httpStatus, providerCode, providerMessage, requestId, bodySnippet);
  }
}
