package dev.transferkit.sandbox;

import com.atlassian.oai.validator.interaction.request.RequestValidator;
import com.atlassian.oai.validator.interaction.response.ResponseValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiPath;
import com.atlassian.oai.validator.model.ApiPathImpl;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.NormalisedPathImpl;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.transferkit.specs.Provider;
import dev.transferkit.specs.SpecLoader;
import dev.transferkit.specs.SpecOperation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract as the sandbox uses it: every provider's specs parsed by the specs module's {@link
 * SpecLoader}, their operations, and swagger-request-validator's request and response validators
 * for each operation. Loaded in parallel with the server start; thread-safe afterwards.
 *
 * <p>The validators are swagger-request-validator's own ({@link RequestValidator}, {@link
 * ResponseValidator}, one {@link SchemaValidator} and its compiled-schema cache per spec file),
 * called with the operation the sandbox's router already chose. Its {@code
 * OpenApiInteractionValidator} facade would look the operation up again on every request and every
 * response, matching the path against every template of the spec with freshly compiled patterns: 6
 * to 16% of the sandbox's CPU under load. Response bodies are handed over as the tree the handler
 * built instead of being parsed back from the bytes it was just written to.
 */
final class Specs {
  // The files whose operations behave differently within Circle (authentication and error codes
  // differ per product).
  static final String CIRCLE_PAYOUTS = "circle/payouts.yaml";
  static final String CIRCLE_WALLETS = "circle/user-controlled-wallets.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(Specs.class);
  private static final Pattern MISSING_PROPERTIES =
      Pattern.compile("properties \\(\\[([^\\]]*)\\]\\)");

  /**
   * swagger-request-validator's validators of one spec file, sharing one schema validator (and its
   * cache).
   */
  private record Validators(RequestValidator requests, ResponseValidator responses) {}

  /** One operation as the validators address it, resolved once from the parsed spec. */
  private record Target(
      Validators validators, ApiPath path, PathItem.HttpMethod method, Operation operation) {
    ApiOperation on(String requestPath) {
      // No base path: the servers of the specs have none, and the router matched the spec's path as
      // written.
      return new ApiOperation(path, new NormalisedPathImpl(requestPath, null), method, operation);
    }
  }

  /** By spec file, then operationId. */
  private final Map<String, Map<String, Target>> targets;

  private final Map<Provider, List<SpecOperation>> operations;

  private Specs(
      Map<String, Map<String, Target>> targets, Map<Provider, List<SpecOperation>> operations) {
    this.targets = targets;
    this.operations = operations;
  }

  /** The operations of a provider's specs, in the specs' order. */
  List<SpecOperation> operations(Provider provider) {
    return operations.get(provider);
  }

  private static volatile CompletableFuture<Specs> cache;

  /**
   * The specs, parsed once per JVM (validators are immutable and thread-safe), so later sandboxes
   * start fast.
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
      // Two things are slow the first time: parsing YAML into the OpenAPI model, and setting up the
      // JSON-schema
      // validator. Warm the second up (on an empty document) while the first runs.
      CompletableFuture<?> warmValidator = CompletableFuture.runAsync(Specs::warmUp, pool);
      Map<String, OpenAPI> parsed = new LinkedHashMap<>();
      for (String name : Provider.allSpecFiles()) {
        parsed.put(name, SpecLoader.parse(name));
      }
      Map<Provider, List<SpecOperation>> operations = new EnumMap<>(Provider.class);
      for (Provider provider : Provider.values()) {
        operations.put(provider, SpecLoader.operations(provider, parsed));
      }
      long t1 = System.nanoTime();
      warmValidator.get();
      long t2 = System.nanoTime();
      Map<String, Map<String, Target>> targets = new HashMap<>();
      parsed.forEach((name, api) -> targets.put(name, targets(api)));
      LOG.debug(
          "specs: parsed in {} ms, validator warm-up waited {} ms, validators built in {} ms",
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (System.nanoTime() - t2) / 1_000_000);
      return new Specs(targets, operations);
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
   * Validates one small exchange against a one-operation spec built here: the JSON-schema
   * machinery's first body validation costs about 200 ms of class loading and set-up, which would
   * otherwise fall on the first request (and push it past a client's read timeout). Runs while the
   * real specs are parsed.
   */
  private static void warmUp() {
    io.swagger.v3.oas.models.media.Schema<?> schema =
        new io.swagger.v3.oas.models.media.ObjectSchema()
            .addProperty("id", new io.swagger.v3.oas.models.media.StringSchema())
            .addRequiredItem("id");
    io.swagger.v3.oas.models.media.Content json =
        new io.swagger.v3.oas.models.media.Content()
            .addMediaType(
                "application/json", new io.swagger.v3.oas.models.media.MediaType().schema(schema));
    io.swagger.v3.oas.models.Operation op =
        new io.swagger.v3.oas.models.Operation()
            .operationId("warm")
            .requestBody(
                new io.swagger.v3.oas.models.parameters.RequestBody().content(json).required(true))
            .responses(
                new io.swagger.v3.oas.models.responses.ApiResponses()
                    .addApiResponse(
                        "200",
                        new io.swagger.v3.oas.models.responses.ApiResponse()
                            .description("ok")
                            .content(json)));
    OpenAPI api =
        new OpenAPI()
            .paths(
                new io.swagger.v3.oas.models.Paths()
                    .addPathItem("/warm", new io.swagger.v3.oas.models.PathItem().post(op)));
    Target target = targets(api).get("warm");
    byte[] body = "{\"id\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    target
        .validators()
        .requests()
        .validateRequest(
            new SimpleRequest.Builder("POST", "/warm")
                .withContentType("application/json")
                .withBody(body)
                .build(),
            target.on("/warm"));
    target
        .validators()
        .responses()
        .validateResponse(
            SimpleResponse.Builder.status(200)
                .withContentType("application/json")
                .withBody(body)
                .build(),
            target.on("/warm"));
  }

  /**
   * The validators of one spec and its operations by operationId; authentication is the sandbox's
   * own (each provider's way), so not checked here. Extra members are accepted as JSON Schema and
   * the providers accept them: swagger-request-validator would otherwise treat every object as
   * {@code additionalProperties: false}; a schema that says so itself is still enforced.
   */
  private static Map<String, Target> targets(OpenAPI api) {
    LevelResolver levels =
        LevelResolver.create()
            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
            .build();
    MessageResolver messages = new MessageResolver(levels);
    SchemaValidator schemas = new SchemaValidator(api, messages);
    Validators validators =
        new Validators(
            new RequestValidator(schemas, messages, api, List.of()),
            new ResponseValidator(schemas, messages, api, List.of()));
    Map<String, Target> byId = new HashMap<>();
    api.getPaths()
        .forEach(
            (path, item) -> {
              ApiPath apiPath = new ApiPathImpl(path, null);
              item.readOperationsMap()
                  .forEach(
                      (method, operation) ->
                          byId.put(
                              operation.getOperationId(),
                              new Target(validators, apiPath, method, operation)));
            });
    return byId;
  }

  private Target target(ProviderApi.Route route) {
    return targets.get(route.spec()).get(route.operationId());
  }

  /** The request problems (errors only) the spec finds, rendered as field-level problems. */
  List<Errors.Problem> validateRequest(ProviderApi.Route route, Call call) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(call.method, call.path);
    call.headers.forEach(b::withHeader);
    call.query.forEach(b::withQueryParam);
    if (call.rawBody.length > 0) {
      b.withBody(call.rawBody);
    }
    Target target = target(route);
    ValidationReport report =
        target.validators().requests().validateRequest(b.build(), target.on(call.path));
    List<Errors.Problem> problems = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        problems.add(toProblem(m));
      }
    }
    return problems;
  }

  /**
   * The response problems the spec finds, as readable lines; empty when the response keeps the
   * contract.
   */
  List<String> validateResponse(ProviderApi.Route route, Call call, Reply reply, byte[] body) {
    Target target = target(route);
    ValidationReport report =
        target
            .validators()
            .responses()
            .validateResponse(new Sent(reply, body), target.on(call.path));
    List<String> lines = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        String pointer =
            m.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance)
                .orElse("");
        lines.add(m.getKey() + (pointer.isEmpty() ? "" : " at " + pointer) + ": " + m.getMessage());
      }
    }
    return lines;
  }

  private static Errors.Problem toProblem(ValidationReport.Message m) {
    String key = m.getKey();
    String error;
    if (key.endsWith(".required") || key.endsWith(".missing")) {
      error = "required";
    } else if (key.endsWith(".minimum") || key.endsWith(".exclusiveMinimum")) {
      error = "min_value";
    } else if (key.endsWith(".maximum") || key.endsWith(".exclusiveMaximum")) {
      error = "max_value";
    } else if (key.endsWith("Length") || key.endsWith("Items")) {
      error = "length_outside_bounds";
    } else if (key.endsWith(".pattern")) {
      error = "pattern_mismatch";
    } else {
      error = "invalid_value";
    }
    String location =
        m.getContext()
            .flatMap(ValidationReport.MessageContext::getParameter)
            .map(p -> p.getName())
            .orElseGet(
                () ->
                    m.getContext()
                        .flatMap(ValidationReport.MessageContext::getPointers)
                        .map(ValidationReport.MessageContext.Pointers::getInstance)
                        .map(p -> p.replaceFirst("^/", "").replace('/', '.'))
                        .orElse(""));
    if (key.endsWith("schema.required")) {
      Matcher names = MISSING_PROPERTIES.matcher(m.getMessage());
      if (names.find()) {
        String missing = names.group(1).replace("\"", "");
        location = location.isEmpty() ? missing : location + "." + missing;
      }
    }
    if (location.isEmpty() && key.startsWith("validation.request.body")) {
      location = "body";
    }
    return new Errors.Problem(error, location, m.getMessage(), null);
  }

  /**
   * A response as the sandbox sends it: the handler's reply, its body as written and as the tree
   * the handler built (validated as that tree, not parsed back from the bytes).
   */
  private record Sent(Reply reply, byte[] bytes) implements Response, Body {
    @Override
    public int getStatus() {
      return reply.status;
    }

    @Override
    @Deprecated
    public Optional<String> getBody() {
      return bytes.length == 0
          ? Optional.empty()
          : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<Body> getResponseBody() {
      return bytes.length == 0 ? Optional.empty() : Optional.of(this);
    }

    @Override
    public Collection<String> getHeaderValues(String name) {
      List<String> values = new ArrayList<>(1);
      if (bytes.length > 0 && name.equalsIgnoreCase("Content-Type")) {
        values.add("application/json");
      }
      reply.headers.forEach(
          (n, v) -> {
            if (n.equalsIgnoreCase(name)) {
              values.add(v);
            }
          });
      return values;
    }

    @Override
    public boolean hasBody() {
      return bytes.length > 0;
    }

    @Override
    public JsonNode toJsonNode() {
      return reply.body;
    }

    @Override
    public String toString(Charset charset) {
      return new String(bytes, charset);
    }
  }
}
