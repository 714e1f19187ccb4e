package dev.transferkit.streambird;

import dev.transferkit.core.internal.Stellar;
import java.util.Objects;

/**
 * A Stellar (XLM) transfer destination in Streambird's {@code ADDRESS:MEMO} form: Streambird
 * requires a memo after the address when sending XLM to an external address, e.g. {@code
 * GDQP2KPQGKIHYJGXNUIYOMHARUARCA7DJT5FO2FFOOKY3B2WSQHG4W37:3652667947}. Use {@link #toString()} as
 * the transfer's {@code dest}.
 *
 * <p>The address must be a Stellar account id with a valid checksum (a mistyped character is caught
 * before any money moves); the memo must be 1 to 28 UTF-8 bytes without ':'. Immutable.
 */
public final class XlmDestination {
  private final String address;
  private final String memo;

  private XlmDestination(String address, String memo) {
    this.address = address;
    this.memo = memo;
  }

  /**
   * The destination {@code address:memo}.
   *
   * @throws IllegalArgumentException naming the problem with the address or memo
   */
  public static XlmDestination of(String address, String memo) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(memo, "memo");
    String text = address + ":" + memo;
    String problem = Stellar.accountIdProblem(address);
    if (problem != null) {
      throw new IllegalArgumentException("Invalid XLM destination '" + text + "': " + problem);
    }
    String memoProblem = Stellar.memoProblem(memo);
    if (memoProblem != null) {
      throw new IllegalArgumentException("Invalid XLM destination '" + text + "': " + memoProblem);
    }
    return new XlmDestination(address, memo);
  }

  /**
   * Parses {@code ADDRESS:MEMO}.
   *
   * @throws IllegalArgumentException if there is no memo, or the address or memo is invalid
   */
  public static XlmDestination parse(String destination) {
    Objects.requireNonNull(destination, "destination");
    int colon = destination.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "Invalid XLM destination '"
              + destination
              + "': Streambird needs ADDRESS:MEMO (a memo after the address, separated by ':')");
    }
    return of(destination.substring(0, colon), destination.substring(colon + 1));
  }

  public String address() {
    return address;
  }

  public String memo() {
    return memo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof XlmDestination
        && ((XlmDestination) o).address.equals(address)
        && ((XlmDestination) o).memo.equals(memo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(address, memo);
  }

  /** {@code ADDRESS:MEMO}, the value for the transfer's {@code dest}. */
  @Override
  public String toString() {
    return address + ":" + memo;
  }
}
