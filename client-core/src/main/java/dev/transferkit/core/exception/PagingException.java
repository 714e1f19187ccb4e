package dev.transferkit.core.exception;

/**
 * Auto-paging stopped because the server's pages would never end: it returned a cursor already
 * followed in the same iteration, a page identical to the previous one, or ignored the requested
 * offset. Iterating again starts over from the first page; a list that keeps failing this way is a
 * server (or proxy) fault to report.
 */
public class PagingException extends TransferKitException {
  private static final long serialVersionUID = 1L;

  private final String operation;

  public PagingException(String message, String operation) {
    super(message);
    this.operation = operation;
  }

  /**
   * The list operation that was being paged (the generated method's name, e.g. {@code
   * listPayouts}).
   */
  public String operation() {
    return operation;
  }
}
