package dev.transferkit.conformance.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A response broke the spec: thrown from the call that received it, so that it is the failure of
 * the step and of the scenario, ahead of whatever the client would have made of the response. An
 * {@link AssertionError}, so no handler of the client's exceptions (which are {@code
 * RuntimeException}s and {@code IOException}s) can take it for one of its own. The message starts
 * with the first violation: spec file, operation, field and value.
 */
public final class ConformanceFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public ConformanceFailure(List<Violation> violations) {
    super(violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
    this.violations = List.copyOf(violations);
  }

  /** What broke the spec, first the one the message starts with. */
  public List<Violation> violations() {
    return violations;
  }
}
