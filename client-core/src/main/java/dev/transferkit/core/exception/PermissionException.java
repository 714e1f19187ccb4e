package dev.transferkit.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The credentials are valid but not allowed to do this (HTTP 403), e.g. an API key without the
 * needed permission or an operation the account is not enabled for.
 */
public class PermissionException extends ApiException {
  private static final long serialVersionUID = 1L;

  public PermissionException(
      String message,
      int httpStatus,
      @Nullable String providerCode,
      @Nullable String providerMessage,
      @Nullable String requestId,
      String bodySnippet) {
    super(message, httpStatus, providerCode, providerMessage, requestId, bodySnippet);
  }
}
