package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_DESTINATION_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_SOURCE_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The inspector page in a real browser: headless Chromium ({@code /usr/bin/chromium}, or {@code
 * -Dchromium=...}; skipped with the reason when there is none) loads {@code /__admin/} after a
 * walkthrough, the test reads what it shows, presses the clock button, and keeps a screenshot at
 * {@code target/inspector.png}. Chromium is driven over its DevTools protocol with java.net.http's
 * WebSocket client.
 */
class InspectorPageTest extends SandboxTestBase {
  private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));

  @Test
  void showsRequestsViolationsWebhooksBalancesAndAdvancesTheClockFromItsButton() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "no Chromium at "
            + CHROMIUM
            + " (apt-get install chromium, or -Dchromium=<path>): the page is not checked");
    // The walkthrough: a Circle transfer, a refused one, a Wyre transfer that calls back.
    Http.Response ok =
        Http.post(
            circle("v1/accounts/transfers"),
            "{\"idempotencyKey\": \""
                + UUID.randomUUID()
                + "\", \"source\": {\"type\": \"account\", \"id\": \""
                + CIRCLE_SOURCE_ACCOUNT
                + "\"}, \"destination\":"
                + " {\"type\": \"account\", \"id\": \""
                + CIRCLE_DESTINATION_ACCOUNT
                + "\"}, \"amount\": {\"amount\":"
                + " \"12.34\", \"currency\": \"USD\"}}",
            "Authorization",
            Http.bearer(CIRCLE_API_KEY));
    assertEquals(201, ok.status(), ok.text());
    Http.Response refused =
        Http.post(
            circle("v1/accounts/transfers"),
            "{\"idempotencyKey\": \""
                + UUID.randomUUID()
                + "\", \"source\": {\"type\": \"account\", \"id\": \"1\"}, \"destination\": {\"type\": \"account\", \"id\":"
                + " \"2\"}, \"amount\": {\"currency\": \"USD\"}}",
            "Authorization",
            Http.bearer(CIRCLE_API_KEY));
    assertEquals(400, refused.status(), refused.text());
    try (WebhookReceiver hook = new WebhookReceiver()) {
      String transfer =
          WyreTransfersTest.EXAMPLE_A.replace(
              "\"autoConfirm\": true",
              "\"autoConfirm\": true, " + "\"notifyUrl\": \"" + hook.url() + "\"");
      Http.Response wyre =
          Http.post(wyre("v3/transfers"), transfer, "Authorization", Http.bearer(WYRE_SECRET_KEY));
      assertEquals(200, wyre.status(), wyre.text());
      assertTrue(!hook.received().isEmpty(), "the callback was delivered");

      try (Browser browser = Browser.start(CHROMIUM)) {
        browser.open(admin(""));
        String text = browser.eval("document.body.innerText");
        assertTrue(text.contains("/v1/accounts/transfers"), text);
        assertTrue(text.contains("201"), text);
        assertTrue(text.contains("400"), text);
        assertTrue(text.contains("request: amount.amount"), "the violation in words: " + text);
        assertTrue(text.contains(hook.url()), "the delivery: " + text);
        assertTrue(text.contains("delivered"), text);
        assertTrue(
            text.contains(wyre.json().get("id").asText()), "the delivery's payload: " + text);
        assertTrue(
            text.contains(CIRCLE_API_KEY) && text.contains("9987.66"), "balances per key: " + text);
        String before = browser.eval("document.getElementById('now').innerText");
        assertEquals(Json.iso(clock.instant()), before);

        Instant expected = clock.instant().plus(Duration.ofMinutes(15));
        browser.clickAndWaitForLoad("advance");
        assertEquals(
            expected,
            clock.instant(),
            "the button moved the sandbox clock by the form's 15 minutes");
        assertEquals(Json.iso(expected), browser.eval("document.getElementById('now').innerText"));
        Path shot = Path.of("target", "inspector.png");
        Files.write(shot, browser.screenshot());
        assertTrue(Files.size(shot) > 1000, "a screenshot was written to " + shot);
      }
    }
  }

  /** Headless Chromium over the DevTools protocol: one page, commands answered in order. */
  private static final class Browser implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> events = new ConcurrentHashMap<>();

    private Browser(Process process, WebSocket socket) {
      this.process = process;
      this.socket = socket;
    }

    static Browser start(Path chromium) throws Exception {
      Path profile = Files.createTempDirectory("inspector-chromium");
      Process p =
          new ProcessBuilder(
                  chromium.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--no-first-run",
                  "--remote-debugging-port=0",
                  "--user-data-dir=" + profile,
                  "--window-size=1280,1600",
                  "about:blank")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      BufferedReader err =
          new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
      String browserUrl = null;
      for (String line; (line = err.readLine()) != null; ) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          browserUrl = m.group(1);
          break;
        }
      }
      if (browserUrl == null) {
        p.destroyForcibly();
        throw new IllegalStateException("Chromium did not open its DevTools port");
      }
      Thread drain = new Thread(() -> err.lines().forEach(l -> {}), "chromium-stderr");
      drain.setDaemon(true);
      drain.start();
      URI devtools = URI.create(browserUrl);
      HttpClient http = HttpClient.newHttpClient();
      String list =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://" + devtools.getAuthority() + "/json/list"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      String pageUrl = null;
      for (JsonNode t : Json.MAPPER.readTree(list)) {
        if (t.path("type").asText().equals("page")) {
          pageUrl = t.get("webSocketDebuggerUrl").asText();
        }
      }
      Browser[] self = new Browser[1];
      WebSocket ws =
          http.newWebSocketBuilder()
              .buildAsync(
                  URI.create(pageUrl),
                  new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(
                        WebSocket webSocket, CharSequence data, boolean last) {
                      text.append(data);
                      if (last) {
                        self[0].received(text.toString());
                        text.setLength(0);
                      }
                      webSocket.request(1);
                      return null;
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      self[0] = new Browser(p, ws);
      self[0].call("Page.enable", Json.object());
      return self[0];
    }

    private void received(String message) {
      try {
        JsonNode m = Json.MAPPER.readTree(message);
        if (m.has("id")) {
          CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
          if (f != null) {
            f.complete(m);
          }
        } else {
          CompletableFuture<JsonNode> f = events.remove(m.path("method").asText());
          if (f != null) {
            f.complete(m);
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonNode> answer = new CompletableFuture<>();
      pending.put(id, answer);
      ObjectNode msg = Json.object().put("id", id).put("method", method);
      msg.set("params", params);
      socket.sendText(msg.toString(), true).get(10, TimeUnit.SECONDS);
      JsonNode r = answer.get(20, TimeUnit.SECONDS);
      if (r.has("error")) {
        throw new IllegalStateException(method + ": " + r.get("error"));
      }
      return r.get("result");
    }

    void open(String url) throws Exception {
      CompletableFuture<JsonNode> loaded =
          events.computeIfAbsent("Page.loadEventFired", k -> new CompletableFuture<>());
      call("Page.navigate", Json.object().put("url", url));
      loaded.get(20, TimeUnit.SECONDS);
    }

    String eval(String expression) throws Exception {
      return call(
              "Runtime.evaluate",
              Json.object().put("expression", expression).put("returnByValue", true))
          .path("result")
          .path("value")
          .asText();
    }

    /** Clicks the element with this id and waits for the page that the form post leads to. */
    void clickAndWaitForLoad(String id) throws Exception {
      CompletableFuture<JsonNode> loaded =
          events.computeIfAbsent("Page.loadEventFired", k -> new CompletableFuture<>());
      eval("document.getElementById('" + id + "').click()");
      loaded.get(20, TimeUnit.SECONDS);
    }

    byte[] screenshot() throws Exception {
      JsonNode shot = call("Page.captureScreenshot", Json.object().put("format", "png"));
      return Base64.getDecoder().decode(shot.get("data").asText());
    }

    @Override
    public void close() {
      socket.abort();
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
