package dev.transferkit.core.exception;

/**
 * A webhook delivery could not be authenticated: the signature is missing, malformed or does not
 * match the exact body, or the signing key is unknown. Reject the delivery (for example with HTTP
 * 400) and do not act on its content.
 */
public class WebhookSignatureException extends TransferKitException {
  private static final long serialVersionUID = 1L;

  public WebhookSignatureException(String message) {
    super(message);
  }

  public WebhookSignatureException(String message, Throwable cause) {
    super(message, cause);
  }
}
