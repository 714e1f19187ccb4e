package dev.transferkit.conformance.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.transferkit.conformance.drift.DriftRecorder;
import dev.transferkit.conformance.report.HtmlReport;
import dev.transferkit.conformance.report.ProgressLines;
import dev.transferkit.conformance.report.ProviderSummary;
import dev.transferkit.conformance.targets.Provider;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One run of the walkthroughs through the JUnit Platform Launcher and Cucumber's engine, exactly as
 * Surefire runs them (same engine, glue and plugins), configured from {@link RunOptions} instead of
 * {@code junit-platform.properties}. The target settings the steps read ({@code
 * TRANSFERKIT_TARGET}, the base URLs, the fixtures) are set as system properties for the run and
 * restored afterwards. One run at a time per JVM.
 */
public final class ConformanceRun {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_NOTHING_RAN = 3;

  private static final String GLUE = "dev.transferkit.conformance.steps";

  private final RunOptions options;
  private final PrintStream console;
  private final boolean progressToFile;

  /** A run that prints its progress and summary on {@code System.out}. */
  public ConformanceRun(RunOptions options) {
    this(options, System.out, false);
  }

  /**
   * {@code progressToFile}: the progress lines go to {@code progress.txt} in the report directory
   * (the tests).
   */
  ConformanceRun(RunOptions options, PrintStream console, boolean progressToFile) {
    this.options = options;
    this.console = console;
    this.progressToFile = progressToFile;
  }

  /** What a run ended with. */
  public record Outcome(
      int passed, int failed, int skipped, boolean failIfAllSkipped, Path summary) {
    /**
     * 0: nothing failed; 1: a scenario failed; 3: nothing passed or failed and the run was told to
     * fail then.
     */
    public int exitStatus() {
      if (failed > 0) {
        return EXIT_FAILED;
      }
      return failIfAllSkipped && passed == 0 ? EXIT_NOTHING_RAN : EXIT_OK;
    }
  }

  public Outcome run() {
    Path dir = options.reportDir().toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the report directory " + dir, e);
    }
    Path summary = dir.resolve("summary.txt");
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("TRANSFERKIT_TARGET", options.target());
    settings.put(
        "TRANSFERKIT_FIXTURES",
        options.fixtures().map(p -> p.toAbsolutePath().toString()).orElse(null));
    for (Provider p : Provider.values()) {
      settings.put(p.name() + "_BASE_URL", options.baseUrl(p).orElse(null));
    }
    settings.put("pact_do_not_track", "true");
    Map<String, String> previous = new LinkedHashMap<>();
    settings.forEach(
        (name, value) -> {
          previous.put(name, System.getProperty(name));
          if (value != null) {
            System.setProperty(name, value);
          }
        });

    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage("features"))
            .filters(EngineFilter.includeEngines("cucumber"))
            .configurationParameter("cucumber.glue", GLUE)
            .configurationParameter("cucumber.filter.tags", options.tagExpression())
            .configurationParameter("cucumber.publish.quiet", "true")
            .configurationParameter("cucumber.junit-platform.naming-strategy", "long")
            .configurationParameter(
                "cucumber.plugin",
                String.join(
                        ", ",
                        ProgressLines.class.getName()
                            + (progressToFile ? ":" + dir.resolve("progress.txt") : ""),
                        ProviderSummary.class.getName() + ":" + summary,
                        HtmlReport.class.getName() + ":" + dir.resolve("report.html"),
                        "html:" + dir.resolve("cucumber.html"),
                        "json:" + dir.resolve("report.json"),
                        "junit:" + dir.resolve("junit.xml"))
                    + options
                        .recordDir()
                        .map(r -> ", " + DriftRecorder.class.getName() + ":" + r.toAbsolutePath())
                        .orElse(""))
            .build();
    AtomicInteger passed = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    try {
      LauncherFactory.create()
          .execute(
              request,
              new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                  if (!id.isTest()) {
                    if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                      failed.incrementAndGet(); // a failure outside any scenario (set-up, a plugin)
                      console.println(
                          "FAILED  "
                              + id.getDisplayName()
                              + ": "
                              + result.getThrowable().map(Throwable::toString).orElse(""));
                    }
                    return;
                  }
                  switch (result.getStatus()) {
                    case SUCCESSFUL -> passed.incrementAndGet();
                    case ABORTED -> skipped.incrementAndGet();
                    case FAILED -> failed.incrementAndGet();
                  }
                }

                // executionSkipped: the scenarios the tag expression did not select (not counted; a
                // skip with a reason is
                // an aborted scenario).
              });
    } finally {
      previous.forEach(
          (name, value) -> {
            if (value == null) {
              System.clearProperty(name);
            } else {
              System.setProperty(name, value);
            }
          });
    }
    Outcome outcome =
        new Outcome(passed.get(), failed.get(), skipped.get(), options.failIfAllSkipped(), summary);
    printSummary(dir, summary, outcome);
    return outcome;
  }

  /**
   * The last thing a run prints: the per-provider summary, where the reports are, and why the exit
   * status.
   */
  private void printSummary(Path dir, Path summary, Outcome outcome) {
    try {
      if (Files.exists(summary)) {
        console.print(Files.readString(summary, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      console.println("(cannot read " + summary + ": " + e.getMessage() + ")");
    }
    console.println(
        "Reports: "
            + dir.resolve("report.html")
            + " (also cucumber.html, report.json, junit.xml,"
            + " summary.txt in "
            + dir
            + ")");
    options
        .recordDir()
        .ifPresent(
            r ->
                console.println(
                    "Recorded exchanges: "
                        + r.toAbsolutePath()
                        + " (compare the local sandbox with them: --compare "
                        + r
                        + ")"));
    if (outcome.exitStatus() == EXIT_NOTHING_RAN) {
      console.println("Nothing ran: every selected scenario was skipped (--fail-if-all-skipped).");
    }
  }
}
