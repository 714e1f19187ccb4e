package dev.transferkit.conformance.report;

import dev.transferkit.conformance.targets.Provider;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import java.util.HashSet;
import java.util.Locale;

/** How one scenario ended, in the words the console and the summary use. */
record ScenarioOutcome(
    String provider, String name, String where, Status status, String reason, long millis) {
  static ScenarioOutcome of(TestCase tc, Result result) {
    String provider =
        Provider.fromTags(new HashSet<>(tc.getTags()))
            .map(p -> p.name().toLowerCase(Locale.ROOT))
            .orElse("other");
    String where =
        tc.getUri().toString().replaceFirst("^.*features/", "") + ":" + tc.getLocation().getLine();
    String reason = firstLines(Failures.describe(result.getError()));
    return new ScenarioOutcome(
        provider, tc.getName(), where, result.getStatus(), reason, result.getDuration().toMillis());
  }

  boolean passed() {
    return status == Status.PASSED;
  }

  boolean skipped() {
    return status == Status.SKIPPED;
  }

  boolean failed() {
    return !passed() && !skipped();
  }

  /**
   * {@code PASSED}, {@code SKIPPED} or {@code FAILED} (undefined and pending steps count as
   * failures).
   */
  String verdict() {
    return passed() ? "PASSED" : skipped() ? "SKIPPED" : "FAILED";
  }

  private static String firstLines(String message) {
    String[] lines = message.strip().split("\n");
    return lines.length <= 3
        ? String.join(" | ", lines)
        : String.join(" | ", lines[0], lines[1], lines[2]) + " ...";
  }
}
