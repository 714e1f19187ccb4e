package dev.transferkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both paths of {@link SandboxValidationBenchmark} do the same work: the same verdicts on a valid and a bad body. */
class SandboxValidationBenchmarkTest {
  @Test
  void bothPathsAcceptTheDocumentedExchangeAndRefuseABrokenOne() throws Exception {
    SandboxValidationBenchmark b = new SandboxValidationBenchmark();
    b.setUp();
    assertEquals(List.of(), b.validatorOnly());
    assertEquals(List.of(), b.sandboxChecks());

    b.requestBytes = SandboxValidationBenchmark.REQUEST.replace("\"2500.00\",", "").getBytes(StandardCharsets.UTF_8);
    b.responseBytes = SandboxValidationBenchmark.RESPONSE.replace("\"complete\"", "\"done\"")
        .getBytes(StandardCharsets.UTF_8);
    b.responseTree = Json.parse(b.responseBytes);
    List<String> validator = b.validatorOnly();
    List<String> sandbox = b.sandboxChecks();
    assertFalse(validator.isEmpty());
    assertEquals(validator.size(), sandbox.size(), validator + " / " + sandbox);
    assertEquals(2, sandbox.size(), "one problem in the request (missing amount), one in the response: " + sandbox);
  }
}
