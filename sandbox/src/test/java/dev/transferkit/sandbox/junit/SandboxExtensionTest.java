package dev.transferkit.sandbox.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@SandboxTest(clockAt = "2030-01-01T00:00:00Z", shared = true)
class SandboxExtensionTest {
  private static Sandbox first;

  @BeforeAll
  static void remember(Sandbox sandbox) {
    first = sandbox;
  }

  @Test
  void injectsOneSandboxWithItsUrlsAndTheConfiguredClock(
      Sandbox sandbox, SandboxUrls urls, SandboxClock clock) {
    assertSame(first, sandbox);
    assertEquals(sandbox.circleBaseUrl(), urls.circle());
    assertEquals(sandbox.wyreBaseUrl(), urls.wyre());
    assertEquals(sandbox.streambirdBaseUrl(), urls.streambird());
    assertEquals(sandbox.adminBaseUrl(), urls.admin());
    assertSame(sandbox.clock(), clock);
    assertTrue(!clock.instant().isBefore(Instant.parse("2030-01-01T00:00:00Z")));
  }

  @Nested
  class InANestedClass {
    @Test
    void theEnclosingClassesSandboxIsInjected(Sandbox sandbox) {
      assertSame(first, sandbox);
    }
  }

  @Test
  void theReadmeShowsTheExampleThatRuns() throws IOException {
    String example =
        Files.readString(
            Path.of("src/test/java/dev/transferkit/sandbox/junit/ReadmeExampleTest.java"),
            StandardCharsets.UTF_8);
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String body = example.substring(example.indexOf("import static"));
    assertTrue(
        readme.contains(body),
        "sandbox/README.md must show ReadmeExampleTest.java from its imports on");
  }
}
