package dev.transferkit.core.exception;

/**
 * The provider answered with an error status. Carries the HTTP status, the provider's error code and message (when
 * its error body could be decoded), the request id (when the provider sent one) and a short snippet of the raw body.
 */
public class ApiException extends TransferKitException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String providerCode;
  private final String providerMessage;
  private final String requestId;
  private final String bodySnippet;

  public ApiException(
      String message, int httpStatus, String providerCode, String providerMessage, String requestId, String bodySnippet) {
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

  /** The provider's error code as text (Circle {@code 1093}, Wyre {@code ValidationException}...), or null. */
  public String providerCode() {
    return providerCode;
  }

  public String providerMessage() {
    return providerMessage;
  }

  public String requestId() {
    return requestId;
  }

  /** At most the first 512 characters of the error body as received. */
  public String bodySnippet() {
    return bodySnippet;
  }
}
