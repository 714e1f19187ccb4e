package dev.transferkit.conformance.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Cucumber plugin: one line per finished scenario on the console (progress), and at the end of the run a summary
 * per provider (passed / failed / skipped, grouped by the {@code @circle}, {@code @wyre}, {@code @streambird} tags,
 * with the reason of each skip and failure), printed and written to the file given as the plugin argument
 * ({@code dev.transferkit.conformance.report.ProviderSummary:target/conformance-summary.txt}).
 */
public final class ProviderSummary implements ConcurrentEventListener {
  private static final List<String> PROVIDERS = List.of("circle", "wyre", "streambird");

  private final File file;
  private final PrintStream console = System.out;
  private final Map<String, int[]> counts = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  public ProviderSummary(File file) {
    this.file = file;
    for (String p : PROVIDERS) {
      counts.put(p, new int[3]);
    }
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    publisher.registerHandlerFor(TestRunFinished.class, e -> finish());
  }

  private synchronized void finished(TestCaseFinished event) {
    TestCase tc = event.getTestCase();
    Result result = event.getResult();
    String provider = PROVIDERS.stream().filter(p -> tc.getTags().contains("@" + p)).findFirst().orElse("other");
    int[] c = counts.computeIfAbsent(provider, p -> new int[3]);
    String outcome;
    if (result.getStatus() == Status.PASSED) {
      c[0]++;
      outcome = "PASSED ";
    } else if (result.getStatus() == Status.SKIPPED) {
      c[2]++;
      outcome = "SKIPPED";
    } else {
      c[1]++;
      outcome = "FAILED ";
    }
    String where = tc.getUri().toString().replaceFirst("^.*features/", "") + ":" + tc.getLocation().getLine();
    console.printf(Locale.ROOT, "[%-10s] %s %s (%s, %d ms)%n", provider, outcome, tc.getName(), where,
        result.getDuration().toMillis());
    if (result.getStatus() != Status.PASSED) {
      String reason = result.getError() == null ? result.getStatus().name().toLowerCase(Locale.ROOT)
          : firstLine(result.getError().getMessage());
      notes.add(String.format(Locale.ROOT, "  %s %s: %s (%s): %s", provider, outcome.trim().toLowerCase(Locale.ROOT),
          tc.getName(), where, reason));
      if (result.getStatus() != Status.SKIPPED) {
        console.println("    " + reason);
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String[] lines = message.strip().split("\n");
    return lines.length <= 3 ? String.join(" | ", lines) : String.join(" | ", lines[0], lines[1], lines[2]) + " ...";
  }

  private synchronized void finish() {
    StringBuilder out = new StringBuilder("Conformance summary per provider\n");
    int[] total = new int[3];
    counts.forEach((provider, c) -> {
      out.append(String.format(Locale.ROOT, "  %-10s %3d passed, %3d failed, %3d skipped%n", provider, c[0], c[1],
          c[2]));
      for (int i = 0; i < 3; i++) {
        total[i] += c[i];
      }
    });
    out.append(String.format(Locale.ROOT, "  %-10s %3d passed, %3d failed, %3d skipped%n", "all", total[0],
        total[1], total[2]));
    if (!notes.isEmpty()) {
      out.append("Not passed:\n");
      notes.forEach(n -> out.append(n).append('\n'));
    }
    console.print(out);
    File reports = new File(file.getAbsoluteFile().getParentFile(), "cucumber");
    if (file.getName().equals("conformance-summary.txt")) {
      console.println("Reports: " + new File(reports, "report.html").getPath() + " (also report.json, junit.xml)");
    }
    try {
      File parent = file.getAbsoluteFile().getParentFile();
      if (parent != null) {
        Files.createDirectories(parent.toPath());
      }
      Files.writeString(file.toPath(), out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
