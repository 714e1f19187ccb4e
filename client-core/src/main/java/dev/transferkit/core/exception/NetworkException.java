package dev.transferkit.core.exception;

import org.jspecify.annotations.Nullable;

/**
 * The request could not be completed over the network (connection refused, reset, timed out...),
 * and repeating it is safe: either it is a GET, or it is protected by an idempotency key (see
 * {@link #idempotencyKey()}), or the connection failed before the request was sent. Automatic
 * retries, if any were allowed, have already been used up.
 *
 * <p>A failure that makes repeating unsafe is an {@link OutcomeUnknownException} instead, which
 * deliberately does not extend this class, so that {@code catch (NetworkException e) { retry(); }}
 * never sends a payment twice.
 */
public class NetworkException extends TransferKitException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String idempotencyKey;

  public NetworkException(String message, Throwable cause) {
    this(message, cause, null);
  }

  public NetworkException(String message, Throwable cause, @Nullable String idempotencyKey) {
    super(message, cause);
    this.idempotencyKey = idempotencyKey;
  }

  /**
   * The idempotency key the failed request carried (filled by the client when the caller left it
   * empty), or null for a request without one. Send the same request with this key to repeat it
   * safely.
   */
  public @Nullable String idempotencyKey() {
    return idempotencyKey;
  }
}
