package dev.transferkit.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The credentials were refused (HTTP 401): a missing, malformed or revoked API key, or a bad
 * request signature.
 *
 * <p>Circle's user-token errors are reported here too, whatever their HTTP status: 155103 (token
 * not found), 155104 (token expired; Circle user tokens live 60 minutes) and 155105 (token
 * invalid). The fix is the same for all three: obtain a fresh user token ({@code
 * users().getUserToken}) and repeat the call with it.
 */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(
      String message,
      int httpStatus,
      @Nullable String providerCode,
      @Nullable String providerMessage,
      @Nullable String requestId,
      String bodySnippet) {
    super(message, httpStatus, providerCode, providerMessage, requestId, bodySnippet);
  }
}
