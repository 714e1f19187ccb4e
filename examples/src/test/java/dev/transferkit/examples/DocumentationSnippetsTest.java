package dev.transferkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.wallets.model.CreateTransferTransactionForEndUserRequest;
import dev.transferkit.circle.wallets.model.FeeLevel;
import dev.transferkit.circle.wallets.model.UserTokenRequest;
import dev.transferkit.circle.webhook.CircleWebhookVerifier;
import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxSeed;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md, docs/runtime.md, sandbox/README.md and the client
 * modules' READMEs compiles exactly as written and runs, from the sandbox's seed, against the
 * embedded sandbox without throwing and without a response that breaks the spec. A failure names
 * the Markdown file and line.
 *
 * <p>The snippets name production settings, as a user would write them. Before running (not before
 * the as-written compilation) exactly these expressions are replaced; README.md says so next to the
 * snippets:
 *
 * <ul>
 *   <li>{@code .environment(CircleClient.Environment.SANDBOX)}, {@code
 *       .environment(WyreClient.Environment.SANDBOX)}, {@code
 *       .environment(StreambirdClient.Environment.SANDBOX)}: {@code .baseUrl(...)} with the
 *       embedded sandbox's URL for that provider (read from {@link EmbeddedSandbox} when the
 *       snippet runs);
 *   <li>{@code System.getenv("CIRCLE_API_KEY")}, {@code System.getenv("WYRE_API_KEY")}, {@code
 *       System.getenv("WYRE_SECRET_KEY")}, {@code System.getenv("STREAMBIRD_API_KEY")}: the
 *       sandbox's seeded key, as a string literal;
 *   <li>{@code System.getenv("STREAMBIRD_WEBHOOK_TOKEN")}: a fixed token (the sandbox sends no
 *       Streambird webhooks; the block signs and verifies its own example body);
 *   <li>{@code new InetSocketAddress(8080)} (a webhook receiver's port): {@code new
 *       InetSocketAddress("127.0.0.1", <a free port>)} (picked just before; another process taking
 *       it in the meantime would fail the block with a BindException, not pass it).
 * </ul>
 *
 * Any other {@code .environment(} or {@code System.getenv(} left in a snippet fails it (it would
 * reach a real provider). Ids and amounts in the snippets are the sandbox's seed data
 * (sandbox/README.md), which is also what the providers' documentation uses.
 *
 * <p>A block that starts a Circle webhook receiver ({@code createContext("<path>", ...)} with a
 * {@link CircleWebhookVerifier}) is then subscribed to the sandbox's notifications and sent real
 * ones (a user-controlled wallet transfer walking its lifecycle): every delivery must be answered
 * 2xx; a delivery with a forged signature must be refused with a 4xx. The receiver keeps running
 * until the test JVM exits (the block, as documented, never stops it).
 */
class DocumentationSnippetsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WEBHOOK_PATH = Pattern.compile("createContext\\(\"([^\"]+)\"");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir static Path classes;

  private static Sandbox sandbox;
  private static int webhookPort;
  private static SnippetRunner runner;

  /** Starts the sandbox while the snippets compile (the two take about as long). */
  @BeforeAll
  static void startSandboxAndCompile() throws IOException {
    CompletableFuture<Sandbox> starting =
        CompletableFuture.supplyAsync(
            () ->
                Sandbox.builder().port(0).host("127.0.0.1").strictResponses(true).build().start());
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      webhookPort = free.getLocalPort();
    }
    runner = new SnippetRunner(substitutions(webhookPort), classes);
    try {
      runner.compile(snippets());
    } finally {
      sandbox = starting.join();
      EmbeddedSandbox.set(sandbox);
    }
  }

  @AfterAll
  static void stopSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockCompilesAsWrittenAndRunsAgainstTheSandbox() throws IOException {
    List<Snippet> snippets = snippets();
    assertFalse(snippets.isEmpty(), "README.md has no ```java block");
    return snippets.stream()
        .map(
            s ->
                DynamicTest.dynamicTest(
                    s.location(),
                    () -> {
                      sandbox.reset();
                      assertTimeoutPreemptively(
                          Duration.ofSeconds(30),
                          () -> runner.run(s),
                          s.location() + " did not finish");
                      Optional<String> webhookPath = circleWebhookReceiverPath(s);
                      if (webhookPath.isPresent()) {
                        receiverAcceptsSignedNotificationsAndRefusesForgedOnes(
                            s, "http://127.0.0.1:" + webhookPort + webhookPath.get());
                      }
                      assertEquals(
                          List.of(),
                          sandbox.responseViolations(),
                          s.location() + ": sandbox answers that break the spec");
                    }));
  }

  /**
   * The documented substitutions (see the class comment): production settings to the embedded
   * sandbox.
   */
  static Map<String, String> substitutions(int webhookPort) {
    Map<String, String> s = new LinkedHashMap<>();
    String sandbox = EmbeddedSandbox.class.getName();
    s.put(
        ".environment(CircleClient.Environment.SANDBOX)",
        ".baseUrl(" + sandbox + ".circleBaseUrl())");
    s.put(
        ".environment(WyreClient.Environment.SANDBOX)", ".baseUrl(" + sandbox + ".wyreBaseUrl())");
    s.put(
        ".environment(StreambirdClient.Environment.SANDBOX)",
        ".baseUrl(" + sandbox + ".streambirdBaseUrl())");
    s.put("System.getenv(\"CIRCLE_API_KEY\")", literal(SandboxSeed.CIRCLE_API_KEY));
    s.put("System.getenv(\"WYRE_API_KEY\")", literal(SandboxSeed.WYRE_API_KEY));
    s.put("System.getenv(\"WYRE_SECRET_KEY\")", literal(SandboxSeed.WYRE_SECRET_KEY));
    s.put("System.getenv(\"STREAMBIRD_API_KEY\")", literal(SandboxSeed.STREAMBIRD_API_KEY));
    // The sandbox delivers no Streambird webhooks: any token serves the verifier's own example.
    s.put("System.getenv(\"STREAMBIRD_WEBHOOK_TOKEN\")", literal("docs-example-webhook-token"));
    s.put(
        "new InetSocketAddress(8080)", "new InetSocketAddress(\"127.0.0.1\", " + webhookPort + ")");
    return s;
  }

  /**
   * The path a block serves Circle webhooks on, if it starts a receiver on the substituted port.
   */
  private static Optional<String> circleWebhookReceiverPath(Snippet s) {
    String text = String.join("\n", s.lines());
    Matcher path = WEBHOOK_PATH.matcher(text);
    return text.contains("CircleWebhookVerifier")
            && text.contains("new InetSocketAddress(8080)")
            && path.find()
        ? Optional.of(path.group(1))
        : Optional.empty();
  }

  /**
   * Subscribes {@code endpoint}, lets a user-controlled wallet transfer of the seeded user walk to
   * COMPLETE (each step is a signed {@code transactions.outbound} notification), and checks the
   * receiver's answers; then sends it one notification with a forged signature.
   */
  private static void receiverAcceptsSignedNotificationsAndRefusesForgedOnes(
      Snippet s, String endpoint) throws Exception {
    admin("POST", "circle/subscriptions", "{\"endpoint\":\"" + endpoint + "\"}");
    CircleClient circle =
        CircleClient.builder()
            .apiKey(SandboxSeed.CIRCLE_API_KEY)
            .baseUrl(sandbox.circleBaseUrl())
            .build();
    String userToken =
        circle
            .users()
            .getUserToken(UserTokenRequest.builder().userId(SandboxSeed.CIRCLE_USER_ID).build())
            .execute()
            .getUserToken();
    String challengeId =
        circle
            .transactions()
            .createUserTransactionTransferChallenge(
                userToken,
                CreateTransferTransactionForEndUserRequest.builder()
                    .userId(SandboxSeed.CIRCLE_USER_ID)
                    .walletId(SandboxSeed.CIRCLE_WALLET_ID)
                    .tokenId(SandboxSeed.CIRCLE_USDC_TOKEN_ID)
                    .amounts(List.of(new BigDecimal("1.5")))
                    .destinationAddress("0x6e5eaf34c73d1cd0be4e24f923b97cf38e10d1f3")
                    .feeLevel(FeeLevel.MEDIUM)
                    .build())
            .execute()
            .getChallengeId();
    admin("POST", "circle/w3s/challenges/" + challengeId + "/complete", "{}");
    admin("POST", "clock/advance", "{\"duration\":\"PT2M\"}");

    List<String> answers = new ArrayList<>();
    for (JsonNode d : admin("GET", "webhooks", null)) {
      if (d.path("url").asText().equals(endpoint)) {
        answers.add(d.path("state").asText() + " " + d.path("attempts"));
      }
    }
    assertFalse(
        answers.isEmpty(), s.location() + ": the sandbox sent no notification to the receiver");
    answers.forEach(
        a ->
            assertEquals(
                "delivered",
                a.split(" ")[0],
                s.location()
                    + ": the receiver did not accept a notification signed by the sandbox: "
                    + answers));

    String body = admin("GET", "webhooks", null).get(0).path("body").asText();
    HttpResponse<String> forged =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(endpoint))
                .header(
                    CircleWebhookVerifier.SIGNATURE_HEADER,
                    "MEUCIQDforgedforgedforgedforgedforgedforgedforgedforgedfo==")
                .header(
                    CircleWebhookVerifier.KEY_ID_HEADER, sandbox.seed().circleNotificationKeyId())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(
        4,
        forged.statusCode() / 100,
        s.location() + ": the receiver answered " + forged.statusCode() + " to a forged signature");
  }

  private static JsonNode admin(String method, String path, String json) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(sandbox.adminBaseUrl()).resolve(path))
                .header("Content-Type", "application/json")
                .method(
                    method,
                    json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          "sandbox admin " + method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
  }

  /**
   * README.md, docs/runtime.md, sandbox/README.md, then every client module's README ({@code
   * client-*}{@code /README.md}), in name order. Other Markdown files join by being added here.
   */
  static List<Snippet> snippets() throws IOException {
    Path root = Path.of(System.getProperty("transferkit.root", ".."));
    List<Snippet> all = new ArrayList<>(Snippet.extract(root.resolve("README.md"), "README.md"));
    all.addAll(Snippet.extract(root.resolve("docs/runtime.md"), "docs/runtime.md"));
    // sandbox/README.md: its other block is a whole JUnit class, ReadmeExampleTest itself, which
    // SandboxExtensionTest compares with that file.
    for (Snippet s : Snippet.extract(root.resolve("sandbox/README.md"), "sandbox/README.md")) {
      if (s.lines().stream().noneMatch(l -> l.startsWith("class "))) {
        all.add(s);
      }
    }
    List<Path> modules = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "client-*")) {
      dirs.forEach(modules::add);
    }
    modules.sort(null);
    for (Path module : modules) {
      Path readme = module.resolve("README.md");
      if (Files.exists(readme)) {
        all.addAll(Snippet.extract(readme, module.getFileName() + "/README.md"));
      }
    }
    return all;
  }

  private static String literal(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
