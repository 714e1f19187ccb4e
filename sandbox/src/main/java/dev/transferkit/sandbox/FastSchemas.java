package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pre-compiled body checks, one per operation and response status, built once from the parsed spec.
 *
 * <p>They answer one question, fast: "does this JSON body certainly keep the schema?". They never produce messages:
 * when they cannot vouch for a body (it breaks the schema, or the schema uses something they do not model), the
 * caller runs swagger-request-validator on the whole exchange, which stays the authority for every verdict and every
 * message. So the checks only have to be sound, never complete: whatever they accept, swagger-request-validator must
 * accept too. They are therefore stricter wherever the validator's behaviour is uncertain (formats it does not know,
 * date-times other than UTC, integers written as {@code 1.0}), and a schema keyword they do not model compiles to a
 * check that vouches for nothing. {@code FastSchemasSoundnessTest} and the fuzz target hold them to that.
 */
final class FastSchemas {
  /** What one operation's bodies must look like. */
  static final class Op {
    /** Null when the operation declares no JSON request body. */
    final Rule request;
    final boolean requestRequired;
    /** Status code (or "default") to the JSON body rule; {@link #NO_BODY} when the response declares no content. */
    final Map<String, Rule> responses;

    /** Path, query and header parameters; null when one of them cannot be modelled (then the validator decides). */
    final List<Param> params;

    /** Status (as in {@link #responses}) to its declared headers; a status is missing when one cannot be modelled. */
    final Map<String, List<Param>> responseHeaders;

    Op(Rule request, boolean requestRequired, Map<String, Rule> responses, List<Param> params,
        Map<String, List<Param>> responseHeaders) {
      this.request = request;
      this.requestRequired = requestRequired;
      this.responses = responses;
      this.params = params;
      this.responseHeaders = responseHeaders;
    }

    /**
     * True only when the response's headers certainly keep the spec: every declared header that is required is there
     * and every declared one that is there keeps its schema (the validator looks at no other header).
     */
    boolean responseHeadersVouched(int status, java.util.function.Function<String, List<String>> headers) {
      List<Param> declared = responseHeaders.get(statusKey(status));
      if (declared == null) {
        return false;
      }
      for (Param p : declared) {
        List<String> values = headers.apply(p.name);
        if (values == null || values.isEmpty()) {
          if (p.required) {
            return false;
          }
          continue;
        }
        for (String v : values) {
          if (v.isEmpty() || !p.vouches(v)) {
            return false;
          }
        }
      }
      return true;
    }

    /**
     * True only when the request's parameters certainly keep the spec: every declared parameter that is required is
     * there, every one that is there keeps its schema, and there is no query parameter the spec does not declare.
     * {@code rawPath} must contain no percent-escapes (the path values are then exactly the segments).
     */
    boolean paramsVouched(String rawPath, Map<String, String> pathParams, Map<String, List<String>> query,
        java.util.function.Function<String, List<String>> headers) {
      if (params == null || rawPath.indexOf('%') >= 0) {
        return false;
      }
      int declaredQuery = 0;
      for (Param p : params) {
        List<String> values;
        switch (p.in) {
          case "path" -> {
            String v = pathParams.get(p.name);
            values = v == null ? null : List.of(v);
          }
          case "query" -> {
            values = query.get(p.name);
            if (values != null) {
              declaredQuery++;
            }
          }
          default -> values = headers.apply(p.name);
        }
        if (values == null || values.isEmpty()) {
          if (p.required) {
            return false;
          }
          continue;
        }
        // An empty value reads as missing to the validator (and an empty path segment matches no path): refuse it.
        if (values.size() != 1 || values.get(0).isEmpty() || !p.vouches(values.get(0))) {
          return false;
        }
      }
      return declaredQuery == query.size();
    }

    /** The rule for a status, {@link #NO_BODY}, or null when the status is not declared (let the validator say). */
    Rule response(int status) {
      return responses.get(statusKey(status));
    }

    /** The key a status is declared under, as the validator looks it up: exact, then {@code 4XX}, then default. */
    private String statusKey(int status) {
      String key = Integer.toString(status);
      if (!responses.containsKey(key)) {
        key = status / 100 + "XX";
        if (!responses.containsKey(key)) {
          key = "default";
        }
      }
      return key;
    }
  }

  /** Marks a declared response or request without a JSON body. */
  static final Rule NO_BODY = Rule.never("no JSON body declared");

  private final Map<String, Op> ops;

  private FastSchemas(Map<String, Op> ops) {
    this.ops = ops;
  }

  /** The operation for a method and a spec path template such as {@code /v1/accounts/transfers/{id}}, or null. */
  Op op(String method, String pathTemplate) {
    return ops.get(method.toUpperCase() + " " + pathTemplate);
  }

  static FastSchemas compile(OpenAPI api) {
    Compiler compiler = new Compiler();
    Map<String, Op> ops = new HashMap<>();
    if (api.getPaths() != null) {
      api.getPaths().forEach((path, item) -> {
        for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
          ops.put(e.getKey().name() + " " + path, compiler.op(item, e.getValue()));
        }
      });
    }
    return new FastSchemas(Map.copyOf(ops));
  }

  private static final class Compiler {
    private final Map<Schema<?>, Rule> done = new IdentityHashMap<>();

    Op op(Operation operation) {
      Rule request = null;
      boolean required = false;
      RequestBody body = operation.getRequestBody();
      if (body != null) {
        required = Boolean.TRUE.equals(body.getRequired());
        request = json(body.getContent());
      }
      Map<String, Rule> responses = new HashMap<>();
      Map<String, List<Param>> headers = new HashMap<>();
      if (operation.getResponses() != null) {
        for (Map.Entry<String, ApiResponse> e : operation.getResponses().entrySet()) {
          ApiResponse r = e.getValue();
          responses.put(e.getKey(), r.getContent() == null || r.getContent().isEmpty() ? NO_BODY : json(r.getContent()));
          List<Param> declared = headers(r);
          if (declared != null) {
            headers.put(e.getKey(), declared);
          }
        }
      }
      return new Op(request, required, Map.copyOf(responses), params(pathParams, operation), Map.copyOf(headers));
    }

    /** A response's declared headers, or null when one cannot be modelled. */
    private List<Param> headers(ApiResponse response) {
      List<Param> out = new ArrayList<>();
      if (response.getHeaders() == null) {
        return out;
      }
      for (Map.Entry<String, io.swagger.v3.oas.models.headers.Header> e : response.getHeaders().entrySet()) {
        io.swagger.v3.oas.models.headers.Header h = e.getValue();
        if (h.get$ref() != null || h.getSchema() == null || h.getContent() != null) {
          return null;
        }
        Rule rule = rule(h.getSchema());
        if (rule.type == null || !(rule.type.equals("string") || rule.type.equals("integer")
            || rule.type.equals("boolean"))) {
          return null;
        }
        out.add(new Param(e.getKey(), "header", Boolean.TRUE.equals(h.getRequired()), rule));
      }
      return out;
    }

    private List<Parameter> pathParams = List.of();

    Op op(PathItem item, Operation operation) {
      pathParams = item.getParameters() == null ? List.of() : item.getParameters();
      return op(operation);
    }

    /** The operation's parameters (path-level ones included), or null when one cannot be modelled. */
    private List<Param> params(List<Parameter> pathLevel, Operation operation) {
      Map<String, Parameter> all = new java.util.LinkedHashMap<>();
      for (Parameter p : pathLevel) {
        all.put(p.getIn() + ":" + p.getName(), p);
      }
      if (operation.getParameters() != null) {
        for (Parameter p : operation.getParameters()) {
          all.put(p.getIn() + ":" + p.getName(), p); // an operation's parameter overrides the path's
        }
      }
      List<Param> out = new ArrayList<>();
      for (Parameter p : all.values()) {
        if (p.get$ref() != null || p.getIn() == null || p.getName() == null || p.getSchema() == null
            || p.getContent() != null || !(p.getIn().equals("path") || p.getIn().equals("query")
            || p.getIn().equals("header"))) {
          return null;
        }
        if (p.getStyle() != null && !(p.getStyle() == Parameter.StyleEnum.SIMPLE
            || p.getStyle() == Parameter.StyleEnum.FORM)) {
          return null;
        }
        Rule rule = rule(p.getSchema());
        if (rule.type == null || !(rule.type.equals("string") || rule.type.equals("integer")
            || rule.type.equals("boolean"))) {
          return null; // arrays, objects, numbers: their text forms are the validator's business
        }
        out.add(new Param(p.getName(), p.getIn(), Boolean.TRUE.equals(p.getRequired())
            || p.getIn().equals("path"), rule));
      }
      return List.copyOf(out);
    }

    /** The rule of the only media type when it is application/json; anything else is left to the validator. */
    private Rule json(Content content) {
      if (content == null || content.isEmpty()) {
        return NO_BODY;
      }
      MediaType media = content.get("application/json");
      if (content.size() != 1 || media == null || media.getSchema() == null) {
        return Rule.never("media types " + content.keySet());
      }
      return rule(media.getSchema());
    }

    Rule rule(Schema<?> s) {
      Rule known = done.get(s);
      if (known != null) {
        return known; // also ends recursion: the rule is registered before its children are compiled
      }
      Rule r = new Rule();
      done.put(s, r);
      String unsupported = unsupported(s);
      if (unsupported != null) {
        r.never = unsupported;
        return r;
      }
      r.type = s.getType();
      r.nullable = Boolean.TRUE.equals(s.getNullable());
      if (s.getAllOf() != null) {
        for (Schema<?> part : s.getAllOf()) {
          r.allOf.add(rule(part));
        }
      }
      if (r.type == null) {
        // No type: the validator applies nothing of its own (nullable only acts next to a type), only allOf.
        if (hasOwnConstraints(s)) {
          r.never = "constraints without a type";
        }
        return r;
      }
      switch (r.type) {
        case "string" -> {
          r.format = s.getFormat();
          if (r.format != null && !STRING_FORMATS.contains(r.format)) {
            r.never = "string format " + r.format;
          }
          r.minLength = s.getMinLength();
          r.maxLength = s.getMaxLength();
          if (s.getEnum() != null) {
            r.enumValues = new HashSet<>();
            for (Object v : s.getEnum()) {
              if (v instanceof String text) {
                r.enumValues.add(text);
              } else if (v != null) {
                r.never = "non-string enum value " + v;
              }
            }
          }
        }
        case "integer", "number" -> {
          r.format = s.getFormat();
          if (r.format != null && !(r.format.equals("int32") || r.format.equals("int64")
              || (r.type.equals("number") && r.format.equals("decimal")))) {
            r.never = r.type + " format " + r.format;
          }
          if (s.getEnum() != null) {
            r.never = "numeric enum";
          }
          r.minimum = s.getMinimum();
          r.maximum = s.getMaximum();
          r.exclusiveMinimum = Boolean.TRUE.equals(s.getExclusiveMinimum());
          r.exclusiveMaximum = Boolean.TRUE.equals(s.getExclusiveMaximum());
        }
        case "boolean" -> {
          if (s.getEnum() != null) {
            r.never = "boolean enum";
          }
        }
        case "object" -> {
          if (s.getEnum() != null) {
            r.never = "object enum";
          }
          r.required = s.getRequired() == null ? Set.of() : Set.copyOf(s.getRequired());
          r.properties = new HashMap<>();
          if (s.getProperties() != null) {
            s.getProperties().forEach((name, p) -> r.properties.put(name, rule(p)));
          }
          Object additional = s.getAdditionalProperties();
          if (additional instanceof Schema<?> schema) {
            r.additional = rule(schema);
          } else if (Boolean.TRUE.equals(additional)) {
            r.additional = Rule.ANY;
          } else if (additional == null && s.getProperties() == null) {
            // The validator adds "additionalProperties: false" only next to "properties": an object without
            // them takes any member.
            r.additional = Rule.ANY;
          } // else: unknown members break the schema (explicit false, or injected by the validator)
        }
        case "array" -> {
          if (s.getEnum() != null) {
            r.never = "array enum";
          }
          if (s.getItems() == null) {
            r.never = "array without items";
          } else {
            r.items = rule(s.getItems());
          }
          r.minItems = s.getMinItems();
          r.maxItems = s.getMaxItems();
        }
        default -> r.never = "type " + r.type;
      }
      return r;
    }

    private static final Set<String> STRING_FORMATS = Set.of("date-time", "uuid", "decimal");

    /** A keyword the rules do not model, or null. */
    private static String unsupported(Schema<?> s) {
      if (s.get$ref() != null) {
        return "unresolved $ref " + s.get$ref();
      }
      if (s.getOneOf() != null || s.getAnyOf() != null || s.getNot() != null) {
        return "oneOf/anyOf/not";
      }
      if (s.getDiscriminator() != null) {
        return "discriminator";
      }
      if (s.getPattern() != null) {
        return "pattern";
      }
      if (s.getMultipleOf() != null || Boolean.TRUE.equals(s.getUniqueItems())
          || s.getMinProperties() != null || s.getMaxProperties() != null) {
        return "multipleOf/uniqueItems/minProperties/maxProperties";
      }
      if (Boolean.TRUE.equals(s.getReadOnly()) || Boolean.TRUE.equals(s.getWriteOnly())) {
        return "readOnly/writeOnly";
      }
      if (s.getTypes() != null && !s.getTypes().isEmpty() && !(s.getTypes().size() == 1
          && s.getTypes().contains(s.getType()))) {
        return "OpenAPI 3.1 type arrays";
      }
      if (s.getConst() != null || s.getPrefixItems() != null || s.getContains() != null
          || s.getPatternProperties() != null || s.getIf() != null || s.getDependentRequired() != null
          || s.getDependentSchemas() != null || s.getPropertyNames() != null
          || s.getUnevaluatedProperties() != null || s.getExclusiveMinimumValue() != null
          || s.getExclusiveMaximumValue() != null) {
        return "OpenAPI 3.1 keywords";
      }
      if (s.getType() != null && s.getItems() != null && !"array".equals(s.getType())) {
        return "items on a " + s.getType();
      }
      return null;
    }

    private static boolean hasOwnConstraints(Schema<?> s) {
      return s.getProperties() != null || s.getRequired() != null || s.getAdditionalProperties() != null
          || s.getEnum() != null || s.getFormat() != null || s.getItems() != null || s.getMinLength() != null
          || s.getMaxLength() != null || s.getMinimum() != null || s.getMaximum() != null
          || s.getMinItems() != null || s.getMaxItems() != null;
    }
  }

  /** One declared parameter and the rule for its value. */
  static final class Param {
    final String name;
    final String in;
    final boolean required;
    final Rule rule;

    Param(String name, String in, boolean required, Rule rule) {
      this.name = name;
      this.in = in;
      this.required = required;
      this.rule = rule;
    }

    /** The text as the value it stands for, checked; strict about the text form (no spaces, signs, decimals). */
    boolean vouches(String text) {
      JsonNode value;
      switch (rule.type) {
        case "string" -> value = com.fasterxml.jackson.databind.node.TextNode.valueOf(text);
        case "integer" -> {
          if (!integerText(text)) {
            return false;
          }
          value = com.fasterxml.jackson.databind.node.BigIntegerNode.valueOf(new java.math.BigInteger(text));
        }
        case "boolean" -> {
          if (!text.equals("true") && !text.equals("false")) {
            return false;
          }
          value = com.fasterxml.jackson.databind.node.BooleanNode.valueOf(text.equals("true"));
        }
        default -> {
          return false;
        }
      }
      return rule.vouches(value);
    }
  }

  /** {@code -?[0-9]+}, at most 19 digits, no leading zero unless the number is 0. */
  static boolean integerText(String t) {
    int i = t.startsWith("-") ? 1 : 0;
    int digits = t.length() - i;
    if (digits < 1 || digits > 19 || (digits > 1 && t.charAt(i) == '0')) {
      return false;
    }
    for (; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** One compiled schema. */
  static final class Rule {
    static final Rule ANY = new Rule();

    /** Why this rule vouches for nothing, or null. */
    String never;
    String type;
    boolean nullable;
    String format;
    Set<String> enumValues;
    Integer minLength;
    Integer maxLength;
    BigDecimal minimum;
    BigDecimal maximum;
    boolean exclusiveMinimum;
    boolean exclusiveMaximum;
    Map<String, Rule> properties;
    Set<String> required;
    /** Rule for members not in {@link #properties}; null means they break the schema. */
    Rule additional;
    Rule items;
    Integer minItems;
    Integer maxItems;
    final List<Rule> allOf = new ArrayList<>(0);

    static Rule never(String why) {
      Rule r = new Rule();
      r.never = why;
      return r;
    }

    /** True only when the value certainly keeps the schema. */
    boolean vouches(JsonNode n) {
      if (never != null) {
        return false;
      }
      if (n.isNull()) {
        if (type != null && !nullable) {
          return false;
        }
      } else if (type != null && !ownKeywords(n)) {
        return false;
      }
      for (int i = 0; i < allOf.size(); i++) {
        if (!allOf.get(i).vouches(n)) {
          return false;
        }
      }
      return true;
    }

    private boolean ownKeywords(JsonNode n) {
      switch (type) {
        case "string": {
          if (!n.isTextual()) {
            return false;
          }
          String text = n.textValue();
          if (enumValues != null && !enumValues.contains(text)) {
            return false;
          }
          if (minLength != null || maxLength != null) {
            int chars = text.length();
            int codePoints = text.codePointCount(0, chars);
            if (minLength != null && (chars < minLength || codePoints < minLength)) {
              return false;
            }
            if (maxLength != null && (chars > maxLength || codePoints > maxLength)) {
              return false;
            }
          }
          return format == null || formatOk(format, text);
        }
        case "integer": {
          if (!n.isIntegralNumber()) {
            return false;
          }
          if ("int32".equals(format) && !n.canConvertToInt()) {
            return false;
          }
          if ("int64".equals(format) && !n.canConvertToLong()) {
            return false;
          }
          return bounds(n);
        }
        case "number": {
          if (!n.isNumber()) {
            return false;
          }
          if (("int32".equals(format) || "int64".equals(format)) && !n.isIntegralNumber()) {
            return false;
          }
          if ("int32".equals(format) && !n.canConvertToInt()) {
            return false;
          }
          if ("int64".equals(format) && !n.canConvertToLong()) {
            return false;
          }
          return bounds(n);
        }
        case "boolean":
          return n.isBoolean();
        case "object": {
          if (!n.isObject()) {
            return false;
          }
          for (String name : required) {
            if (!n.has(name)) {
              return false;
            }
          }
          Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
          while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            Rule p = properties.get(f.getKey());
            if (p == null) {
              p = additional;
              if (p == null) {
                return false;
              }
            }
            if (!p.vouches(f.getValue())) {
              return false;
            }
          }
          return true;
        }
        case "array": {
          if (!n.isArray()) {
            return false;
          }
          int size = n.size();
          if ((minItems != null && size < minItems) || (maxItems != null && size > maxItems)) {
            return false;
          }
          for (int i = 0; i < size; i++) {
            if (!items.vouches(n.get(i))) {
              return false;
            }
          }
          return true;
        }
        default:
          return false;
      }
    }

    private boolean bounds(JsonNode n) {
      if (minimum == null && maximum == null) {
        return true;
      }
      BigDecimal v = n.isIntegralNumber() ? new BigDecimal(n.bigIntegerValue()) : n.decimalValue();
      if (minimum != null) {
        int c = v.compareTo(minimum);
        if (c < 0 || (exclusiveMinimum && c == 0)) {
          return false;
        }
      }
      if (maximum != null) {
        int c = v.compareTo(maximum);
        if (c > 0 || (exclusiveMaximum && c == 0)) {
          return false;
        }
      }
      return true;
    }
  }

  static boolean formatOk(String format, String text) {
    return switch (format) {
      case "date-time" -> utcDateTime(text);
      case "uuid" -> uuid(text);
      case "decimal" -> plainDecimal(text);
      default -> false;
    };
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with a real calendar date: the shape every validator accepts. */
  static boolean utcDateTime(String t) {
    int len = t.length();
    if (len < 20 || len > 30 || t.charAt(len - 1) != 'Z') {
      return false;
    }
    if (t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return false;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if (year < 0 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
        || second > 59) {
      return false;
    }
    if (len > 20) {
      // a fraction: '.' then 1 to 9 digits before the Z
      if (t.charAt(19) != '.' || len - 21 < 1 || digits(t, 20, len - 21) < 0) {
        return false;
      }
    }
    try {
      LocalDate.of(year, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static int digits(String t, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static boolean uuid(String t) {
    if (t.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = t.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  /** {@code -?digits[.digits]} or {@code -?.digits} (Circle's own examples send ".01"), at most 512 characters. */
  static boolean plainDecimal(String t) {
    int len = t.length();
    if (len == 0 || len > 512) {
      return false;
    }
    int i = t.charAt(0) == '-' ? 1 : 0;
    int intDigits = 0;
    while (i < len && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
      i++;
      intDigits++;
    }
    if (i == len) {
      return intDigits > 0;
    }
    if (t.charAt(i) != '.' || i == len - 1) {
      return false;
    }
    for (i++; i < len; i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
