package dev.transferkit.core.exception;

/**
 * A request that is not protected by an idempotency key (for example a Wyre or Streambird transfer
 * create or confirm) failed after it may have reached the provider: the connection dropped after
 * the request was sent, or the response did not arrive in time. The provider may or may not have
 * acted on it, so it was <b>not</b> retried automatically.
 *
 * <p>Do not simply send it again: that can move money twice. Reconcile first: fetch the resource by
 * id if you have one, list recent resources (filtered by source or user), or look for the {@code
 * customId} you set. The message says which operation failed and how to reconcile for that
 * provider.
 *
 * <p>Deliberately not a {@link NetworkException}: code that retries network errors must not retry
 * this one.
 */
public class OutcomeUnknownException extends TransferKitException {
  private static final long serialVersionUID = 1L;

  private final String operation;

  public OutcomeUnknownException(String message, String operation, Throwable cause) {
    super(message, cause);
    this.operation = operation;
  }

  /**
   * The operation whose outcome is unknown, as {@code METHOD path} (e.g. {@code POST
   * /v3/transfers}).
   */
  public String operation() {
    return operation;
  }
}
