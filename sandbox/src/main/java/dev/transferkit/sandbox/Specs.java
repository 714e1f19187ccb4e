package dev.transferkit.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.transferkit.specs.Provider;
import dev.transferkit.specs.SpecLoader;
import dev.transferkit.specs.SpecOperation;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The contract as the sandbox uses it: every provider's specs parsed by the specs module's {@link SpecLoader}, their
 * operations, and one swagger-request-validator per spec file. Loaded in parallel with the server start; thread-safe
 * afterwards.
 */
final class Specs {
  // The files whose operations behave differently within Circle (authentication and error codes differ per product).
  static final String CIRCLE_PAYOUTS = "circle/payouts.yaml";
  static final String CIRCLE_WALLETS = "circle/user-controlled-wallets.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(Specs.class);
  private static final Pattern MISSING_PROPERTIES = Pattern.compile("properties \\(\\[([^\\]]*)\\]\\)");

  /** One swagger-request-validator per spec file, by file name. */
  private final Map<String, OpenApiInteractionValidator> validators;
  private final Map<Provider, List<SpecOperation>> operations;

  private Specs(Map<String, OpenApiInteractionValidator> validators, Map<Provider, List<SpecOperation>> operations) {
    this.validators = validators;
    this.operations = operations;
  }

  /** The operations of a provider's specs, in the specs' order. */
  List<SpecOperation> operations(Provider provider) {
    return operations.get(provider);
  }

  private static volatile CompletableFuture<Specs> cache;

  /** The specs, parsed once per JVM (validators are immutable and thread-safe), so later sandboxes start fast. */
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
      // Two things are slow the first time: parsing YAML into the OpenAPI model, and setting up the JSON-schema
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
      Map<String, OpenApiInteractionValidator> result = new LinkedHashMap<>();
      parsed.forEach((name, api) -> result.put(name, validator(api)));
      LOG.debug("specs: parsed in {} ms, validator warm-up waited {} ms, validators built in {} ms",
          (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
      return new Specs(result, operations);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot load the specs: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Validates one small exchange against a one-operation spec built here: the JSON-schema machinery's first body
   * validation costs about 200 ms of class loading and set-up, which would otherwise fall on the first request (and
   * push it past a client's read timeout). Runs while the real specs are parsed.
   */
  private static void warmUp() {
    io.swagger.v3.oas.models.media.Schema<?> schema = new io.swagger.v3.oas.models.media.ObjectSchema()
        .addProperty("id", new io.swagger.v3.oas.models.media.StringSchema())
        .addRequiredItem("id");
    io.swagger.v3.oas.models.media.Content json = new io.swagger.v3.oas.models.media.Content()
        .addMediaType("application/json", new io.swagger.v3.oas.models.media.MediaType().schema(schema));
    io.swagger.v3.oas.models.Operation op = new io.swagger.v3.oas.models.Operation()
        .requestBody(new io.swagger.v3.oas.models.parameters.RequestBody().content(json).required(true))
        .responses(new io.swagger.v3.oas.models.responses.ApiResponses().addApiResponse("200",
            new io.swagger.v3.oas.models.responses.ApiResponse().description("ok").content(json)));
    OpenAPI api = new OpenAPI().paths(new io.swagger.v3.oas.models.Paths()
        .addPathItem("/warm", new io.swagger.v3.oas.models.PathItem().post(op)));
    OpenApiInteractionValidator v = validator(api);
    byte[] body = "{\"id\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    v.validateRequest(new SimpleRequest.Builder("POST", "/warm").withContentType("application/json")
        .withBody(body).build());
    v.validateResponse("/warm", Request.Method.POST,
        SimpleResponse.Builder.status(200).withContentType("application/json").withBody(body).build());
  }

  /**
   * The validator of one spec; authentication is the sandbox's own (each provider's way), so not checked here. Extra
   * members are accepted as JSON Schema and the providers accept them: swagger-request-validator would otherwise treat
   * every object as {@code additionalProperties: false}; a schema that says so itself is still enforced.
   */
  private static OpenApiInteractionValidator validator(OpenAPI api) {
    LevelResolver levels = LevelResolver.create()
        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
        .build();
    return OpenApiInteractionValidator.createFor(api).withLevelResolver(levels).build();
  }

  /** The request problems (errors only) the spec finds, rendered as field-level problems. */
  List<Errors.Problem> validateRequest(String spec, Call call) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(call.method, call.path);
    call.headers.forEach(b::withHeader);
    call.query.forEach(b::withQueryParam);
    if (call.rawBody.length > 0) {
      b.withBody(call.rawBody);
    }
    ValidationReport report = validators.get(spec).validateRequest(b.build());
    List<Errors.Problem> problems = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        problems.add(toProblem(m));
      }
    }
    return problems;
  }

  /** The response problems the spec finds, as readable lines; empty when the response keeps the contract. */
  List<String> validateResponse(String spec, Call call, Reply reply, byte[] body) {
    SimpleResponse.Builder b = new SimpleResponse.Builder(reply.status);
    if (body.length > 0) {
      b.withContentType("application/json").withBody(body);
    }
    reply.headers.forEach(b::withHeader);
    ValidationReport report = validators.get(spec)
        .validateResponse(call.path, Request.Method.valueOf(call.method.toUpperCase()), b.build());
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
}
