package dev.transferkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The non-local path, tested against a second sandbox that plays a provider's real sandbox: target
 * {@code sandbox}, the per-provider base-URL overrides pointing at it and its seeded keys as
 * credentials. Nothing resets it between scenarios and nothing controls it, exactly as with a real
 * provider. The whole Cucumber suite is launched through the JUnit Platform Launcher, as Surefire
 * does.
 */
class NonLocalTargetTest {
  private static final List<String> SETTINGS =
      List.of(
          "TRANSFERKIT_TARGET",
          "TRANSFERKIT_FIXTURES",
          "CIRCLE_BASE_URL",
          "CIRCLE_API_KEY",
          "WYRE_BASE_URL",
          "WYRE_API_KEY",
          "WYRE_SECRET_KEY",
          "STREAMBIRD_BASE_URL",
          "STREAMBIRD_API_KEY");

  private static Sandbox provider;

  @BeforeAll
  static void startSecondSandbox() {
    // Like a real provider: its own clock follows the wall clock, nobody moves it.
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
  void clearSettings() {
    SETTINGS.forEach(System::clearProperty);
  }

  @Test
  void nonControlScenariosPassAndSandboxControlScenariosAreSkippedWithTheReason()
      throws IOException {
    target(true, true, true);

    Run run = launch("all-credentials");

    assertFalse(run.results.isEmpty(), "no scenario ran");
    for (Outcome o : run.results) {
      if (o.tags.contains("sandbox-control")) {
        assertEquals(TestExecutionResult.Status.ABORTED, o.status, o.name);
        assertTrue(o.reason.contains("needs sandbox control"), o.name + ": " + o.reason);
      } else {
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, o.status, o.name + ": " + o.reason);
      }
    }
    assertTrue(
        run.results.stream().anyMatch(o -> o.status == TestExecutionResult.Status.SUCCESSFUL));
    assertTrue(run.results.stream().anyMatch(o -> o.status == TestExecutionResult.Status.ABORTED));
    long controlled = run.results.stream().filter(o -> o.tags.contains("sandbox-control")).count();
    assertEquals(controlled, run.junitXmlSkipped, "skipped scenarios in the JUnit XML report");
  }

  @Test
  void aProviderWithoutCredentialsHasAllItsScenariosSkippedWithTheReason() throws IOException {
    target(false, false, true); // only Streambird has credentials

    Run run = launch("missing-credentials");

    for (Outcome o : run.results) {
      if (o.tags.contains("circle")) {
        assertEquals(TestExecutionResult.Status.ABORTED, o.status, o.name);
        if (!o.tags.contains("sandbox-control")) {
          assertTrue(o.reason.contains("no Circle credentials: set CIRCLE_API_KEY"), o.reason);
        }
      } else if (o.tags.contains("wyre")) {
        assertEquals(TestExecutionResult.Status.ABORTED, o.status, o.name);
        if (!o.tags.contains("sandbox-control")) {
          assertTrue(
              o.reason.contains("no Wyre credentials: set WYRE_API_KEY and WYRE_SECRET_KEY"),
              o.reason);
        }
      } else {
        assertTrue(o.tags.contains("streambird"), o.name + " " + o.tags);
        assertEquals(
            o.tags.contains("sandbox-control")
                ? TestExecutionResult.Status.ABORTED
                : TestExecutionResult.Status.SUCCESSFUL,
            o.status,
            o.name + ": " + o.reason);
      }
    }
    long circleAndWyre =
        run.results.stream()
            .filter(o -> o.tags.contains("circle") || o.tags.contains("wyre"))
            .count();
    assertTrue(circleAndWyre >= 20, "Circle and Wyre scenarios: " + circleAndWyre);
    String summary = Files.readString(run.dir.resolve("summary.txt"), StandardCharsets.UTF_8);
    assertTrue(
        summary.matches("(?s).*circle\\s+0 passed,\\s+0 failed,\\s+\\d+ skipped.*"), summary);
    assertTrue(summary.matches("(?s).*wyre\\s+0 passed,\\s+0 failed,\\s+\\d+ skipped.*"), summary);
  }

  /**
   * Points the settings at the second sandbox; a provider without credentials gets empty ones
   * (hiding env).
   */
  private static void target(boolean circle, boolean wyre, boolean streambird) {
    System.setProperty("TRANSFERKIT_TARGET", "sandbox");
    System.setProperty("TRANSFERKIT_FIXTURES", "");
    System.setProperty("CIRCLE_BASE_URL", provider.circleBaseUrl());
    System.setProperty("CIRCLE_API_KEY", circle ? provider.seed().circleApiKey() : "");
    System.setProperty("WYRE_BASE_URL", provider.wyreBaseUrl());
    System.setProperty("WYRE_API_KEY", wyre ? provider.seed().wyreApiKey() : "");
    System.setProperty("WYRE_SECRET_KEY", wyre ? provider.seed().wyreSecretKey() : "");
    System.setProperty("STREAMBIRD_BASE_URL", provider.streambirdBaseUrl());
    System.setProperty("STREAMBIRD_API_KEY", streambird ? provider.seed().streambirdApiKey() : "");
  }

  private record Outcome(
      String name, List<String> tags, TestExecutionResult.Status status, String reason) {}

  private record Run(List<Outcome> results, Path dir, long junitXmlSkipped) {}

  private static Run launch(String name) throws IOException {
    Path dir = Path.of("target", "nonlocal", name);
    Files.createDirectories(dir);
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage("features"))
            .filters(EngineFilter.includeEngines("cucumber"))
            // Every scenario, whatever -Dcucumber.filter.tags the outer run was given.
            .configurationParameter("cucumber.filter.tags", "@circle or @wyre or @streambird")
            .configurationParameter(
                "cucumber.plugin",
                "dev.transferkit.conformance.report.ProviderSummary:"
                    + dir.resolve("summary.txt")
                    + ", junit:"
                    + dir.resolve("junit.xml"))
            .build();
    List<Outcome> results = new ArrayList<>();
    Map<String, TestIdentifier> started = new HashMap<>();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(
        request,
        new TestExecutionListener() {
          @Override
          public void executionStarted(TestIdentifier id) {
            started.put(id.getUniqueId(), id);
          }

          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
              results.add(
                  new Outcome(
                      id.getDisplayName(),
                      id.getTags().stream().map(TestTag::getName).toList(),
                      result.getStatus(),
                      result.getThrowable().map(Throwable::getMessage).orElse("")));
            }
          }
        });
    String xml = Files.readString(dir.resolve("junit.xml"), StandardCharsets.UTF_8);
    Matcher skipped = Pattern.compile("<testsuite[^>]* skipped=\"(\\d+)\"").matcher(xml);
    assertTrue(skipped.find(), "no skipped count in " + dir.resolve("junit.xml"));
    return new Run(results, dir, Long.parseLong(skipped.group(1)));
  }
}
