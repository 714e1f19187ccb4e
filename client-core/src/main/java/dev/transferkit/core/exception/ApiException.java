package dev.transferkit.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The provider answered with an error status. Carries the HTTP status, the provider's error code
 * and message (when its error body could be decoded), the request id (when the provider sent one)
 * and a short snippet of the raw body.
 *
 * <p>The subtypes say what to do about it: {@link AuthenticationException}, {@link
 * PermissionException}, {@link NotFoundException}, {@link InvalidRequestException}, {@link
 * ConflictException} (and its {@link IdempotencyConflictException}), {@link
 * InsufficientFundsException}, {@link RateLimitException} and {@link ServerException}. A plain
 * {@code ApiException} is an error status none of them describes.
 *
 * <p>Immutable. Messages and snippets never contain secrets: the body snippet has {@code userToken}
 * and {@code encryptionKey} values masked.
 */
public class ApiException extends TransferKitException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final @Nullable String providerCode;
  private final @Nullable String providerMessage;
  private final @Nullable String requestId;
  private final String bodySnippet;

  public ApiException(
      String message,
      int httpStatus,
      @Nullable String providerCode,
      @Nullable String providerMessage,
      @Nullable String requestId,
      String bodySnippet) {
    super(message);
    this.httpStatus = httpStatus;
    this.providerCode = providerCode;
    this.providerMessage = providerMessage;
    this.requestId = requestId;
    this.bodySnippet = bodySnippet;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The provider's error code as text (Circle {@code 1093}, Wyre {@code ValidationException}...),
   * or null.
   */
  public @Nullable String providerCode() {
    return providerCode;
  }

  /** The provider's own error message, or null when the body could not be decoded. */
  public @Nullable String providerMessage() {
    return providerMessage;
  }

  /**
   * The request id to quote to the provider's support, or null: Circle's {@code X-Request-Id}
   * response header, Wyre's {@code exceptionId}.
   */
  public @Nullable String requestId() {
    return requestId;
  }

  /** At most the first 512 characters of the error body as received (secret fields masked). */
  public String bodySnippet() {
    return bodySnippet;
  }
}
