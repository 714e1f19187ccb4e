package dev.transferkit.conformance.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseFinished;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;

/**
 * A Cucumber plugin for the console: one line per finished scenario ({@code [wyre ] PASSED Quote,
 * confirm, ... (wyre/create-transfer.feature:22, 184 ms)}), and under a failed one the first lines
 * of why. The summary comes from {@link ProviderSummary}. On the console by default; given a file
 * as its argument ({@code ProgressLines:progress.txt}), into that file instead.
 */
public final class ProgressLines implements ConcurrentEventListener {
  private final PrintStream console;

  public ProgressLines() {
    this.console = System.out;
  }

  public ProgressLines(File file) throws IOException {
    File parent = file.getAbsoluteFile().getParentFile();
    if (parent != null) {
      Files.createDirectories(parent.toPath());
    }
    this.console = new PrintStream(new FileOutputStream(file), true, StandardCharsets.UTF_8);
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
  }

  private synchronized void finished(TestCaseFinished event) {
    ScenarioOutcome o = ScenarioOutcome.of(event.getTestCase(), event.getResult());
    console.printf(
        Locale.ROOT,
        "[%-10s] %-7s %s (%s, %d ms)%n",
        o.provider(),
        o.verdict(),
        o.name(),
        o.where(),
        o.millis());
    if (o.failed()) {
      console.println("    " + o.reason());
    }
  }
}
