package dev.transferkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast body checks are sound: whatever body they vouch for, swagger-request-validator (the authority the
 * sandbox falls back to) accepts too. Checked on every example of every spec and on tens of thousands of mutants of
 * them (members removed, nulled, renamed, retyped, broken formats, unknown enum values, extra members...). The
 * checks also vouch for every documented example, so the fast path is really the one normal traffic takes.
 */
class FastSchemasSoundnessTest {
  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
  private static final int MUTANTS_PER_EXAMPLE = 300;

  /** One documented body: where it goes and the fast rule for it. */
  record Case(String name, String spec, Request.Method method, String path, String template, int status,
      FastSchemas.Rule rule, JsonNode body) {
    boolean request() {
      return status < 0;
    }
  }

  private static final List<Case> CASES = new ArrayList<>();
  private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new LinkedHashMap<>();

  @BeforeAll
  static void load() {
    for (String spec : Specs.ALL) {
      OpenAPI api = Specs.parse(spec);
      FastSchemas fast = FastSchemas.compile(api);
      VALIDATORS.put(spec, OpenApiInteractionValidator.createFor(api).build());
      for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
        String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
        for (Map.Entry<PathItem.HttpMethod, Operation> e : path.getValue().readOperationsMap().entrySet()) {
          Operation op = e.getValue();
          FastSchemas.Op fop = fast.op(e.getKey().name(), path.getKey());
          Request.Method method = Request.Method.valueOf(e.getKey().name());
          String where = spec + ": " + e.getKey() + " " + path.getKey();
          if (op.getRequestBody() != null) {
            examples(op.getRequestBody().getContent()).forEach((name, body) ->
                CASES.add(new Case(where + " request " + name, spec, method, concrete, path.getKey(), -1, fop.request,
                    body)));
          }
          for (Map.Entry<String, ApiResponse> r : op.getResponses().entrySet()) {
            int status = r.getKey().equals("default") ? 500 : Integer.parseInt(r.getKey());
            examples(r.getValue().getContent()).forEach((name, body) ->
                CASES.add(new Case(where + " response " + r.getKey() + " " + name, spec, method, concrete,
                    path.getKey(), status, fop.response(status), body)));
          }
        }
      }
    }
  }

  @Test
  void theFastChecksVouchForEveryDocumentedExample() {
    assertTrue(CASES.size() >= 80, "examples found: " + CASES.size());
    List<String> notVouched = new ArrayList<>();
    for (Case c : CASES) {
      assertEquals(List.of(), bodyErrors(c, c.body()), c.name() + " must be valid in the first place");
      if (!c.rule().vouches(c.body())) {
        notVouched.add(c.name());
      }
    }
    assertEquals(List.of(), notVouched, "the fast checks must take the documented bodies");
  }

  @Test
  void whatTheFastChecksAcceptTheValidatorAccepts() {
    Random random = new Random(20261122L);
    int vouched = 0;
    int refused = 0;
    int refusedButValid = 0;
    List<String> unsound = new ArrayList<>();
    for (Case c : CASES) {
      for (int i = 0; i < MUTANTS_PER_EXAMPLE; i++) {
        JsonNode mutant = c.body().deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
          mutant = mutate(mutant, random);
        }
        boolean fast = c.rule().vouches(mutant);
        List<String> errors = bodyErrors(c, mutant);
        if (fast) {
          vouched++;
          if (!errors.isEmpty() && unsound.size() < 20) {
            unsound.add(c.name() + "\n    body: " + Json.text(mutant) + "\n    validator: " + errors);
          }
        } else {
          refused++;
          if (errors.isEmpty()) {
            refusedButValid++;
          }
        }
      }
    }
    System.out.printf("fast-check soundness: %d examples, %d mutants vouched for, %d refused (%d of them valid)%n",
        CASES.size(), vouched, refused, refusedButValid);
    assertEquals(List.of(), unsound, "the fast checks vouched for bodies the validator rejects");
    // The mutants must really exercise both sides, or the check above proves nothing.
    assertTrue(vouched > CASES.size() * 10, "vouched " + vouched);
    assertTrue(refused > CASES.size() * 100, "refused " + refused);
    // Refusing a valid body only costs time (the validator then decides); it must stay the exception.
    assertTrue(refusedButValid < refused / 4, refusedButValid + " valid mutants refused of " + refused);
  }

  private static final String[] PARAM_VALUES = {
    "abc", "x", "c0ffee00-0000-4000-8000-00000000000a", "0", "1", "50", "51", "-1", " 1", "1.0", "01", "+1",
    "2024-01-01T00:00:00Z", "2024-01-01T00:00:00.5Z", "2024-01-01T00:00:00+01:00", "2024-13-01T00:00:00Z", "",
    "true", "USD", "complete", "9223372036854775808", "2147483648", "a b", "%",
  };

  /**
   * Whole requests (parameters, Accept, Content-Type, body): whenever the checks vouch for everything and the sandbox
   * skips the validator, the validator finds nothing either.
   */
  @Test
  void requestsTheChecksPassCompletelyTheValidatorAccepts() {
    Specs specs = Specs.load();
    Random random = new Random(7);
    int complete = 0;
    int total = 0;
    List<String> unsound = new ArrayList<>();
    for (String spec : Specs.ALL) {
      OpenAPI api = Specs.parse(spec);
      OpenApiInteractionValidator validator = VALIDATORS.get(spec);
      for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
        for (Map.Entry<PathItem.HttpMethod, Operation> e : path.getValue().readOperationsMap().entrySet()) {
          Operation op = e.getValue();
          List<io.swagger.v3.oas.models.parameters.Parameter> declared = new ArrayList<>();
          if (path.getValue().getParameters() != null) {
            declared.addAll(path.getValue().getParameters());
          }
          if (op.getParameters() != null) {
            declared.addAll(op.getParameters());
          }
          String body = null;
          if (op.getRequestBody() != null) {
            Map<String, JsonNode> bodies = examples(op.getRequestBody().getContent());
            if (bodies.isEmpty()) {
              continue;
            }
            body = Json.text(bodies.values().iterator().next());
          }
          for (int i = 0; i < 400; i++) {
            total++;
            Map<String, String> pathParams = new LinkedHashMap<>();
            Map<String, List<String>> query = new LinkedHashMap<>();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (io.swagger.v3.oas.models.parameters.Parameter p : declared) {
              List<String> pool = new ArrayList<>(List.of(PARAM_VALUES));
              if (p.getSchema() != null && p.getSchema().getEnum() != null) {
                p.getSchema().getEnum().forEach(v -> pool.add(String.valueOf(v)));
                p.getSchema().getEnum().forEach(v -> pool.add(String.valueOf(v)));
              }
              String v = pool.get(random.nextInt(pool.size()));
              switch (p.getIn()) {
                case "path" -> pathParams.put(p.getName(), v);
                case "query" -> {
                  if (random.nextInt(3) > 0) {
                    query.put(p.getName(), random.nextInt(20) == 0 ? List.of(v, v) : List.of(v));
                  }
                }
                default -> {
                  if (random.nextInt(4) > 0) {
                    headers.put(p.getName(), List.of(v));
                  }
                }
              }
            }
            if (random.nextInt(10) == 0) {
              query.put("unexpected", List.of("1"));
            }
            String accept = new String[] {null, null, "*/*", "application/json", "text/html"}[random.nextInt(5)];
            if (accept != null) {
              headers.put("Accept", List.of(accept));
            }
            boolean withBody = body != null && random.nextInt(8) > 0;
            if (withBody || random.nextInt(10) == 0) {
              headers.put("Content-Type", List.of(random.nextInt(6) == 0 ? "text/plain" : "application/json"));
            }
            String concrete = path.getKey();
            for (Map.Entry<String, String> pp : pathParams.entrySet()) {
              concrete = concrete.replace("{" + pp.getKey() + "}", encode(pp.getValue()));
            }
            StringBuilder url = new StringBuilder("http://127.0.0.1:1/prefix" + concrete);
            String sep = "?";
            for (Map.Entry<String, List<String>> q : query.entrySet()) {
              for (String v : q.getValue()) {
                url.append(sep).append(q.getKey()).append('=').append(encode(v));
                sep = "&";
              }
            }
            byte[] bytes = withBody ? body.getBytes(java.nio.charset.StandardCharsets.UTF_8) : new byte[0];
            Call call = new Call(e.getKey().name(), concrete, url.toString(), query, headers, pathParams, bytes);
            Specs.Stats stats = new Specs.Stats();
            List<Errors.Problem> fast = specs.validateRequest(spec, path.getKey(), call, stats);
            if (stats.fastRequestsComplete.sum() == 0) {
              continue;
            }
            complete++;
            SimpleRequest.Builder b = new SimpleRequest.Builder(e.getKey().name(), concrete);
            headers.forEach(b::withHeader);
            query.forEach(b::withQueryParam);
            if (withBody) {
              b.withBody(body);
            }
            List<String> errors = new ArrayList<>();
            for (ValidationReport.Message m : validator.validateRequest(b.build()).getMessages()) {
              if (m.getLevel() == ValidationReport.Level.ERROR && !m.getKey().startsWith("validation.request.security")) {
                errors.add(m.getKey() + ": " + m.getMessage());
              }
            }
            if (!fast.isEmpty() || (!errors.isEmpty() && unsound.size() < 20)) {
              unsound.add(spec + " " + e.getKey() + " " + url + " " + headers + ": " + errors + " " + fast);
            }
          }
        }
      }
    }
    System.out.printf("fast-check soundness, whole requests: %d generated, %d vouched for completely%n", total,
        complete);
    assertEquals(List.of(), unsound, "requests vouched for completely that the validator rejects");
    assertTrue(complete > total / 20, "complete " + complete + " of " + total);
    assertTrue(complete < total * 9 / 10, "the mutants must also break things: " + complete + " of " + total);
  }

  /** Whole responses (status, headers, body): when the checks vouch for all of it, the validator agrees. */
  @Test
  void responsesTheChecksPassCompletelyTheValidatorAccepts() {
    Specs specs = Specs.load();
    Random random = new Random(11);
    int complete = 0;
    int total = 0;
    List<String> unsound = new ArrayList<>();
    for (Case c : CASES) {
      if (c.request()) {
        continue;
      }
      OpenAPI api = Specs.parse(c.spec());
      Operation op = api.getPaths().get(c.template()).readOperationsMap()
          .get(PathItem.HttpMethod.valueOf(c.method().name()));
      ApiResponse declared = op.getResponses().get(c.status() == 500 && !op.getResponses().containsKey("500")
          ? "default" : Integer.toString(c.status()));
      for (int i = 0; i < 100; i++) {
        total++;
        Reply reply = new Reply(c.status(), c.body());
        if (declared.getHeaders() != null) {
          for (String h : declared.getHeaders().keySet()) {
            if (random.nextInt(4) > 0) {
              reply.header(h, PARAM_VALUES[random.nextInt(PARAM_VALUES.length)]);
            }
          }
        }
        if (random.nextInt(5) == 0) {
          reply.header("X-Extra", "1");
        }
        byte[] bytes = Json.bytes(c.body());
        Call call = new Call(c.method().name(), c.path(), "http://127.0.0.1:1/p" + c.path(), Map.of(), Map.of(),
            Map.of(), new byte[0]);
        Specs.Stats stats = new Specs.Stats();
        List<String> fast = specs.validateResponse(c.spec(), c.template(), call, reply, bytes, stats);
        if (stats.fastResponsesComplete.sum() == 0) {
          continue;
        }
        complete++;
        SimpleResponse.Builder b = SimpleResponse.Builder.status(c.status()).withContentType("application/json")
            .withBody(bytes);
        reply.headers.forEach(b::withHeader);
        List<String> errors = new ArrayList<>();
        for (ValidationReport.Message m : VALIDATORS.get(c.spec()).validateResponse(c.path(), c.method(), b.build())
            .getMessages()) {
          if (m.getLevel() == ValidationReport.Level.ERROR) {
            errors.add(m.getKey() + ": " + m.getMessage());
          }
        }
        if (!fast.isEmpty() || (!errors.isEmpty() && unsound.size() < 20)) {
          unsound.add(c.name() + " " + reply.headers + ": " + errors + " " + fast);
        }
      }
    }
    System.out.printf("fast-check soundness, whole responses: %d generated, %d vouched for completely%n", total,
        complete);
    assertEquals(List.of(), unsound, "responses vouched for completely that the validator rejects");
    assertTrue(complete > total / 10, "complete " + complete + " of " + total);
    assertTrue(complete < total, "the generated headers must also break things");
  }

  private static String encode(String v) {
    StringBuilder out = new StringBuilder();
    for (byte b : v.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~:".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append(String.format("%%%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  @Test
  void aRuleThatCannotBeModelledVouchesForNothing() {
    FastSchemas.Rule never = FastSchemas.Rule.never("test");
    assertFalse(never.vouches(F.objectNode()));
    assertFalse(FastSchemas.NO_BODY.vouches(F.objectNode()));
    assertTrue(FastSchemas.utcDateTime("2024-02-29T23:59:59.123Z"));
    assertFalse(FastSchemas.utcDateTime("2023-02-29T23:59:59Z"));
    assertFalse(FastSchemas.utcDateTime("2024-01-01T00:00:00+01:00"));
    assertFalse(FastSchemas.utcDateTime("2024-01-01T24:00:00Z"));
    assertFalse(FastSchemas.utcDateTime("2024-01-01T00:00:00.Z"));
    assertTrue(FastSchemas.uuid("c0ffee00-0000-4000-8000-00000000000A"));
    assertFalse(FastSchemas.uuid("c0ffee00-0000-4000-8000-00000000000g"));
    assertTrue(FastSchemas.plainDecimal("-0.01"));
    assertTrue(FastSchemas.plainDecimal(".5"));
    assertFalse(FastSchemas.plainDecimal("."));
    assertFalse(FastSchemas.plainDecimal("-"));
    assertFalse(FastSchemas.plainDecimal("1e3"));
    assertFalse(FastSchemas.plainDecimal("1."));
  }

  /** The validator's body errors for a body sent where the case says (headers and parameters are not in play). */
  private static List<String> bodyErrors(Case c, JsonNode body) {
    OpenApiInteractionValidator v = VALIDATORS.get(c.spec());
    String text = Json.text(body);
    ValidationReport report = c.request()
        ? v.validateRequest(new SimpleRequest.Builder(c.method(), c.path()).withContentType("application/json")
            .withBody(text).build())
        : v.validateResponse(c.path(), c.method(), SimpleResponse.Builder.status(c.status())
            .withContentType("application/json").withBody(text).build());
    List<String> errors = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR
          && (m.getKey().startsWith("validation.request.body") || m.getKey().startsWith("validation.response.body")
              || m.getKey().startsWith("validation.schema"))) {
        errors.add(m.getKey() + ": " + m.getMessage());
      }
    }
    return errors;
  }

  // ---- mutations

  private static final JsonNode[] REPLACEMENTS = {
    F.textNode(""), F.textNode("x"), F.textNode("2024-13-01T00:00:00Z"), F.textNode("2024-01-01T00:00:00+01:00"),
    F.textNode("2024-01-01T00:00:00.123456Z"), F.textNode("2024-01-01"),
    F.textNode("c0ffee00-0000-4000-8000-00000000000g"), F.textNode("C0FFEE00-0000-4000-8000-00000000000A"),
    F.textNode("1e3"), F.textNode("-0.01"), F.textNode(".5"), F.textNode("10.00"), F.textNode("USD"),
    F.textNode("complete"), F.textNode("UNKNOWN_VALUE"), F.textNode(" 1"),
    F.numberNode(0), F.numberNode(-1), F.numberNode(new BigDecimal("1.5")), F.numberNode(new BigDecimal("1.0")),
    F.numberNode(2147483648L), F.numberNode(new BigInteger("9223372036854775808")),
    F.numberNode(new BigDecimal("1E+400")), F.numberNode(new BigDecimal("0.00000001")),
    F.booleanNode(true), F.objectNode(), F.arrayNode(), F.nullNode(),
  };

  private static JsonNode mutate(JsonNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    if (containers.isEmpty() || random.nextInt(20) == 0) {
      return REPLACEMENTS[random.nextInt(REPLACEMENTS.length)].deepCopy();
    }
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      int op = random.nextInt(7);
      if (names.isEmpty() || op == 0) {
        o.put("unexpectedMember" + random.nextInt(3), random.nextInt(10));
        return root;
      }
      String name = names.get(random.nextInt(names.size()));
      switch (op) {
        case 1 -> o.remove(name);
        case 2 -> o.putNull(name);
        case 3 -> o.set(name + (random.nextBoolean() ? "X" : ""), o.remove(name));
        case 4 -> o.set(name, retype(o.get(name), random));
        default -> o.set(name, REPLACEMENTS[random.nextInt(REPLACEMENTS.length)].deepCopy());
      }
    } else if (target instanceof ArrayNode a) {
      int op = random.nextInt(4);
      if (a.isEmpty() || op == 0) {
        a.add(REPLACEMENTS[random.nextInt(REPLACEMENTS.length)].deepCopy());
      } else if (op == 1) {
        a.remove(random.nextInt(a.size()));
      } else if (op == 2) {
        a.add(a.get(random.nextInt(a.size())).deepCopy());
      } else {
        int i = random.nextInt(a.size());
        a.set(i, retype(a.get(i), random));
      }
    }
    return root;
  }

  /** The same value in another JSON type or shape, as a confused client or a buggy handler would send it. */
  private static JsonNode retype(JsonNode v, Random random) {
    if (v.isTextual()) {
      String t = v.textValue();
      try {
        return F.numberNode(new BigDecimal(t));
      } catch (NumberFormatException e) {
        return random.nextBoolean() ? F.textNode(t.toLowerCase()) : F.arrayNode().add(t);
      }
    }
    if (v.isNumber()) {
      return random.nextBoolean() ? F.textNode(v.asText()) : F.numberNode(v.decimalValue().negate());
    }
    if (v.isBoolean()) {
      return F.textNode(v.asText());
    }
    if (v.isObject()) {
      return random.nextBoolean() ? F.arrayNode().add(v) : F.textNode(Json.text(v));
    }
    if (v.isArray()) {
      return v.isEmpty() ? F.objectNode() : v.get(0);
    }
    return F.objectNode();
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      Iterator<JsonNode> it = n.elements();
      while (it.hasNext()) {
        collect(it.next(), out);
      }
    }
  }

  private static Map<String, JsonNode> examples(Map<String, MediaType> content) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (content == null || content.get("application/json") == null) {
      return out;
    }
    MediaType mt = content.get("application/json");
    if (mt.getExample() != null) {
      out.put("example", tree(mt.getExample()));
    }
    if (mt.getExamples() != null) {
      for (Map.Entry<String, Example> e : mt.getExamples().entrySet()) {
        out.put(e.getKey(), tree(e.getValue().getValue()));
      }
    }
    return out;
  }

  private static JsonNode tree(Object example) {
    try {
      return example instanceof String s ? Json.parse(s.getBytes(java.nio.charset.StandardCharsets.UTF_8))
          : Json.parse(io.swagger.v3.core.util.Json.mapper().writeValueAsBytes(example));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
