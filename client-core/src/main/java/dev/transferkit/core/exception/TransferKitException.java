package dev.transferkit.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception TransferKit throws from an API call. Unchecked. Messages never contain
 * secrets (API keys, signatures, user tokens, encryption keys).
 */
public class TransferKitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransferKitException(String message) {
    super(message);
  }

  public TransferKitException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
