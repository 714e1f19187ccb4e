package dev.transferkit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one walkthrough script of {@code src/test/node} with the {@code node} found on the PATH and
 * the SDKs the build installed from package-lock.json ({@code npm ci}, see the pom), and reads what
 * it reports: one JSON object per line on stdout, {@code {"step": ..., "status": ..., "data": ...}}
 * for an answered call or {@code {"step": ..., "error": {...}}} for a refused one. Where Node or
 * the installed SDKs are missing the calling test is skipped (a JUnit assumption) with the reason.
 */
final class NodeScript {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Generous for a loaded 2-core machine; a walkthrough takes about a second. */
  private static final long TIMEOUT_SECONDS = 90;

  private static final Path DIR = Paths.get(System.getProperty("interop.node.dir", "."));
  private static final String[] SDKS = {
    "@circle-fin/user-controlled-wallets", "@circle-fin/circle-sdk"
  };

  private final String name;
  private final List<JsonNode> lines;
  private final String stderr;

  private NodeScript(String name, List<JsonNode> lines, String stderr) {
    this.name = name;
    this.lines = lines;
    this.stderr = stderr;
  }

  /**
   * Runs {@code src/test/node/<script>} with the arguments; fails on a non-zero exit or a timeout.
   */
  static NodeScript run(String script, String... args) throws IOException, InterruptedException {
    assumeNodeAndSdks();
    List<String> command =
        new ArrayList<>(List.of("node", DIR.resolve("src/test/node").resolve(script).toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(DIR.toFile()).start();
    p.getOutputStream().close();
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(
          script
              + " did not finish within "
              + TIMEOUT_SECONDS
              + " s; stdout so far:\n"
              + out.getNow("")
              + "\nstderr:\n"
              + err.getNow(""));
    }
    String stdout = out.join();
    String stderr = err.join();
    assertEquals(
        0,
        p.exitValue(),
        () ->
            script
                + " exited with "
                + p.exitValue()
                + "\nstdout:\n"
                + stdout
                + "\nstderr:\n"
                + stderr);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : stdout.split("\n")) {
      if (!line.isBlank()) {
        try {
          lines.add(JSON.readTree(line));
        } catch (JsonProcessingException e) {
          fail(script + " wrote a line that is not JSON: " + line + "\nstderr:\n" + stderr);
        }
      }
    }
    return new NodeScript(script, lines, stderr);
  }

  /** Every record of {@code step}, in the order reported (a polled call reports once per call). */
  List<JsonNode> all(String step) {
    return lines.stream().filter(l -> l.path("step").asText().equals(step)).toList();
  }

  /**
   * The last record of {@code step}; fails naming what the script did report when there is none.
   */
  JsonNode step(String step) {
    List<JsonNode> all = all(step);
    if (all.isEmpty()) {
      fail(
          name
              + " reported no step '"
              + step
              + "'; it reported "
              + lines.stream().map(l -> l.path("step").asText()).distinct().toList()
              + "\nstderr:\n"
              + stderr);
    }
    return all.get(all.size() - 1);
  }

  /** The response body of an answered {@code step}, after checking its HTTP status. */
  JsonNode answered(String step, int status) {
    JsonNode s = step(step);
    assertTrue(s.has("status"), () -> step + " was refused: " + s.get("error"));
    assertEquals(status, s.get("status").asInt(), () -> step + ": " + s);
    return s.get("data");
  }

  /** The error of a refused {@code step}, after checking its HTTP status and Circle error code. */
  JsonNode refused(String step, int status, int code) {
    JsonNode s = step(step);
    assertTrue(
        s.has("error"),
        () -> step + " was expected to be refused with " + status + "/" + code + ": " + s);
    JsonNode e = s.get("error");
    assertEquals(status, e.path("status").asInt(), () -> step + ": " + e);
    assertEquals(code, e.path("code").asInt(), () -> step + ": " + e);
    return e;
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "(unreadable: " + e + ")";
          }
        });
  }

  private static void assumeNodeAndSdks() throws InterruptedException {
    String version;
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assumeTrue(
          p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0,
          "`node --version` failed: " + version);
    } catch (IOException e) {
      assumeTrue(
          false,
          "no `node` on the PATH (" + e.getMessage() + "): Circle's Node SDKs cannot run here");
      return;
    }
    // fetch() and the SDKs' syntax need Node 18 or later (the wallets SDK asks for 22 but runs on
    // 20).
    int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*", "$1"));
    assumeTrue(major >= 18, "node " + version + " is older than 18");
    for (String sdk : SDKS) {
      assumeTrue(
          Files.isRegularFile(DIR.resolve("node_modules").resolve(sdk).resolve("package.json")),
          sdk
              + " is not installed in "
              + DIR.resolve("node_modules")
              + ": the build runs `npm ci` only where npm is on the PATH");
    }
  }
}
