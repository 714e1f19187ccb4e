package dev.transferkit.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import dev.transferkit.specs.SpecLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the sandbox spends on the spec check of one documented Circle create-transfer exchange
 * (request and 201 response, both valid): {@code sandboxChecks} is what {@code
 * ProviderRequests.dispatch} does ({@link Specs}: the operation's request schema and the 201
 * response's body schema, compiled once by networknt json-schema-validator, the response as the
 * tree the handler built). {@code interactionValidator}, the same-run baseline, is
 * swagger-request-validator, which the sandbox used until issue 15 (through this facade until
 * 2026-12-03, then through its operation-level validators, about 13% cheaper:
 * benchmarks/README.md). Both return the problems found, which {@code
 * SandboxValidationBenchmarkTest} checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SandboxValidationBenchmark {
  static final String SPEC = "circle/digital-asset-accounts.yaml";
  static final String PATH = "/v1/accounts/transfers";

  /** The operation as the sandbox's router hands it to the checks (no handler needed here). */
  static final ProviderApi.Route ROUTE =
      new ProviderApi.Route("POST", PATH, SPEC, "createAccountTransfer", null, true);

  static final String REQUEST =
      "{\"idempotencyKey\":\"ba943ff1-ca16-49b2-ba55-1057e70ca5c7\","
          + "\"source\":{\"type\":\"account\",\"id\":\"1017381855\"},"
          + "\"destination\":{\"type\":\"account\",\"id\":\"1000661542\"},"
          + "\"amount\":{\"amount\":\"2500.00\",\"currency\":\"USD\"}}";
  static final String RESPONSE =
      "{\"data\":{\"id\":\"bb2e0c95-09ff-4a8d-a4bb-0f2f3f3f3f3f\",\"status\":\"complete\","
          + "\"amount\":{\"amount\":\"2500.00\",\"currency\":\"USD\"},"
          + "\"source\":{\"type\":\"account\",\"id\":\"1017381855\"},"
          + "\"destination\":{\"type\":\"account\",\"id\":\"1000661542\"},\"fees\":[],"
          + "\"createDate\":\"2026-03-15T12:00:00.000Z\",\"updateDate\":\"2026-03-15T12:00:00.000Z\"}}";

  Specs specs;
  OpenApiInteractionValidator facade;
  byte[] requestBytes;
  byte[] responseBytes;
  JsonNode responseTree;
  Map<String, List<String>> headers;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    specs =
        Specs.loadShared(Runnable::run)
            .join(); // the parse any sandbox in this JVM shares (the tests start one)
    facade =
        OpenApiInteractionValidator.createFor(SpecLoader.parse(SPEC))
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    requestBytes = REQUEST.getBytes(StandardCharsets.UTF_8);
    responseBytes = RESPONSE.getBytes(StandardCharsets.UTF_8);
    responseTree = Json.parse(responseBytes);
    headers = new LinkedHashMap<>();
    headers.put("Authorization", List.of("Bearer TEST_API_KEY:sandbox:circle-key-1"));
    headers.put("Content-type", List.of("application/json; charset=utf-8"));
    headers.put("User-agent", List.of("wrk"));
  }

  /**
   * The sandbox's own path ({@code ProviderRequests.dispatch}): {@link Specs#validateRequest} and
   * {@link Specs#validateResponse}.
   */
  @Benchmark
  public List<String> sandboxChecks() {
    Call call =
        new Call(
            "POST",
            PATH,
            "http://127.0.0.1:8080/circle" + PATH,
            new LinkedHashMap<>(),
            headers,
            Map.of(),
            requestBytes);
    List<String> problems = new ArrayList<>();
    specs.validateRequest(ROUTE, call).forEach(p -> problems.add(p.toString()));
    problems.addAll(
        specs.validateResponse(ROUTE, call, new Reply(201, responseTree), responseBytes));
    return problems;
  }

  /**
   * The baseline: swagger-request-validator's facade, as the sandbox called it before 2026-12-03
   * (errors only, as the sandbox kept them).
   */
  @Benchmark
  public List<String> interactionValidator() {
    SimpleRequest.Builder request = new SimpleRequest.Builder("POST", PATH);
    headers.forEach(request::withHeader);
    request.withBody(requestBytes);
    List<String> problems = new ArrayList<>();
    errors(facade.validateRequest(request.build()), problems);
    errors(
        facade.validateResponse(
            PATH,
            Request.Method.POST,
            SimpleResponse.Builder.status(201)
                .withContentType("application/json")
                .withBody(responseBytes)
                .build()),
        problems);
    return problems;
  }

  private static void errors(ValidationReport report, List<String> into) {
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        into.add(m.getKey() + ": " + m.getMessage());
      }
    }
  }
}
