package dev.transferkit.conformance.report;

import dev.transferkit.conformance.targets.Provider;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Cucumber plugin that writes the summary of a run to the file given as its argument ({@code
 * dev.transferkit.conformance.report.ProviderSummary:target/conformance-summary.txt}): per provider
 * (by the {@code @circle}, {@code @wyre}, {@code @streambird} tags) passed / failed / skipped, the
 * reasons of the skips (grouped, with their count) and each failure. It prints nothing: whoever
 * runs the suite prints the file last (the runner, or the Maven build's last step), so the
 * self-tests that launch the suite print no summary.
 */
public final class ProviderSummary implements ConcurrentEventListener {
  private final File file;
  private final List<ScenarioOutcome> outcomes = new ArrayList<>();

  public ProviderSummary(File file) {
    this.file = file;
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(
        TestCaseFinished.class, e -> record(ScenarioOutcome.of(e.getTestCase(), e.getResult())));
    publisher.registerHandlerFor(TestRunFinished.class, e -> write());
  }

  private synchronized void record(ScenarioOutcome outcome) {
    outcomes.add(outcome);
  }

  /** The summary text of the outcomes so far. */
  synchronized String render() {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Provider p : Provider.values()) {
      counts.put(p.name().toLowerCase(Locale.ROOT), new int[3]);
    }
    Map<String, Integer> skipReasons = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (ScenarioOutcome o : outcomes) {
      int[] c = counts.computeIfAbsent(o.provider(), p -> new int[3]);
      if (o.passed()) {
        c[0]++;
      } else if (o.failed()) {
        c[1]++;
        failures.add(
            String.format(
                Locale.ROOT,
                "  %-10s %s (%s): %s",
                o.provider(),
                o.name(),
                o.where(),
                o.reason().isEmpty() ? o.status().name().toLowerCase(Locale.ROOT) : o.reason()));
      } else {
        c[2]++;
        skipReasons.merge(
            String.format(
                Locale.ROOT,
                "%-10s %s",
                o.provider(),
                o.reason().isEmpty() ? "skipped" : o.reason()),
            1,
            Integer::sum);
      }
    }
    StringBuilder out = new StringBuilder("Conformance summary per provider\n");
    int[] total = new int[3];
    boolean anyRan = !outcomes.isEmpty();
    counts.forEach(
        (provider, c) -> {
          if (!anyRan || c[0] + c[1] + c[2] > 0) { // a provider the run did not select has no line
            out.append(line(provider, c));
          }
          for (int i = 0; i < 3; i++) {
            total[i] += c[i];
          }
        });
    out.append(line("all", total));
    if (!skipReasons.isEmpty()) {
      out.append("Skipped, by reason:\n");
      skipReasons.forEach(
          (reason, n) -> out.append(String.format(Locale.ROOT, "  %3d x %s%n", n, reason)));
    }
    if (!failures.isEmpty()) {
      out.append("Failed:\n");
      failures.forEach(f -> out.append(f).append('\n'));
    }
    return out.toString();
  }

  private static String line(String provider, int[] c) {
    return String.format(
        Locale.ROOT, "  %-10s %3d passed, %3d failed, %3d skipped%n", provider, c[0], c[1], c[2]);
  }

  private void write() {
    try {
      File parent = file.getAbsoluteFile().getParentFile();
      if (parent != null) {
        Files.createDirectories(parent.toPath());
      }
      Files.writeString(file.toPath(), render(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
