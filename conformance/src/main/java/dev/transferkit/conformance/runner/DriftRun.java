package dev.transferkit.conformance.runner;

import dev.transferkit.conformance.drift.DriftCompare;
import dev.transferkit.conformance.targets.Fixtures;
import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code --compare DIR}: the recordings in DIR replayed against a fresh embedded sandbox; the
 * report printed and kept.
 */
final class DriftRun {
  private DriftRun() {}

  /** 0: the sandbox answers like the recordings; 1: it differs somewhere. */
  static int compare(Path recordings, Path fixtures, Path reportDir, PrintStream console) {
    if (!Files.isDirectory(recordings)) {
      throw new IllegalArgumentException("--compare: no such directory: " + recordings);
    }
    Map<String, String> reverse =
        fixtures == null ? Map.of() : Fixtures.fromFile(fixtures).reverse();
    // Not strict: the comparison wants the sandbox's real answer, not a 500 for an off-spec one.
    try (Sandbox sandbox =
        Sandbox.builder()
            .port(0)
            .host("127.0.0.1")
            .strictResponses(false)
            .clock(SandboxClock.ticking())
            .build()
            .start()) {
      Map<String, DriftCompare.OperationDrift> drift =
          new DriftCompare(sandbox, reverse).compare(recordings);
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      boolean same = DriftCompare.print(drift, new PrintStream(text, true, StandardCharsets.UTF_8));
      Path file = reportDir.toAbsolutePath().resolve("drift.txt");
      Files.createDirectories(file.getParent());
      Files.write(file, text.toByteArray());
      console.print(text.toString(StandardCharsets.UTF_8));
      console.println("Drift report: " + file);
      return same ? ConformanceRun.EXIT_OK : ConformanceRun.EXIT_FAILED;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
