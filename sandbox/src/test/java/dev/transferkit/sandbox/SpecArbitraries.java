package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries of HTTP requests derived from one parsed spec (swagger-parser's model, every
 * {@code $ref} resolved): for each operation, path, query and header parameters and a JSON body
 * drawn from their schemas, mostly valid, often at the edges (RFC 3339 times with large offsets,
 * amounts with many decimals or exponents, enum values, the seed's ids), sometimes broken (wrong
 * types, missing required members, trailing bytes, not JSON).
 *
 * <p>Why hand-written: no OpenAPI-driven request generator for the JVM is on Maven Central in a
 * form a JUnit build can use (the maintained ones are Python or CLI tools), and jqwik has no
 * OpenAPI module. The mapping from a schema to an arbitrary is the small part here; generation,
 * shrinking and seeds are jqwik's.
 */
final class SpecArbitraries {
  /** A request to send: the operation it was drawn for, and everything on the wire. */
  record GeneratedRequest(
      String method,
      String template,
      String path,
      String query,
      Map<String, String> headers,
      byte[] body) {
    @Override
    public String toString() {
      return method
          + " "
          + path
          + (query.isEmpty() ? "" : "?" + query)
          + " "
          + headers
          + (body == null ? "" : " " + new String(body, StandardCharsets.UTF_8));
    }
  }

  private static final int MAX_DEPTH = 5;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Every string constant of the seed (keys, ids, addresses): values that reach real state, not
   * just 404s.
   */
  static final List<String> SEED = seedValues();

  private final OpenAPI api;
  private final Map<String, String> credentials;
  private final Set<String> skipped;

  /**
   * @param credentials header values the generated requests carry most of the time ({@code
   *     Authorization}, ...)
   * @param skipped operationIds not to generate (those the sandbox does not simulate)
   */
  SpecArbitraries(OpenAPI api, Map<String, String> credentials, Set<String> skipped) {
    this.api = api;
    this.credentials = credentials;
    this.skipped = skipped;
  }

  Arbitrary<GeneratedRequest> requests() {
    List<Arbitrary<GeneratedRequest>> operations = new ArrayList<>();
    api.getPaths()
        .forEach(
            (template, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> {
                          if (!skipped.contains(op.getOperationId())) {
                            operations.add(operation(method.name(), template, item, op));
                          }
                        }));
    return Arbitraries.oneOf(operations);
  }

  private record Value(Parameter parameter, String text) {}

  private Arbitrary<GeneratedRequest> operation(
      String method, String template, PathItem item, Operation op) {
    List<Parameter> parameters = new ArrayList<>();
    if (item.getParameters() != null) {
      parameters.addAll(item.getParameters());
    }
    if (op.getParameters() != null) {
      parameters.addAll(op.getParameters());
    }
    List<Arbitrary<Value>> values = new ArrayList<>();
    for (Parameter p : parameters) {
      Arbitrary<String> text =
          Arbitraries.frequencyOf(
              Tuple.of(30, "path".equals(p.getIn()) ? ids(p.getSchema()) : text(p.getSchema())),
              Tuple.of(1, junkText()));
      Arbitrary<Value> value = text.map(t -> new Value(p, t));
      if (!Boolean.TRUE.equals(p.getRequired()) || "header".equals(p.getIn())) {
        value =
            Arbitraries.frequencyOf(
                Tuple.of(1, value), Tuple.of(4, Arbitraries.just(new Value(p, null))));
      }
      values.add(value);
    }
    Arbitrary<List<Value>> all =
        values.isEmpty() ? Arbitraries.just(List.of()) : Combinators.combine(values).as(l -> l);
    Arbitrary<byte[]> body = body(op);
    Arbitrary<Boolean> authenticated =
        Arbitraries.frequency(Tuple.of(30, true), Tuple.of(1, false));
    return Combinators.combine(all, body, authenticated)
        .as(
            (list, b, auth) -> {
              String path = template;
              StringBuilder query = new StringBuilder();
              Map<String, String> headers = new LinkedHashMap<>();
              if (auth) {
                headers.putAll(credentials);
              }
              for (Value v : list) {
                String in = v.parameter().getIn();
                String name = v.parameter().getName();
                if ("path".equals(in)) {
                  String segment = v.text() == null || v.text().isEmpty() ? "x" : v.text();
                  path =
                      path.replace(
                          "{" + name + "}",
                          URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
                } else if (v.text() == null) {
                  continue;
                } else if ("query".equals(in)) {
                  query
                      .append(query.length() == 0 ? "" : "&")
                      .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                      .append('=')
                      .append(URLEncoder.encode(v.text(), StandardCharsets.UTF_8));
                } else if ("header".equals(in) && !credentials.containsKey(name)) {
                  headers.put(name, headerSafe(v.text()));
                }
              }
              return new GeneratedRequest(method, template, path, query.toString(), headers, b);
            });
  }

  /** Header values travel as visible ASCII (java.net.http refuses the rest before sending). */
  private static String headerSafe(String text) {
    StringBuilder b = new StringBuilder();
    text.codePoints().filter(c -> c > 0x20 && c < 0x7f).forEach(b::appendCodePoint);
    return b.length() == 0 ? "x" : b.toString();
  }

  private Arbitrary<byte[]> body(Operation op) {
    if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
      return Arbitraries.just(null);
    }
    MediaType media = op.getRequestBody().getContent().get("application/json");
    if (media == null || media.getSchema() == null) {
      return Arbitraries.just(null);
    }
    List<JsonNode> examples = new ArrayList<>();
    if (media.getExamples() != null) {
      for (Example e : media.getExamples().values()) {
        if (e.getValue() != null) {
          examples.add(Json.MAPPER.valueToTree(e.getValue()));
        }
      }
    }
    if (media.getExample() != null) {
      examples.add(Json.MAPPER.valueToTree(media.getExample()));
    }
    Arbitrary<JsonNode> generated = json(media.getSchema(), 0);
    Arbitrary<JsonNode> document = generated;
    if (!examples.isEmpty()) {
      // The docs' examples reach the handlers' deeper paths; mixing generated members into them
      // varies them.
      Arbitrary<JsonNode> fromExample =
          Combinators.combine(
                  Arbitraries.of(examples), generated, Arbitraries.integers().between(0, 100))
              .as(SpecArbitraries::mix);
      document = Arbitraries.frequencyOf(Tuple.of(1, generated), Tuple.of(2, fromExample));
    }
    // The member the runtime fills with a fresh UUID (x-transferkit-runtime-filled: the idempotency
    // key) gets one
    // nearly always, as from a real client; a reused key is a replay or a conflict, which the rest
    // of the time tests.
    List<String> runtimeFilled = new ArrayList<>();
    Map<String, Schema> members = media.getSchema().getProperties();
    for (Map.Entry<String, Schema> m :
        members == null ? Map.<String, Schema>of().entrySet() : members.entrySet()) {
      Map<String, Object> extensions = m.getValue().getExtensions();
      if (extensions != null
          && Boolean.TRUE.equals(extensions.get("x-transferkit-runtime-filled"))) {
        runtimeFilled.add(m.getKey());
      }
    }
    if (!runtimeFilled.isEmpty()) {
      document =
          Combinators.combine(document, Arbitraries.integers().between(0, 19))
              .as(
                  (d, dice) -> {
                    if (d instanceof ObjectNode o && dice > 0) {
                      runtimeFilled.forEach(
                          name -> o.put(name, java.util.UUID.randomUUID().toString()));
                    }
                    return d;
                  });
    }
    Arbitrary<byte[]> valid = document.map(Json::bytes);
    Arbitrary<byte[]> broken =
        Combinators.combine(document, Arbitraries.of("{}", " x", "]", "\u0000", "{", "\"\""))
            .as((d, tail) -> (Json.text(d) + tail).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> notJson =
        Arbitraries.oneOf(junkText(), Arbitraries.of("", "null", "[]", "1", "\"x\"", "{\"a\":"))
            .map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.frequencyOf(Tuple.of(30, valid), Tuple.of(1, broken), Tuple.of(1, notJson));
  }

  /**
   * The example with some of the generated document's members put in (which ones: by {@code seed}).
   */
  private static JsonNode mix(JsonNode example, JsonNode generated, int seed) {
    if (!(example instanceof ObjectNode) || !(generated instanceof ObjectNode)) {
      return example;
    }
    ObjectNode out = ((ObjectNode) example).deepCopy();
    int i = 0;
    for (Map.Entry<String, JsonNode> e : generated.properties()) {
      if (((seed >> (i++ % 7)) & 1) == 1 && seed % 3 == 0) {
        out.set(e.getKey(), e.getValue());
      }
    }
    if (seed % 11 == 0 && out.size() > 0) {
      out.remove(out.fieldNames().next()); // a required member, often
    }
    return out;
  }

  private static final Arbitrary<String> UUIDS =
      Arbitraries.create(() -> java.util.UUID.randomUUID().toString());

  /**
   * Ids seen in successful answers (any member named id or ending in Id/_id): later requests
   * address them.
   */
  static final List<String> LEARNED = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Remembers the ids of a successful answer's body (a few hundred at most). */
  static void learn(JsonNode body) {
    if (body == null || LEARNED.size() > 500) {
      return;
    }
    if (body.isObject()) {
      body.properties()
          .forEach(
              e -> {
                String name = e.getKey();
                if (e.getValue().isTextual()
                    && (name.equals("id") || name.endsWith("Id") || name.endsWith("_id"))
                    && !LEARNED.contains(e.getValue().asText())) {
                  LEARNED.add(e.getValue().asText());
                } else {
                  learn(e.getValue());
                }
              });
    } else if (body.isArray()) {
      body.forEach(SpecArbitraries::learn);
    }
  }

  /** Ids: learned from earlier answers, the seed's, or drawn from the schema. */
  private Arbitrary<String> ids(Schema<?> schema) {
    Arbitrary<String> learned =
        Arbitraries.create(
            () ->
                LEARNED.isEmpty()
                    ? SEED.get(0)
                    : LEARNED.get(
                        java.util.concurrent.ThreadLocalRandom.current().nextInt(LEARNED.size())));
    Arbitrary<String> drawn =
        schema == null ? junkText() : "uuid".equals(schema.getFormat()) ? UUIDS : text(schema);
    return Arbitraries.frequencyOf(
        Tuple.of(5, learned), Tuple.of(3, Arbitraries.of(SEED)), Tuple.of(1, drawn));
  }

  /** A parameter's value as text (what goes into the path, query or header). */
  private Arbitrary<String> text(Schema<?> schema) {
    if (schema == null) {
      return junkText();
    }
    return json(schema, MAX_DEPTH - 1)
        .map(
            n -> {
              if (n.isArray()) { // form style, explode false: comma-separated
                List<String> items = new ArrayList<>();
                n.forEach(i -> items.add(i.isValueNode() ? i.asText() : Json.text(i)));
                return String.join(",", items);
              }
              return n.isValueNode() ? n.asText() : Json.text(n);
            });
  }

  @SuppressWarnings("unchecked")
  private Arbitrary<JsonNode> json(Schema<?> schema, int depth) {
    if (schema == null) {
      return Arbitraries.just(NODES.textNode("x"));
    }
    Arbitrary<JsonNode> a = jsonNotNull(schema, depth);
    if (Boolean.TRUE.equals(schema.getNullable())) {
      a = a.injectNull(0.05).map(n -> n == null ? NODES.nullNode() : n);
    }
    // Now and then a value of another type than the schema's: the validator, not a handler, must
    // refuse it.
    return Arbitraries.frequencyOf(Tuple.of(300, a), Tuple.of(1, wrongType()));
  }

  private Arbitrary<JsonNode> jsonNotNull(Schema<?> schema, int depth) {
    List<Schema> alternatives = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
    if (alternatives != null && !alternatives.isEmpty()) {
      List<Arbitrary<JsonNode>> each = new ArrayList<>();
      for (Schema<?> s : alternatives) {
        each.add(json(s, depth + 1));
      }
      return Arbitraries.oneOf(each);
    }
    if (schema.getAllOf() != null && schema.getAllOf().size() == 1) {
      return json(schema.getAllOf().get(0), depth);
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      List<JsonNode> values = new ArrayList<>();
      schema.getEnum().forEach(v -> values.add(Json.MAPPER.valueToTree(v)));
      return Arbitraries.frequencyOf(
          Tuple.of(100, Arbitraries.of(values)),
          Tuple.of(1, Arbitraries.strings().alpha().ofMaxLength(8).map(NODES::textNode)));
    }
    String type = schema.getType();
    if (type == null && schema.getTypes() != null && !schema.getTypes().isEmpty()) {
      type = schema.getTypes().iterator().next();
    }
    if (type == null) {
      type =
          schema.getProperties() != null
              ? "object"
              : schema.getItems() != null ? "array" : "string";
    }
    switch (type) {
      case "object":
        return depth >= MAX_DEPTH ? Arbitraries.just(NODES.objectNode()) : object(schema, depth);
      case "array":
        if (depth >= MAX_DEPTH) {
          return Arbitraries.just(NODES.arrayNode());
        }
        int max = schema.getMaxItems() == null ? 3 : Math.min(3, schema.getMaxItems());
        return json(schema.getItems(), depth + 1)
            .list()
            .ofMaxSize(max)
            .map(
                items -> {
                  ArrayNode array = NODES.arrayNode();
                  items.forEach(array::add);
                  return array;
                });
      case "integer":
        return integers(schema).map(NODES::numberNode);
      case "number":
        return decimals()
            .map(
                text -> {
                  try {
                    return NODES.numberNode(new BigDecimal(text));
                  } catch (NumberFormatException e) {
                    return NODES.textNode(text);
                  }
                });
      case "boolean":
        return Arbitraries.of(true, false).map(NODES::booleanNode);
      default:
        return strings(schema).map(NODES::textNode);
    }
  }

  private Arbitrary<JsonNode> object(Schema<?> schema, int depth) {
    Map<String, Schema> properties =
        schema.getProperties() == null ? Map.of() : schema.getProperties();
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    List<Arbitrary<Map.Entry<String, JsonNode>>> members = new ArrayList<>();
    properties.forEach(
        (name, s) -> {
          Arbitrary<Map.Entry<String, JsonNode>> member =
              json(s, depth + 1).map(v -> Map.entry(name, v));
          int absent = required.contains(name) ? 1 : 60;
          members.add(
              Arbitraries.frequencyOf(
                  Tuple.of(120 - absent, member),
                  Tuple.of(absent, Arbitraries.just(Map.entry(name, NODES.missingNode())))));
        });
    // An extra member now and then (providers ignore unknown members unless the spec says
    // otherwise).
    members.add(
        Arbitraries.frequencyOf(
            Tuple.of(50, Arbitraries.just(Map.entry("", NODES.missingNode()))),
            Tuple.of(
                1,
                Arbitraries.strings()
                    .alpha()
                    .ofMinLength(1)
                    .ofMaxLength(6)
                    .map(n -> Map.entry("x" + n, (JsonNode) NODES.textNode(n))))));
    if (schema.getAdditionalProperties() instanceof Schema<?> values) {
      members.add(
          Combinators.combine(Arbitraries.of(SEED.subList(0, 4)), json(values, depth + 1))
              .as((k, v) -> Map.entry(k, v)));
    }
    return Combinators.combine(members)
        .as(
            list -> {
              ObjectNode o = NODES.objectNode();
              for (Map.Entry<String, JsonNode> e : list) {
                if (!e.getValue().isMissingNode()) {
                  o.set(e.getKey(), e.getValue());
                }
              }
              return o;
            });
  }

  private static Arbitrary<Long> integers(Schema<?> schema) {
    long min = schema.getMinimum() == null ? -1_000_000L : schema.getMinimum().longValue();
    long max = schema.getMaximum() == null ? 10_000_000_000_000L : schema.getMaximum().longValue();
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.longs().between(min, max)),
        Tuple.of(1, Arbitraries.of(min - 1, max + 1, 0L, Long.MAX_VALUE, Long.MIN_VALUE, -1L)));
  }

  private Arbitrary<String> strings(Schema<?> schema) {
    String format = schema.getFormat() == null ? "" : schema.getFormat();
    Arbitrary<String> seeded = Arbitraries.of(SEED);
    int minLength = schema.getMinLength() == null ? 0 : schema.getMinLength();
    int maxLength = schema.getMaxLength() == null ? Math.max(minLength, 24) : schema.getMaxLength();
    Arbitrary<String> plain =
        Arbitraries.strings()
            .withCharRange('!', '~')
            .ofMinLength(minLength)
            .ofMaxLength(Math.max(minLength, Math.min(64, maxLength)));
    List<String> examples = new ArrayList<>();
    if (schema.getExample() != null) {
      examples.add(String.valueOf(schema.getExample()));
    }
    Arbitrary<String> example = examples.isEmpty() ? seeded : Arbitraries.of(examples);
    return switch (format) {
      case "date-time" -> Arbitraries.frequencyOf(Tuple.of(30, dateTimes()), Tuple.of(1, plain));
      case "decimal" -> Arbitraries.frequencyOf(Tuple.of(30, decimals()), Tuple.of(1, plain));
      case "uuid" ->
          Arbitraries.frequencyOf(Tuple.of(6, ids(schema)), Tuple.of(6, UUIDS), Tuple.of(1, plain));
      case "uri" ->
          Arbitraries.of("https://example.com/hook", "http://127.0.0.1:1/x", "not a uri", "");
      default ->
          schema.getPattern() != null
              ? Arbitraries.frequencyOf(
                  Tuple.of(6, example), Tuple.of(3, seeded), Tuple.of(1, plain))
              : Arbitraries.frequencyOf(
                  Tuple.of(4, seeded), Tuple.of(4, example), Tuple.of(4, plain));
    };
  }

  /** RFC 3339 date-times in all their forms, and near misses (month 13, hour 24, offset 24:00). */
  static Arbitrary<String> dateTimes() {
    Arbitrary<String> date =
        Combinators.combine(
                Arbitraries.integers().between(1970, 2100),
                Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28))
            .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
    Arbitrary<String> time =
        Combinators.combine(
                Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(0, 59),
                Arbitraries.strings().numeric().ofMaxLength(15))
            .as(
                (h, m, s, f) ->
                    String.format("%02d:%02d:%02d", h, m, s) + (f.isEmpty() ? "" : "." + f));
    Arbitrary<String> offset =
        Arbitraries.oneOf(
            Arbitraries.of("Z", "z", "+00:00", "-00:00"),
            Combinators.combine(
                    Arbitraries.of("+", "-"),
                    Arbitraries.integers().between(0, 23),
                    Arbitraries.integers().between(0, 59))
                .as((sign, h, m) -> String.format("%s%02d:%02d", sign, h, m)));
    Arbitrary<String> any =
        Combinators.combine(date, Arbitraries.of("T", "t"), time, offset)
            .as((d, t, tm, o) -> d + t + tm + o);
    return Arbitraries.frequencyOf(
        Tuple.of(3, any),
        Tuple.of(
            1,
            Arbitraries.of(
                "2026-03-15T12:00:00Z",
                "2026-03-15T12:00:00.123456789012Z",
                "2026-03-15T12:00:00+23:59",
                "2016-12-31T23:59:60Z",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999-23:59",
                "2026-02-30T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-03-15T24:00:00Z",
                "2026-03-15T12:00:00+24:00",
                "2026-03-15 12:00:00Z")));
  }

  /**
   * Decimal text: ordinary amounts, many decimals, exponents, huge and tiny, signs, other scripts'
   * digits.
   */
  static Arbitrary<String> decimals() {
    Arbitrary<String> ordinary =
        Arbitraries.bigDecimals()
            .between(BigDecimal.ZERO, new BigDecimal("100000"))
            .ofScale(2)
            .map(BigDecimal::toPlainString);
    Arbitrary<String> fractions =
        Combinators.combine(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(45))
            .as((i, f) -> i + "." + f);
    Arbitrary<String> exponents =
        Combinators.combine(
                Arbitraries.integers().between(1, 9), Arbitraries.integers().between(-400, 400))
            .as((m, e) -> m + "e" + e);
    Arbitrary<String> edges =
        Arbitraries.of(
            "0",
            "0.00",
            "-1",
            "1e-30",
            "1E+3",
            "",
            ".5",
            "1.",
            "+1",
            "1e400",
            "1e-400",
            "99999999999999999999999999999999999999999",
            "0.000000001",
            "1e335544320",
            "\u0661\u0660",
            "NaN");
    return Arbitraries.frequencyOf(
        Tuple.of(4, ordinary), Tuple.of(2, fractions), Tuple.of(1, exponents), Tuple.of(2, edges));
  }

  private static Arbitrary<JsonNode> wrongType() {
    return Arbitraries.of(
        NODES.nullNode(),
        NODES.numberNode(1),
        NODES.textNode("x"),
        NODES.booleanNode(true),
        NODES.arrayNode(),
        NODES.objectNode());
  }

  private static Arbitrary<String> junkText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.of(
            "", " ", "%", "%zz", "../..", "\u0000", "\ud83d\ude00", "null", "-1", "1e999", " 10 "));
  }

  private static List<String> seedValues() {
    List<String> out = new ArrayList<>();
    for (Field f : SandboxSeed.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        try {
          out.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return List.copyOf(out);
  }
}
