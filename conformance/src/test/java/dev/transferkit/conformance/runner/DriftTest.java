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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drift recording end to end: the suite records a second sandbox playing the provider's real
 * sandbox ({@code --record}), then the recordings are replayed against a fresh local sandbox
 * ({@code --compare}). A provider that changed (behind {@link AlteredProvider}) shows as drift of
 * exactly its operation and fields. The recording of the unchanged provider is made once for the
 * class.
 */
class DriftTest {
  private static final List<String> SETTINGS =
      List.of("CIRCLE_API_KEY", "WYRE_API_KEY", "WYRE_SECRET_KEY", "STREAMBIRD_API_KEY");

  private static Sandbox provider;
  private static Path unchanged;

  @BeforeAll
  static void recordASecondSandbox() throws IOException {
    provider =
        Sandbox.builder()
            .port(0)
            .strictResponses(true)
            .clock(SandboxClock.ticking())
            .build()
            .start();
    System.setProperty("CIRCLE_API_KEY", provider.seed().circleApiKey());
    System.setProperty("WYRE_API_KEY", provider.seed().wyreApiKey());
    System.setProperty("WYRE_SECRET_KEY", provider.seed().wyreSecretKey());
    System.setProperty("STREAMBIRD_API_KEY", provider.seed().streambirdApiKey());
    unchanged = fresh("unchanged");
    record(
        RunOptions.builder()
            .baseUrl("circle", provider.circleBaseUrl())
            .baseUrl("wyre", provider.wyreBaseUrl())
            .baseUrl("streambird", provider.streambirdBaseUrl()),
        unchanged);
  }

  @AfterAll
  static void stopSecondSandbox() {
    SETTINGS.forEach(System::clearProperty);
    provider.close();
  }

  @Test
  void theLocalSandboxHeldAgainstARecordingOfItselfShowsNoDrift() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    int status =
        DriftRun.compare(
            unchanged,
            null,
            unchanged.resolveSibling("unchanged-report"),
            new PrintStream(console, true, StandardCharsets.UTF_8));

    String report = console.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, report);
    for (String operation :
        List.of(
            "circle circle/digital-asset-accounts.yaml createAccountTransfer",
            "wyre wyre/transfers.yaml createTransfer",
            "streambird streambird/transfers.yaml createTransfer")) {
      assertTrue(report.contains(operation), operation + " not compared:\n" + report);
    }
    assertTrue(report.contains("No drift."), report);
  }

  @Test
  void aRenamedResponseFieldAndAnotherDocumentedEnumValueAreReportedAsDriftOfTheirOperation()
      throws IOException {
    Path recordings = fresh("changed");
    try (AlteredProvider changed =
        new AlteredProvider(
            provider,
            body ->
                body.replace("\"dest_amount\"", "\"destination_amount\"")
                    .replace("\"status\":\"unconfirmed\"", "\"status\":\"pending\""))) {
      record(
          RunOptions.builder()
              .provider("streambird")
              .baseUrl("streambird", changed.baseUrl("streambird")),
          recordings);
    }

    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Path reportDir = recordings.resolveSibling("changed-report");
    int status =
        DriftRun.compare(
            recordings, null, reportDir, new PrintStream(console, true, StandardCharsets.UTF_8));

    String report = console.toString(StandardCharsets.UTF_8);
    assertEquals(1, status, report);
    String block =
        report.substring(report.indexOf("streambird streambird/transfers.yaml createTransfer"));
    List<String> lines = block.lines().toList();
    assertTrue(lines.get(0).contains("3 difference(s)"), report);
    assertTrue(
        lines.subList(1, 4).stream()
            .anyMatch(
                l ->
                    l.contains(
                        "field /destination_amount recorded, absent from the sandbox's answer")),
        report);
    assertTrue(
        lines.subList(1, 4).stream()
            .anyMatch(l -> l.contains("field /dest_amount in the sandbox's answer, not recorded")),
        report);
    assertTrue(
        lines.subList(1, 4).stream()
            .anyMatch(
                l ->
                    l.contains(
                        "field /status: [pending] recorded, [unconfirmed] from the sandbox")),
        report);
    assertTrue(lines.get(4).contains("getWalletBalance") && lines.get(4).endsWith("same"), report);
    assertTrue(
        report.startsWith(Files.readString(reportDir.resolve("drift.txt"), StandardCharsets.UTF_8)),
        report);
  }

  @Test
  void aRecordingKeepsIdsAndMasksCredentials() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(unchanged)) {
      files = walk.filter(f -> f.toString().endsWith(".json")).toList();
    }
    assertFalse(files.isEmpty(), "one file per scenario");
    for (Path f : files) {
      String json = Files.readString(f, StandardCharsets.UTF_8);
      for (String key :
          List.of(
              provider.seed().circleApiKey(),
              provider.seed().wyreApiKey(),
              provider.seed().wyreSecretKey(),
              provider.seed().streambirdApiKey())) {
        assertFalse(json.contains(key), f + " holds a credential");
      }
    }
    String created =
        Files.readString(
            unchanged.resolve("streambird").resolve("create-transfer-10.json"),
            StandardCharsets.UTF_8);
    assertTrue(
        created.contains("\"Authorization\" : [ \"Bearer ****\" ]"),
        "the scheme stays, the key does not");
    assertTrue(
        created.contains("\\\"id\\\":\\\"transfer_"), "the transfer id the provider gave is kept");
  }

  private static void record(RunOptions.Builder options, Path recordings) {
    new ConformanceRun(
            options
                .target("sandbox")
                .recordDir(recordings)
                .reportDir(recordings.resolveSibling(recordings.getFileName() + "-run"))
                .build(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            true)
        .run();
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
