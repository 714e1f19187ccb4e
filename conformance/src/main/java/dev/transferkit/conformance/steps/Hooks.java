package dev.transferkit.conformance.steps;

import dev.transferkit.conformance.spec.Violation;
import dev.transferkit.conformance.targets.Provider;
import dev.transferkit.sandbox.ResponseViolation;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.AfterStep;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.ParameterType;
import io.cucumber.java.Scenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/** Run set-up, per-scenario gating (skips with a reason) and the spec check after every step. */
public final class Hooks {
  static final String SANDBOX_CONTROL = "@sandbox-control";

  private ScenarioContext ctx;
  private int sandboxViolationsSeen;

  @BeforeAll
  public static void startRun() {
    Conformance.start();
  }

  @AfterAll
  public static void stopRun() {
    Conformance.stop();
  }

  /** Amounts as the docs write them: {@code 2500.00}, {@code 0}, {@code .01}; exact. */
  @ParameterType("[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)")
  public BigDecimal amount(String text) {
    return new BigDecimal(text);
  }

  @Before(order = 0)
  public void gate(Scenario scenario) {
    ctx = ScenarioContext.begin();
    Conformance run = ctx.run();
    ctx.provider =
        Provider.fromTags(new java.util.HashSet<>(scenario.getSourceTagNames()))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "scenario '"
                            + scenario.getName()
                            + "' has none of the provider tags @circle, @wyre, @streambird"));
    if (!run.target.isLocal()) {
      if (scenario.getSourceTagNames().contains(SANDBOX_CONTROL)) {
        throw new TestAbortedException(
            "skipped on target '"
                + run.target.kind().name().toLowerCase(Locale.ROOT)
                + "': the scenario needs sandbox control ("
                + SANDBOX_CONTROL
                + ": setting balances, entering the PIN or moving the clock), which only the local sandbox offers");
      }
      run.target
          .missingReason(ctx.provider)
          .ifPresent(
              reason -> {
                throw new TestAbortedException("skipped: " + reason);
              });
      return;
    }
    run.control.reset();
    run.webhooks.clear();
    run.drainViolations();
    sandboxViolationsSeen = run.target.sandbox().responseViolations().size();
  }

  @AfterStep
  public void checkAgainstSpecs() {
    Conformance run = ctx.run();
    List<String> problems = new ArrayList<>();
    for (Violation v : run.drainViolations()) {
      if (!(ctx.refusalExpected && v.refusedRequest())) {
        problems.add(v.toString());
      }
    }
    ctx.refusalExpected = false;
    if (run.target.isLocal()) {
      List<ResponseViolation> seen = run.target.sandbox().responseViolations();
      for (ResponseViolation v :
          seen.subList(Math.min(sandboxViolationsSeen, seen.size()), seen.size())) {
        problems.add("sandbox response broke the spec: " + v);
      }
      sandboxViolationsSeen = seen.size();
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          problems.stream()
              .collect(Collectors.joining("\n  ", "The exchange broke the spec:\n  ", "")));
    }
  }

  @After
  public void forget() {
    ctx.lastError = null;
  }
}
