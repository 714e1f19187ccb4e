package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.keyword.UnknownKeywordFactory;
import dev.transferkit.specs.Provider;
import dev.transferkit.specs.SpecLoader;
import dev.transferkit.specs.SpecOperation;
import io.swagger.v3.oas.models.OpenAPI;
import java.time.DateTimeException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract as the sandbox uses it: every provider's specs parsed by the specs module's {@link
 * SpecLoader}, their operations, and for each operation its request and response checks ({@link
 * OperationCheck}) compiled once by networknt json-schema-validator with its OpenAPI 3.0 dialect
 * ({@code nullable}, {@code discriminator}, draft-4 bounds). Loaded in parallel with the server
 * start; thread-safe afterwards.
 *
 * <p>One validator checks everything the spec states about an exchange: parameters, content type,
 * required body, body schema and the response body for its status. It replaced
 * swagger-request-validator, whose JSON-schema walk, schema-graph hashing and message formatting
 * took about 58% of the sandbox's CPU per create (benchmarks/README.md, issue 15). Extra members
 * are accepted, as JSON Schema and the providers accept them; a schema that says {@code
 * additionalProperties: false} is enforced. Formats the validator does not know ({@code decimal})
 * are not checked; the ones it knows ({@code date-time}, {@code uuid}) are.
 */
final class Specs {
  // The files whose operations behave differently within Circle (authentication and error codes
  // differ per product).
  static final String CIRCLE_PAYOUTS = "circle/payouts.yaml";
  static final String CIRCLE_WALLETS = "circle/user-controlled-wallets.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(Specs.class);

  /**
   * The OpenAPI 3.0 dialect with two changes: {@code date-time} is read by the reader the handlers
   * read times with ({@link Json#instant}), so what passes the check is what the handlers accept
   * (the validator's own refuses valid RFC 3339 forms the providers accept: offsets beyond ±18:00,
   * more than nine fraction digits); and the specs' extension keywords are known to validate
   * nothing.
   */
  private static final Dialect DIALECT =
      Dialect.builder(Dialects.getOpenApi30())
          .format(new DateTimeFormat())
          // OpenAPI's extensions (x-...) annotate schemas and validate nothing; any other keyword
          // the dialect does not know is still logged by the library's own factory.
          .unknownKeywordFactory(
              (keyword, context) ->
                  keyword.startsWith("x-")
                      ? new NonValidationKeyword(keyword)
                      : UnknownKeywordFactory.getInstance().getKeyword(keyword, context))
          .build();

  /**
   * The schemas are compiled here once per operation; nothing is fetched (the specs are resolved).
   */
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          DIALECT,
          b ->
              b.schemaRegistryConfig(
                  SchemaRegistryConfig.builder()
                      .formatAssertionsEnabled(true)
                      // Messages in English whatever the machine's locale (tests and the
                      // inspector read them).
                      .locale(Locale.ENGLISH)
                      .build()));

  /** By spec file, then operationId. */
  private final Map<String, Map<String, OperationCheck>> checks;

  private final Map<Provider, List<SpecOperation>> operations;

  private Specs(
      Map<String, Map<String, OperationCheck>> checks,
      Map<Provider, List<SpecOperation>> operations) {
    this.checks = checks;
    this.operations = operations;
  }

  /** The operations of a provider's specs, in the specs' order. */
  List<SpecOperation> operations(Provider provider) {
    return operations.get(provider);
  }

  private static volatile CompletableFuture<Specs> cache;

  /**
   * The specs, parsed once per JVM (the compiled checks are immutable and thread-safe), so later
   * sandboxes start fast.
   */
  static CompletableFuture<Specs> loadShared(Executor executor) {
    CompletableFuture<Specs> c = cache;
    if (c == null || c.isCompletedExceptionally()) {
      synchronized (Specs.class) {
        c = cache;
        if (c == null || c.isCompletedExceptionally()) {
          c = cache = CompletableFuture.supplyAsync(Specs::load, executor);
        }
      }
    }
    return c;
  }

  static Specs load() {
    long t0 = System.nanoTime();
    ExecutorService pool =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "sandbox-spec-loader");
              t.setDaemon(true);
              return t;
            });
    try {
      // Parsing the specs and compiling their schemas are the slow parts: each spec's schemas are
      // compiled on the second thread while the next spec is parsed, after a warm-up there that
      // loads the validator's classes (on a one-operation spec) while the first spec is parsed.
      CompletableFuture<?> warmValidator = CompletableFuture.runAsync(Specs::warmUp, pool);
      Map<String, OpenAPI> parsed = new LinkedHashMap<>();
      Map<String, CompletableFuture<Map<String, OperationCheck>>> compiling = new HashMap<>();
      for (String name : Provider.allSpecFiles()) {
        OpenAPI api = SpecLoader.parse(name);
        parsed.put(name, api);
        compiling.put(name, warmValidator.thenApplyAsync(v -> checks(name, api), pool));
      }
      Map<Provider, List<SpecOperation>> operations = new EnumMap<>(Provider.class);
      for (Provider provider : Provider.values()) {
        operations.put(provider, SpecLoader.operations(provider, parsed));
      }
      long t1 = System.nanoTime();
      Map<String, Map<String, OperationCheck>> checks = new HashMap<>();
      for (Map.Entry<String, CompletableFuture<Map<String, OperationCheck>>> e :
          compiling.entrySet()) {
        checks.put(e.getKey(), e.getValue().get());
      }
      LOG.debug(
          "specs: parsed in {} ms, schemas compiled {} ms later",
          (t1 - t0) / 1_000_000,
          (System.nanoTime() - t1) / 1_000_000);
      return new Specs(checks, operations);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot load the specs: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Compiles and runs the checks of a one-operation spec built here: the validator's first use
   * costs class loading and set-up, which would otherwise fall on the start-up's critical path or
   * the first request. Runs while the real specs are parsed.
   */
  private static void warmUp() {
    io.swagger.v3.oas.models.media.Schema<?> schema =
        new io.swagger.v3.oas.models.media.ObjectSchema()
            .addProperty("id", new io.swagger.v3.oas.models.media.StringSchema().format("uuid"))
            .addRequiredItem("id");
    io.swagger.v3.oas.models.media.Content json =
        new io.swagger.v3.oas.models.media.Content()
            .addMediaType(
                "application/json", new io.swagger.v3.oas.models.media.MediaType().schema(schema));
    io.swagger.v3.oas.models.Operation op =
        new io.swagger.v3.oas.models.Operation()
            .operationId("warm")
            .addParametersItem(
                new io.swagger.v3.oas.models.parameters.QueryParameter()
                    .name("limit")
                    .schema(new io.swagger.v3.oas.models.media.IntegerSchema()))
            .requestBody(
                new io.swagger.v3.oas.models.parameters.RequestBody().content(json).required(true))
            .responses(
                new io.swagger.v3.oas.models.responses.ApiResponses()
                    .addApiResponse(
                        "200",
                        new io.swagger.v3.oas.models.responses.ApiResponse()
                            .description("ok")
                            .content(json)));
    OperationCheck check =
        OperationCheck.of(REGISTRY, "warm", new io.swagger.v3.oas.models.PathItem().post(op), op);
    byte[] body = "{\"id\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Call call =
        new Call(
            "POST",
            "/warm",
            "http://127.0.0.1/warm",
            Map.of("limit", List.of("1")),
            Map.of("Content-Type", List.of("application/json")),
            Map.of(),
            body);
    check.check(call);
    check.check(200, call.json());
  }

  /** The checks of one spec's operations by operationId. */
  private static Map<String, OperationCheck> checks(String spec, OpenAPI api) {
    Map<String, OperationCheck> byId = new HashMap<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            byId.put(
                                operation.getOperationId(),
                                OperationCheck.of(
                                    REGISTRY,
                                    spec + "/" + operation.getOperationId(),
                                    item,
                                    operation))));
    return byId;
  }

  private OperationCheck check(ProviderApi.Route route) {
    return checks.get(route.spec()).get(route.operationId());
  }

  /**
   * The request problems the spec finds, rendered as field-level problems; authentication is the
   * sandbox's own (each provider's way), so not checked here.
   */
  List<Errors.Problem> validateRequest(ProviderApi.Route route, Call call) {
    return check(route).check(call);
  }

  /**
   * The response problems the spec finds, as readable lines; empty when the response keeps the
   * contract. The body is checked as the tree the handler built ({@code reply.body}), not parsed
   * back from {@code body}, the bytes it was written to.
   */
  List<String> validateResponse(ProviderApi.Route route, Call call, Reply reply, byte[] body) {
    JsonNode tree = body.length == 0 ? null : reply.body;
    return check(route).check(reply.status, tree);
  }

  /** RFC 3339 date-time as {@link Json#instant} reads it. */
  private static final class DateTimeFormat implements Format {
    @Override
    public String getName() {
      return "date-time";
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
      try {
        Json.instant(value);
        return true;
      } catch (DateTimeException e) {
        return false;
      }
    }
  }
}
