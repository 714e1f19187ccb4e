package dev.transferkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Compiling every operation of every spec into the validator's schemas is quiet: the specs'
 * extension keywords ({@code x-transferkit-...}) are not reported as unknown.
 */
class SpecsLoadTest {
  @Test
  void compilingTheSpecsLogsNoWarning() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      Specs.load();
    } finally {
      System.setErr(err);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertFalse(log.contains("WARN"), log);
  }
}
