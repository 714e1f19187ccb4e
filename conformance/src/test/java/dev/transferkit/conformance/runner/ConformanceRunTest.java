package dev.transferkit.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runner, run in-process as {@code java -jar} runs it: selection by provider, the exit status,
 * the console (progress lines into a file here, the summary last), usage errors. A second sandbox
 * plays a real target.
 */
class ConformanceRunTest {
  private static final List<String> CREDENTIALS =
      List.of("CIRCLE_API_KEY", "WYRE_API_KEY", "WYRE_SECRET_KEY", "STREAMBIRD_API_KEY");

  private static Sandbox provider;

  @BeforeAll
  static void startSecondSandbox() {
    provider =
        Sandbox.builder()
            .port(0)
            .strictResponses(true)
            .clock(SandboxClock.ticking())
            .build()
            .start();
  }

  @AfterAll
  static void stopSecondSandbox() {
    provider.close();
  }

  @AfterEach
  void clearCredentials() {
    CREDENTIALS.forEach(System::clearProperty);
  }

  @Test
  void oneProviderRunsOnlyItsScenariosWithOneProgressLineEachAndTheSummaryLast()
      throws IOException {
    Path dir = Path.of("target", "runner-test", "one-provider");
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    ConformanceRun.Outcome outcome =
        run(RunOptions.builder().provider("streambird").reportDir(dir), console);

    assertEquals(0, outcome.exitStatus(), console.toString(StandardCharsets.UTF_8));
    assertTrue(outcome.passed() > 0, "nothing passed");
    assertEquals(0, outcome.failed() + outcome.skipped());
    List<String> progress = Files.readAllLines(dir.resolve("progress.txt"), StandardCharsets.UTF_8);
    assertEquals(outcome.passed(), progress.size(), String.join("\n", progress));
    progress.forEach(
        line ->
            assertTrue(
                line.matches(
                    "\\[streambird\\] PASSED  .+ \\(streambird/.+\\.feature:\\d+, \\d+ ms\\)"),
                line));
    List<String> printed = console.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals("Conformance summary per provider", printed.get(0));
    assertTrue(
        printed
            .get(1)
            .matches("  streambird\\s+" + outcome.passed() + " passed,\\s+0 failed,\\s+0 skipped"),
        printed.get(1));
    assertFalse(
        printed.stream().anyMatch(l -> l.contains("circle") || l.contains("wyre")),
        printed.toString());
    assertTrue(
        printed
            .get(printed.size() - 1)
            .startsWith("Reports: " + dir.toAbsolutePath().resolve("report.html")),
        printed.toString());
    for (String report :
        List.of("report.html", "cucumber.html", "report.json", "junit.xml", "summary.txt")) {
      assertTrue(Files.size(dir.resolve(report)) > 0, report);
    }
  }

  @Test
  void failIfAllSkippedExitsThreeWhenNoProviderHasCredentials() {
    CREDENTIALS.forEach(name -> System.setProperty(name, "")); // hides the environment's
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    ConformanceRun.Outcome outcome =
        run(
            RunOptions.builder()
                .target("sandbox")
                .failIfAllSkipped(true)
                .baseUrl("circle", provider.circleBaseUrl())
                .baseUrl("wyre", provider.wyreBaseUrl())
                .baseUrl("streambird", provider.streambirdBaseUrl())
                .reportDir(Path.of("target", "runner-test", "all-skipped")),
            console);

    String printed = console.toString(StandardCharsets.UTF_8);
    assertEquals(3, outcome.exitStatus(), printed);
    assertEquals(0, outcome.passed() + outcome.failed());
    assertTrue(
        printed.contains("no Wyre credentials: set WYRE_API_KEY and WYRE_SECRET_KEY"), printed);
    assertTrue(
        printed
            .strip()
            .endsWith("Nothing ran: every selected scenario was skipped (--fail-if-all-skipped)."),
        printed);
  }

  @Test
  void aFailedScenarioMakesTheExitStatusOneAndIsListedInTheSummary() {
    System.setProperty("STREAMBIRD_API_KEY", "sk_test_not_a_key_of_this_sandbox");
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    ConformanceRun.Outcome outcome =
        run(
            RunOptions.builder()
                .target("sandbox")
                .provider("streambird")
                .tags("not @sandbox-control")
                .baseUrl("streambird", provider.streambirdBaseUrl())
                .reportDir(Path.of("target", "runner-test", "failing")),
            console);

    String printed = console.toString(StandardCharsets.UTF_8);
    assertEquals(1, outcome.exitStatus(), printed);
    assertTrue(outcome.failed() > 0, printed);
    assertTrue(printed.contains("Failed:\n  streambird"), printed);
  }

  @Test
  void aResponseThatBreaksTheSpecIsTheScenariosFailureNamingSpecFileOperationAndField()
      throws IOException {
    System.setProperty("STREAMBIRD_API_KEY", provider.seed().streambirdApiKey());
    Path dir = Path.of("target", "runner-test", "renamed-field");
    try (AlteredProvider changed =
        new AlteredProvider(
            provider, body -> body.replace("\"dest_amount\"", "\"destination_amount\""))) {
      ConformanceRun.Outcome outcome =
          run(
              RunOptions.builder()
                  .target("sandbox")
                  .provider("streambird")
                  .tags("not @sandbox-control")
                  .baseUrl("streambird", changed.baseUrl("streambird"))
                  .reportDir(dir),
              new ByteArrayOutputStream());

      assertEquals(1, outcome.exitStatus());
    }
    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    assertTrue(
        html.contains("<section id=\"streambird\"><h2>streambird</h2>"), "grouped by provider");
    assertTrue(
        html.contains("<h3>Streambird create transfer <small>streambird/create-transfer.feature"),
        "grouped by walkthrough");
    assertTrue(
        html.contains(
            "<pre class=\"why failed\">conformance failure: streambird/transfers.yaml createTransfer"),
        "the conformance failure first");
    assertTrue(
        html.contains("<code>POST /v1/transfers/create &rarr; 200</code> createTransfer"),
        "the exchange");
    assertTrue(html.contains("spec violation(s)"), "its verdict");
    assertTrue(html.contains("Authorization: Bearer ****"), "credentials masked");
    assertFalse(html.contains(provider.seed().streambirdApiKey()), "no credential in the report");
    List<String> failed =
        Files.readAllLines(dir.resolve("progress.txt"), StandardCharsets.UTF_8).stream()
            .filter(l -> l.startsWith("    "))
            .toList();
    assertFalse(failed.isEmpty());
    failed.forEach(
        reason -> {
          assertTrue(
              reason.startsWith(
                  "    conformance failure: streambird/transfers.yaml createTransfer "
                      + "(POST /v1/transfers/create) response 200: field /"),
              reason);
          assertTrue(
              reason.contains(
                  "field /dest_amount (absent): validation.response.body.schema.required"),
              reason);
          assertTrue(
              reason.contains("field /destination_amount = \"")
                  && reason.contains("additionalProperties"),
              reason);
        });
  }

  @Test
  void withoutFailIfAllSkippedARunWhereEverythingWasSkippedSucceeds() {
    assertEquals(
        0, new ConformanceRun.Outcome(0, 0, 12, false, Path.of("summary.txt")).exitStatus());
    assertEquals(
        3, new ConformanceRun.Outcome(0, 0, 12, true, Path.of("summary.txt")).exitStatus());
    assertEquals(
        0, new ConformanceRun.Outcome(1, 0, 12, true, Path.of("summary.txt")).exitStatus());
  }

  @Test
  void anUnknownProviderIsAUsageErrorNamingTheKnownOnes() {
    StringWriter err = new StringWriter();

    int status =
        ConformanceMain.execute(
            new PrintWriter(new StringWriter()), new PrintWriter(err), "--provider", "paypal");

    assertEquals(2, status);
    assertTrue(
        err.toString()
            .startsWith("--provider: unknown provider 'paypal' (one of circle, wyre, streambird)"),
        err.toString());
  }

  @Test
  void aBaseUrlOverrideNeedsTheSandboxTarget() {
    StringWriter err = new StringWriter();

    int status =
        ConformanceMain.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "--wyre-base-url",
            "http://127.0.0.1:9/wyre/");

    assertEquals(2, status);
    assertTrue(
        err.toString().startsWith("base URL overrides need --target sandbox"), err.toString());
  }

  @Test
  void aBaseUrlThatIsNotAnHttpUrlIsRefused() {
    StringWriter err = new StringWriter();

    int status =
        ConformanceMain.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "--target",
            "sandbox",
            "--circle-base-url",
            "ftp://example");

    assertEquals(2, status);
    assertTrue(
        err.toString().startsWith("--circle-base-url is not an http(s) URL: 'ftp://example'"),
        err.toString());
  }

  @Test
  void aMissingFixturesFileIsAUsageError() {
    StringWriter err = new StringWriter();

    int status =
        ConformanceMain.execute(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "--target",
            "sandbox",
            "--fixtures",
            "target/no-such-fixtures.properties");

    assertEquals(2, status);
    assertTrue(
        err.toString()
            .startsWith("--fixtures: no readable file target/no-such-fixtures.properties"),
        err.toString());
  }

  private static ConformanceRun.Outcome run(
      RunOptions.Builder options, ByteArrayOutputStream console) {
    return new ConformanceRun(
            options.build(), new PrintStream(console, true, StandardCharsets.UTF_8), true)
        .run();
  }
}
