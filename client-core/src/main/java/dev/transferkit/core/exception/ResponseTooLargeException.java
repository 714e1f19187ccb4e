package dev.transferkit.core.exception;

/**
 * A response body was longer than the client's {@code maxResponseBodySize} (10 MiB unless
 * configured). The client stopped reading at the limit (or before reading, when {@code
 * Content-Length} announced more) and closed the connection, so a server that never ends its body
 * cannot exhaust memory.
 *
 * <p>As with any {@link ResponseDecodingException}, the request itself may have been carried out:
 * for a create, look the resource up before sending it again.
 */
public class ResponseTooLargeException extends ResponseDecodingException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  public ResponseTooLargeException(String message, int httpStatus, long limit) {
    super(message, httpStatus, null);
    this.limit = limit;
  }

  /** The limit in bytes that the body exceeded. */
  public long limit() {
    return limit;
  }
}
