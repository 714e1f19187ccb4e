package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_USER_ID;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.transferkit.sandbox.SpecArbitraries.GeneratedRequest;
import dev.transferkit.specs.SpecLoader;
import io.swagger.v3.oas.models.OpenAPI;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * No 5xx on any input, and no answer outside the contract: requests generated from each of the five
 * specs ({@link SpecArbitraries}) go to a running sandbox; every answer must be below 500 and valid
 * against the spec: the sandbox checks each of its answers against the operation's documented
 * response (networknt json-schema-validator, {@link Specs}) and, not being strict here, sends it
 * anyway and records what broke the contract ({@link Sandbox#responseViolations()}); every answer
 * must add no record.
 *
 * <p>jqwik's own edge cases are off: mixed into every parameter at once they make nearly every
 * request one the validator refuses; the edges that matter here (times, amounts, enums, missing
 * members, trailing bytes) are drawn on purpose by {@link SpecArbitraries}.
 *
 * <p>The number of requests per spec is jqwik's {@code jqwik.tries.default}: a bounded run in every
 * build, thousands with {@code -Pproperty-tests} (see README.md). A failure prints the request and
 * jqwik's seed to replay it.
 */
class GeneratedRequestsTest {
  private static Sandbox sandbox;
  private static final Map<String, OpenAPI> SPECS = new ConcurrentHashMap<>();

  /**
   * Answers per spec and status: printed at the end, and proof that the generated requests reach
   * the handlers.
   */
  private static final Map<String, Map<Integer, Integer>> STATUSES = new ConcurrentHashMap<>();

  /**
   * Requests between two resets to the seed: long runs would otherwise spend the seeded balances
   * early.
   */
  private static final int RESET_EVERY = 1000;

  private static final Map<String, Integer> SENT = new ConcurrentHashMap<>();

  /** The W3S credentials, with the user token fetched again after each reset. */
  private static final Map<String, String> W3S_CREDENTIALS = new ConcurrentHashMap<>();

  @BeforeContainer
  static void startSandbox() {
    // Not strict: an answer that breaks the spec must reach the test as it is (a strict sandbox
    // turns it into a 500).
    sandbox =
        Sandbox.builder()
            .port(0)
            .clock(SandboxClock.at(Instant.parse("2026-03-15T12:00:00Z")))
            .build()
            .start();
  }

  @AfterContainer
  static void stopSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
    System.out.println("GeneratedRequestsTest answers by spec and status: " + STATUSES);
    STATUSES.forEach(
        (spec, counts) -> {
          int ok =
              counts.entrySet().stream()
                  .filter(e -> e.getKey() < 300)
                  .mapToInt(Map.Entry::getValue)
                  .sum();
          int all = counts.values().stream().mapToInt(Integer::intValue).sum();
          // Requests that never get past validation test the validator, not the simulation.
          if (all >= 100 && ok * 10 < all) {
            throw new AssertionError(
                spec + ": fewer than 10% of the generated requests succeeded: " + counts);
          }
        });
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void circleDigitalAssetAccountsNeverFails(@ForAll("circleAccounts") GeneratedRequest request) {
    check("circle/digital-asset-accounts.yaml", sandbox.circleBaseUrl(), request);
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void circlePayoutsNeverFails(@ForAll("circlePayouts") GeneratedRequest request) {
    check("circle/payouts.yaml", sandbox.circleBaseUrl(), request);
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void circleUserControlledWalletsNeverFails(@ForAll("circleWallets") GeneratedRequest request) {
    check("circle/user-controlled-wallets.yaml", sandbox.circleBaseUrl(), request);
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void wyreTransfersNeverFails(@ForAll("wyre") GeneratedRequest request) {
    check("wyre/transfers.yaml", sandbox.wyreBaseUrl(), request);
  }

  @Property(edgeCases = EdgeCasesMode.NONE)
  void streambirdTransfersNeverFails(@ForAll("streambird") GeneratedRequest request) {
    check("streambird/transfers.yaml", sandbox.streambirdBaseUrl(), request);
  }

  @Provide
  Arbitrary<GeneratedRequest> circleAccounts() {
    return requests(
        "circle/digital-asset-accounts.yaml", Map.of("Authorization", "Bearer " + CIRCLE_API_KEY));
  }

  @Provide
  Arbitrary<GeneratedRequest> circlePayouts() {
    return requests("circle/payouts.yaml", Map.of("Authorization", "Bearer " + CIRCLE_API_KEY));
  }

  @Provide
  Arbitrary<GeneratedRequest> circleWallets() {
    W3S_CREDENTIALS.put("Authorization", "Bearer " + CIRCLE_API_KEY);
    refreshUserToken();
    return requests("circle/user-controlled-wallets.yaml", W3S_CREDENTIALS);
  }

  /** A real user token, so that the user-level operations get past authentication. */
  private static void refreshUserToken() {
    Http.Response token =
        Http.post(
            sandbox.circleBaseUrl() + "/v1/w3s/users/token",
            "{\"userId\": \"" + CIRCLE_USER_ID + "\"}",
            "Authorization",
            "Bearer " + CIRCLE_API_KEY);
    assertEquals(200, token.status(), token.text());
    W3S_CREDENTIALS.put("X-User-Token", token.json().at("/data/userToken").asText());
  }

  @Provide
  Arbitrary<GeneratedRequest> wyre() {
    return requests("wyre/transfers.yaml", Map.of("Authorization", "Bearer " + WYRE_SECRET_KEY));
  }

  @Provide
  Arbitrary<GeneratedRequest> streambird() {
    return requests(
        "streambird/transfers.yaml", Map.of("Authorization", "Bearer " + STREAMBIRD_API_KEY));
  }

  private static Arbitrary<GeneratedRequest> requests(
      String spec, Map<String, String> credentials) {
    Set<String> unhandled = new HashSet<>();
    for (String line : sandbox.unhandledOperations()) {
      unhandled.add(
          line.split(" ")[
              1]); // "<provider> <operationId> (...)": answered 501 by design, not generated
    }
    return new SpecArbitraries(spec(spec), credentials, unhandled).requests();
  }

  private static OpenAPI spec(String spec) {
    return SPECS.computeIfAbsent(spec, SpecLoader::parse);
  }

  private static void check(String spec, String baseUrl, GeneratedRequest request) {
    if (SENT.merge(spec, 1, Integer::sum) % RESET_EVERY == 0) {
      sandbox.reset();
      SpecArbitraries.LEARNED.clear();
      refreshUserToken();
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create(
                    baseUrl.replaceFirst("/$", "")
                        + request.path()
                        + (request.query().isEmpty() ? "" : "?" + request.query())))
            .timeout(Duration.ofSeconds(20));
    request.headers().forEach(b::header);
    if (request.body() != null) {
      b.header("Content-Type", "application/json");
      b.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    } else {
      b.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    int violationsBefore = sandbox.responseViolations().size();
    HttpResponse<byte[]> response;
    try {
      response = Http.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(request.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    STATUSES
        .computeIfAbsent(spec, k -> new java.util.concurrent.ConcurrentSkipListMap<>())
        .merge(response.statusCode(), 1, Integer::sum);
    if (System.getenv("GEN_DEBUG") != null && response.statusCode() >= 400) {
      System.out.println(
          "DEBUG " + spec + " " + request + "\n -> " + response.statusCode() + " " + text);
    }
    if (response.statusCode() < 300 && response.body().length > 0) {
      try {
        SpecArbitraries.learn(Json.MAPPER.readTree(response.body()));
      } catch (java.io.IOException e) {
        throw new AssertionError("a 2xx answer that is not JSON: " + request + "\n -> " + text, e);
      }
    }
    if (response.statusCode() >= 500) {
      throw new AssertionError("5xx: " + request + "\n -> " + response.statusCode() + " " + text);
    }
    List<ResponseViolation> violations = sandbox.responseViolations();
    List<ResponseViolation> problems = violations.subList(violationsBefore, violations.size());
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "answer outside "
              + spec
              + ": "
              + problems
              + "\n"
              + request
              + "\n -> "
              + response.statusCode()
              + " "
              + text);
    }
  }
}
