package dev.transferkit.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract: one swagger-request-validator per spec file under {@code specs/} on the classpath (copied there from
 * the repository's specs/ directory at build time). Loaded in parallel at start; thread-safe afterwards.
 */
final class Specs {
  static final String CIRCLE_ACCOUNTS = "circle/digital-asset-accounts.yaml";
  static final String CIRCLE_PAYOUTS = "circle/payouts.yaml";
  static final String CIRCLE_WALLETS = "circle/user-controlled-wallets.yaml";
  static final String WYRE = "wyre/transfers.yaml";
  static final String STREAMBIRD = "streambird/transfers.yaml";
  static final List<String> ALL =
      List.of(CIRCLE_WALLETS, CIRCLE_ACCOUNTS, CIRCLE_PAYOUTS, WYRE, STREAMBIRD);

  private static final Logger LOG = LoggerFactory.getLogger(Specs.class);
  private static final Pattern MISSING_PROPERTIES = Pattern.compile("properties \\(\\[([^\\]]*)\\]\\)");

  /** Everything one spec file gives: the full validator, the same without body checks, and the fast body checks. */
  private static final class Contract {
    private final OpenAPI api;
    private final OpenApiInteractionValidator full;
    private final FastSchemas bodies;
    private volatile OpenApiInteractionValidator bodiless;

    Contract(OpenAPI api) {
      this.api = api;
      this.full = validator(api, false);
      this.bodies = FastSchemas.compile(api);
    }

    OpenApiInteractionValidator full() {
      return full;
    }

    FastSchemas bodies() {
      return bodies;
    }

    /** Built on first use (about 100 ms of start-up for all specs otherwise): most exchanges never need it. */
    OpenApiInteractionValidator bodiless() {
      OpenApiInteractionValidator v = bodiless;
      if (v == null) {
        synchronized (this) {
          v = bodiless;
          if (v == null) {
            v = bodiless = validator(api, true);
          }
        }
      }
      return v;
    }
  }

  private final Map<String, Contract> contracts;
  /** How many bodies the fast checks vouched for, and how many went to the full validator instead (per sandbox). */
  static final class Stats {
    final LongAdder fastRequests = new LongAdder();
    /** Of {@link #fastRequests}: those whose parameters and headers were vouched for too (no validator at all). */
    final LongAdder fastRequestsComplete = new LongAdder();
    final LongAdder fullRequests = new LongAdder();
    final LongAdder fastResponses = new LongAdder();
    /** Of {@link #fastResponses}: those whose status and headers were vouched for too (no validator at all). */
    final LongAdder fastResponsesComplete = new LongAdder();
    final LongAdder fullResponses = new LongAdder();
  }

  private Specs(Map<String, Contract> contracts) {
    this.contracts = contracts;
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
      CompletableFuture<?> warmValidator =
          CompletableFuture.runAsync(() -> OpenApiInteractionValidator.createFor(new OpenAPI()).build(), pool);
      Map<String, OpenAPI> parsed = new LinkedHashMap<>();
      for (String name : ALL) {
        parsed.put(name, parse(name));
      }
      long t1 = System.nanoTime();
      warmValidator.get();
      long t2 = System.nanoTime();
      Map<String, Contract> result = new LinkedHashMap<>();
      parsed.forEach((name, api) ->
          result.put(name, new Contract(api)));
      LOG.debug("specs: parsed in {} ms, validator warm-up waited {} ms, validators built in {} ms",
          (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
      return new Specs(result);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot load the specs: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  static OpenAPI parse(String name) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true); // response $refs too: without it error responses look body-less
    // The OpenAPI 3 parser directly: the generic entry point would also load the Swagger 2 converter.
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(read(name), null, options);
    if (parsed.getOpenAPI() == null) {
      throw new IllegalStateException("cannot parse " + name + ": " + parsed.getMessages());
    }
    if (parsed.getMessages() != null && !parsed.getMessages().isEmpty()) {
      LOG.warn("{}: {}", name, parsed.getMessages());
    }
    return parsed.getOpenAPI();
  }

  /**
   * The validator of one spec. {@code bodiless}: the one used after the fast checks vouched for the body; it is
   * given the exchange without its body and must not complain that the body is missing (the fast checks already
   * made sure a required body is there and keeps its schema).
   */
  private static OpenApiInteractionValidator validator(OpenAPI api, boolean bodiless) {
    LevelResolver.Builder levels =
        LevelResolver.create()
            // Authentication is checked by the sandbox itself, before validation, in each provider's own way.
            .withLevel("validation.request.security", ValidationReport.Level.IGNORE);
    if (bodiless) {
      levels.withLevel("validation.request.body.missing", ValidationReport.Level.IGNORE)
          .withLevel("validation.response.body.missing", ValidationReport.Level.IGNORE);
    }
    return OpenApiInteractionValidator.createFor(api).withLevelResolver(levels.build()).build();
  }

  /** The spec's text: its JSON twin written at build time when present (faster to parse), else the YAML. */
  static String read(String name) {
    String json = "specs/" + name.replaceFirst("\\.yaml$", ".json");
    try (InputStream in = Specs.class.getClassLoader().getResourceAsStream(json)) {
      if (in != null) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String resource = "specs/" + name;
    try (InputStream in = Specs.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("spec " + resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The request problems (errors only) the spec finds, rendered as field-level problems. {@code pathTemplate} is the
   * operation's path as the spec writes it. The body goes through the pre-compiled checks first; only when they
   * cannot vouch for it does swagger-request-validator check the body too (and say what is wrong). Either way the
   * validator checks everything else (path, query, headers).
   */
  List<Errors.Problem> validateRequest(String spec, String pathTemplate, Call call, Stats stats) {
    Contract contract = contracts.get(spec);
    FastSchemas.Op op = contract.bodies().op(call.method, pathTemplate);
    boolean vouched = requestBodyVouched(op, call);
    (vouched ? stats.fastRequests : stats.fullRequests).increment();
    if (vouched && restVouched(op, call)) {
      stats.fastRequestsComplete.increment();
      return List.of(); // body, parameters and headers all certainly keep the spec: nothing the validator could add
    }
    SimpleRequest.Builder b = new SimpleRequest.Builder(call.method, call.path);
    boolean dropBody = vouched && call.rawBody.length > 0;
    call.headers.forEach((name, values) -> {
      if (!(dropBody && name.equalsIgnoreCase("Content-Type"))) {
        b.withHeader(name, values);
      }
    });
    call.query.forEach(b::withQueryParam);
    if (!vouched && call.rawBody.length > 0) {
      b.withBody(call.rawBody);
    }
    ValidationReport report = (vouched ? contract.bodiless() : contract.full()).validateRequest(b.build());
    List<Errors.Problem> problems = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        problems.add(toProblem(m));
      }
    }
    return problems;
  }

  private static boolean requestBodyVouched(FastSchemas.Op op, Call call) {
    if (op == null) {
      return false;
    }
    if (call.rawBody.length == 0) {
      // Nothing to check when none is declared or it is optional; a missing required body is the validator's to say.
      return op.request == null || (op.request == FastSchemas.NO_BODY || !op.requestRequired);
    }
    if (op.request == null || !isJson(call.header("Content-Type"))) {
      return false;
    }
    JsonNode body = Json.parseStrict(call.rawBody);
    if (body == null || !op.request.vouches(body)) {
      return false;
    }
    call.parsed(body);
    return true;
  }

  /**
   * The validator finds the operation of a response by its path: it finds the one the router found when every path
   * parameter is a non-empty segment without escapes (what {@link FastSchemas.Op#paramsVouched} also requires).
   */
  private static boolean pathResolves(Call call) {
    if (call.path.indexOf('%') >= 0 || call.path.contains("//") || call.path.endsWith("/")) {
      return false;
    }
    for (String v : call.pathParams.values()) {
      if (v.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** Everything but the body: parameters, Accept, and no Content-Type without a body. */
  private static boolean restVouched(FastSchemas.Op op, Call call) {
    String accept = call.header("Accept");
    if (accept != null && !(accept.equals("*/*") || isJson(accept))) {
      return false;
    }
    if (call.rawBody.length == 0 && call.header("Content-Type") != null) {
      return false;
    }
    String raw = call.fullUrl;
    int query = raw.indexOf('?');
    return op.paramsVouched(query < 0 ? raw : raw.substring(0, query), call.pathParams, call.query,
        call::headerValues);
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.equalsIgnoreCase("application/json");
  }

  /**
   * The response problems the spec finds, as readable lines; empty when the response keeps the contract. The body
   * (the tree {@code body} was written from) goes through the pre-compiled checks first, as for requests.
   */
  List<String> validateResponse(String spec, String pathTemplate, Call call, Reply reply, byte[] body, Stats stats) {
    Contract contract = contracts.get(spec);
    FastSchemas.Op op = contract.bodies().op(call.method, pathTemplate);
    boolean vouched = responseBodyVouched(op, reply, body);
    (vouched ? stats.fastResponses : stats.fullResponses).increment();
    if (vouched && pathResolves(call) && op.responseHeadersVouched(reply.status, name -> {
      for (Map.Entry<String, String> h : reply.headers.entrySet()) {
        if (h.getKey().equalsIgnoreCase(name)) {
          return List.of(h.getValue());
        }
      }
      return null;
    })) {
      stats.fastResponsesComplete.increment();
      return List.of();
    }
    SimpleResponse.Builder b = new SimpleResponse.Builder(reply.status);
    if (!vouched && body.length > 0) {
      b.withContentType("application/json").withBody(body);
    }
    reply.headers.forEach(b::withHeader);
    ValidationReport report =
        (vouched ? contract.bodiless() : contract.full())
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

  private static boolean responseBodyVouched(FastSchemas.Op op, Reply reply, byte[] body) {
    if (op == null) {
      return false;
    }
    FastSchemas.Rule rule = op.response(reply.status);
    if (rule == null) {
      return false; // undeclared status: the validator says so
    }
    if (body.length == 0) {
      return rule == FastSchemas.NO_BODY;
    }
    return reply.body != null && rule.vouches(reply.body);
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
