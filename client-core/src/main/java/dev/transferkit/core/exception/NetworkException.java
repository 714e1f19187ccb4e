package dev.transferkit.core.exception;

/** The request could not be completed over the network (connection refused, reset, timed out...). */
public class NetworkException extends TransferKitException {
  private static final long serialVersionUID = 1L;

  public NetworkException(String message, Throwable cause) {
    super(message, cause);
  }
}
