package dev.transferkit.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * A response body did not match the contract (empty, {@code null}, malformed JSON, a missing
 * required field, a wrong type, an amount outside the number grammar) or was too large to read
 * ({@link ResponseTooLargeException}). The HTTP request itself succeeded: for a create call, the
 * resource may exist; fetch it by id before retrying.
 */
public class ResponseDecodingException extends TransferKitException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  public ResponseDecodingException(String message, int httpStatus, @Nullable Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
