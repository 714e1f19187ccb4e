package dev.transferkit.sandbox.junit;

import dev.transferkit.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The admin API of a running sandbox (documented in the sandbox README) over HTTP, with its token
 * when it needs one. Answers are the JSON text; a status other than 200 is an {@link
 * IllegalStateException} carrying the answer. Thread-safe.
 */
public final class SandboxAdmin {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Sandbox sandbox;

  SandboxAdmin(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** {@code GET /__admin/<path>}, e.g. {@code ledger}, {@code webhooks}. */
  public String get(String path) {
    return send("GET", path, null);
  }

  /** {@code POST /__admin/<path>} with a JSON body, e.g. {@code circle/accounts}. */
  public String post(String path, String json) {
    return send("POST", path, json);
  }

  /** {@code PUT /__admin/<path>} with a JSON body, e.g. {@code circle/accounts/<id>/balance}. */
  public String put(String path, String json) {
    return send("PUT", path, json);
  }

  /**
   * Moves the sandbox clock and runs what fell due (lifecycle steps, webhook deliveries) before
   * returning.
   */
  public void advanceClock(Duration amount) {
    post("clock/advance", "{\"duration\": \"" + amount + "\"}");
  }

  private String send(String method, String path, String json) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(sandbox.adminBaseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (sandbox.adminToken() != null) {
      b.header("Authorization", "Bearer " + sandbox.adminToken());
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            method + " /__admin/" + path + ": " + r.statusCode() + " " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
