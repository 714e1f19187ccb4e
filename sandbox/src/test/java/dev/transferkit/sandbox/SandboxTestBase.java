package dev.transferkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One strict sandbox per test class on a free loopback port, reset to the seed before every test;
 * every test ends by checking that no response broke the spec.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxTestBase {
  static final Instant START = Instant.parse("2026-03-15T12:00:00Z");

  Sandbox sandbox;
  SandboxClock clock;
  private int violationsBefore;

  @BeforeAll
  void startSandbox() {
    clock = SandboxClock.at(START);
    sandbox = Sandbox.builder().port(0).clock(clock).strictResponses(true).build().start();
  }

  @AfterAll
  void stopSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @BeforeEach
  void resetSandbox() {
    sandbox.reset();
    violationsBefore = sandbox.responseViolations().size();
  }

  @AfterEach
  void noResponseBrokeTheSpec() {
    List<ResponseViolation> violations = sandbox.responseViolations();
    assertEquals(
        List.of(),
        violations.subList(violationsBefore, violations.size()),
        "responses that break the spec");
  }

  String circle(String path) {
    return sandbox.circleBaseUrl() + "/" + path;
  }

  String wyre(String path) {
    return sandbox.wyreBaseUrl() + "/" + path;
  }

  String streambird(String path) {
    return sandbox.streambirdBaseUrl() + "/" + path;
  }

  String admin(String path) {
    return sandbox.adminBaseUrl() + path;
  }

  static void assertAmount(String expected, String actual) {
    assertTrue(
        new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0,
        "expected amount " + expected + " but was " + actual);
  }
}
