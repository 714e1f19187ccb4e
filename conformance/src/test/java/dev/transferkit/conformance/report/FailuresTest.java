package dev.transferkit.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.transferkit.core.exception.InsufficientFundsException;
import dev.transferkit.core.exception.OutcomeUnknownException;
import dev.transferkit.core.exception.ServerException;
import org.junit.jupiter.api.Test;

/**
 * A failure reads type, status, provider code and message first, also when it is the cause of an
 * assertion.
 */
class FailuresTest {
  @Test
  void aClientExceptionShowsItsTypeStatusProviderCodeAndMessage() {
    ServerException e =
        new ServerException(
            "Circle answered 500: try again later", 500, "2", "Internal error", "r-1", "{}");

    assertEquals(
        "ServerException (HTTP 500, provider code 2, request id r-1): Internal error -- Circle answered 500:"
            + " try again later",
        Failures.describe(e));
  }

  @Test
  void theClientExceptionBehindAnOutcomeUnknownIsNamedToo() {
    ServerException cause = new ServerException("boom", 500, null, null, null, "");
    OutcomeUnknownException e =
        new OutcomeUnknownException("Reconcile before retrying", "POST /v1/transfers", cause);

    assertEquals(
        "OutcomeUnknownException: Reconcile before retrying\ncaused by ServerException (HTTP 500): boom",
        Failures.describe(e));
  }

  @Test
  void aStepAssertionCausedByAClientExceptionKeepsItsOwnMessageFirst() {
    InsufficientFundsException cause =
        new InsufficientFundsException("no funds", 400, "1", "Insufficient funds", null, "");
    AssertionError e = new AssertionError("an earlier call failed: no funds", cause);

    assertEquals(
        "an earlier call failed: no funds\ncaused by InsufficientFundsException (HTTP 400, provider code 1):"
            + " Insufficient funds -- no funds",
        Failures.describe(e));
  }
}
