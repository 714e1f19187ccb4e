package dev.transferkit.conformance.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drift recording end to end: the suite records a second sandbox playing the provider's real sandbox
 * ({@code --record}), then the recordings are replayed against a fresh local sandbox ({@code --compare}). A provider
 * that changed (a renamed response field, through {@link AlteredProvider}) shows as drift of exactly its operation.
 */
class DriftTest {
  private static final List<String> SETTINGS =
      List.of("CIRCLE_API_KEY", "WYRE_API_KEY", "WYRE_SECRET_KEY", "STREAMBIRD_API_KEY");

  private static Sandbox provider;

  @BeforeAll
  static void startSecondSandbox() {
    provider = Sandbox.builder().port(0).strictResponses(true).clock(SandboxClock.ticking()).build().start();
  }

  @AfterAll
  static void stopSecondSandbox() {
    provider.close();
  }

  @AfterEach
  void clearSettings() {
    SETTINGS.forEach(System::clearProperty);
  }

  @Test
  void theLocalSandboxHeldAgainstARecordingOfItselfShowsNoDrift() throws IOException {
    Path recordings = fresh("unchanged");
    credentials();
    record(RunOptions.builder().baseUrl("circle", provider.circleBaseUrl()).baseUrl("wyre", provider.wyreBaseUrl())
        .baseUrl("streambird", provider.streambirdBaseUrl()), recordings);

    ByteArrayOutputStream console = new ByteArrayOutputStream();
    int status = DriftRun.compare(recordings, null, recordings.resolveSibling("unchanged-report"),
        new PrintStream(console, true, StandardCharsets.UTF_8));

    String report = console.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, report);
    for (String operation : List.of("circle circle/digital-asset-accounts.yaml createAccountTransfer",
        "wyre wyre/transfers.yaml createTransfer", "streambird streambird/transfers.yaml createTransfer")) {
      assertTrue(report.contains(operation), operation + " not compared:\n" + report);
    }
    assertTrue(report.contains("No drift."), report);
  }

  @Test
  void aRenamedResponseFieldIsReportedAsDriftOfItsOperation() throws IOException {
    Path recordings = fresh("renamed");
    credentials();
    try (AlteredProvider changed = new AlteredProvider(provider,
        body -> body.replace("\"dest_amount\"", "\"destination_amount\""))) {
      record(RunOptions.builder().provider("streambird").baseUrl("streambird", changed.baseUrl("streambird")),
          recordings);
    }

    ByteArrayOutputStream console = new ByteArrayOutputStream();
    int status = DriftRun.compare(recordings, null, recordings.resolveSibling("renamed-report"),
        new PrintStream(console, true, StandardCharsets.UTF_8));

    String report = console.toString(StandardCharsets.UTF_8);
    assertEquals(1, status, report);
    String block = report.substring(report.indexOf("streambird streambird/transfers.yaml createTransfer"));
    assertTrue(block.lines().findFirst().orElseThrow().contains("2 difference(s)"), report);
    assertTrue(block.contains("field /dest_amount in the sandbox's answer, not recorded"), report);
    assertTrue(block.contains("field /destination_amount recorded, absent from the sandbox's answer"), report);
    assertEquals(report, Files.readString(recordings.resolveSibling("renamed-report").resolve("drift.txt"))
        + "Drift report: " + recordings.resolveSibling("renamed-report").resolve("drift.txt").toAbsolutePath()
        + System.lineSeparator());
  }

  @Test
  void anotherDocumentedEnumValueIsReportedButIdsAndTimestampsAreNot() throws IOException {
    Path recordings = fresh("enum");
    credentials();
    try (AlteredProvider changed = new AlteredProvider(provider,
        body -> body.replace("\"status\":\"unconfirmed\"", "\"status\":\"pending\""))) {
      record(RunOptions.builder().provider("streambird").baseUrl("streambird", changed.baseUrl("streambird")),
          recordings);
    }

    ByteArrayOutputStream console = new ByteArrayOutputStream();
    int status = DriftRun.compare(recordings, null, recordings.resolveSibling("enum-report"),
        new PrintStream(console, true, StandardCharsets.UTF_8));

    String report = console.toString(StandardCharsets.UTF_8);
    assertEquals(1, status, report);
    String block = report.substring(report.indexOf("streambird streambird/transfers.yaml createTransfer"));
    assertTrue(block.lines().findFirst().orElseThrow().contains("1 difference(s)"), report);
    assertTrue(block.contains("field /status: [pending] recorded, [unconfirmed] from the sandbox"), report);
  }

  @Test
  void aRecordingKeepsIdsAndMasksCredentials() throws IOException {
    Path recordings = fresh("masked");
    credentials();
    record(RunOptions.builder().provider("streambird").baseUrl("streambird", provider.streambirdBaseUrl()),
        recordings);

    List<Path> files;
    try (Stream<Path> walk = Files.walk(recordings.resolve("streambird"))) {
      files = walk.filter(f -> f.toString().endsWith(".json")).toList();
    }
    assertFalse(files.isEmpty(), "one file per scenario");
    for (Path f : files) {
      String json = Files.readString(f, StandardCharsets.UTF_8);
      assertFalse(json.contains(provider.seed().streambirdApiKey()), f + " holds the API key");
      assertTrue(json.contains("Bearer ****"), f.toString());
    }
    String created = Files.readString(recordings.resolve("streambird").resolve("create-transfer-10.json"),
        StandardCharsets.UTF_8);
    assertTrue(created.contains("\\\"id\\\":\\\"transfer_"), "the transfer id the provider gave is kept");
  }

  private static void credentials() {
    System.setProperty("CIRCLE_API_KEY", provider.seed().circleApiKey());
    System.setProperty("WYRE_API_KEY", provider.seed().wyreApiKey());
    System.setProperty("WYRE_SECRET_KEY", provider.seed().wyreSecretKey());
    System.setProperty("STREAMBIRD_API_KEY", provider.seed().streambirdApiKey());
  }

  private static void record(RunOptions.Builder options, Path recordings) {
    new ConformanceRun(options.target("sandbox").recordDir(recordings)
        .reportDir(recordings.resolveSibling(recordings.getFileName() + "-run")).build(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), true).run();
  }

  private static Path fresh(String name) throws IOException {
    Path dir = Path.of("target", "drift-test", name);
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return dir;
  }
}
