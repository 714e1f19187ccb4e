package dev.transferkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link SandboxStartupBenchmark} measures a start that is complete: the sandbox answers the
 * provider request with its 200 (authenticated, validated, handled), and the baseline answers the
 * same request.
 */
class SandboxStartupBenchmarkTest {
  @Test
  void bothStartsEndWithTheRequestAnswered() throws Exception {
    SandboxStartupBenchmark b = new SandboxStartupBenchmark();
    assertEquals(200, b.sandbox());
    assertEquals(200, b.bareNetty());
  }
}
