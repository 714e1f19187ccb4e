package dev.transferkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SandboxValidationBenchmark} measures real work: both paths accept the documented exchange
 * and find the same problems in a broken one.
 */
class SandboxValidationBenchmarkTest {
  @Test
  void acceptsTheDocumentedExchangeAndFindsBothProblemsOfABrokenOne() throws Exception {
    SandboxValidationBenchmark b = new SandboxValidationBenchmark();
    b.setUp();
    assertEquals(List.of(), b.sandboxChecks());
    assertEquals(List.of(), b.interactionValidator());

    b.requestBytes =
        SandboxValidationBenchmark.REQUEST
            .replace("\"2500.00\",", "")
            .getBytes(StandardCharsets.UTF_8);
    b.responseBytes =
        SandboxValidationBenchmark.RESPONSE
            .replace("\"complete\"", "\"done\"")
            .getBytes(StandardCharsets.UTF_8);
    b.responseTree = Json.parse(b.responseBytes);
    List<String> problems = b.sandboxChecks();
    assertEquals(
        2,
        problems.size(),
        "one problem in the request (missing amount), one in the response: " + problems);
    assertEquals(
        2,
        b.interactionValidator().size(),
        "the baseline finds the same two: " + b.interactionValidator());
  }
}
