package dev.transferkit.core.internal;

import dev.transferkit.core.exception.TransferKitException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Carries a {@link TransferKitException} out of an OkHttp interceptor (which may only throw
 * IOException); {@link ApiCallAdapterFactory} unwraps it.
 */
final class TransferKitIOException extends IOException {
  private static final long serialVersionUID = 1L;

  private final TransferKitException exception;

  TransferKitIOException(TransferKitException exception) {
    super(exception.getMessage(), exception);
    this.exception = exception;
  }

  TransferKitException exception() {
    return exception;
  }

  /** The TransferKit exception somewhere in the cause chain of {@code t}, or null. */
  static @Nullable TransferKitException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TransferKitIOException) {
        return ((TransferKitIOException) c).exception;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
