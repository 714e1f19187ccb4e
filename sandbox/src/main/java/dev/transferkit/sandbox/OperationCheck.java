package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.path.NodePath;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One operation of a spec as JSON Schemas compiled once: everything the spec states about a request
 * (its path, query and header parameters, whether a body is required, the body's media types and
 * schema) as one schema over a document that describes the request, and one schema per documented
 * response status for the body.
 *
 * <p>The request document is {@code {"path": {..}, "query": {..}, "header": {..}, "contentType":
 * "..", "body": ..}}, keyed by the parameter names the spec uses. HTTP carries every parameter as
 * text: a value is read as the JSON type its schema declares (an integer parameter becomes a JSON
 * number when the text is one) and otherwise left as text, so the schema's type check reports it.
 * Only that reading is done here; every rule (types, enums, patterns, bounds, what is required) is
 * the spec's, checked by the validator.
 */
final class OperationCheck {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PATH = "path";
  private static final String QUERY = "query";
  private static final String HEADER = "header";
  private static final String CONTENT_TYPE = "contentType";
  private static final String BODY = "body";

  /** A parameter the spec documents, with the JSON type its schema gives its value(s). */
  private record Param(String in, String name, String type, String itemType) {}

  /** A documented response: its body schema, or null when the spec documents no JSON body. */
  private record Answer(Schema body, boolean documentsContent) {}

  private final List<Param> params;
  private final Schema request;
  private final Map<String, Answer> answers;

  private OperationCheck(List<Param> params, Schema request, Map<String, Answer> answers) {
    this.params = params;
    this.request = request;
    this.answers = answers;
  }

  /** Compiles the operation's schemas ({@code where} names them in the validator's locations). */
  static OperationCheck of(
      SchemaRegistry registry, String where, PathItem item, Operation operation) {
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    for (List<Parameter> list : Arrays.asList(item.getParameters(), operation.getParameters())) {
      if (list != null) {
        // The operation's own parameter replaces the path's one of the same name and location.
        list.forEach(p -> byKey.put(p.getIn() + ":" + p.getName(), p));
      }
    }
    ObjectNode schema = NODES.objectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    List<Param> params = new ArrayList<>();
    for (Parameter p : byKey.values()) {
      String in = p.getIn();
      if (!in.equals(PATH) && !in.equals(QUERY) && !in.equals(HEADER)) {
        continue; // cookies: the providers use none
      }
      ObjectNode group = (ObjectNode) properties.get(in);
      if (group == null) {
        group = properties.putObject(in).put("type", "object");
        group.putObject("properties");
      }
      JsonNode parameterSchema =
          p.getSchema() == null ? NODES.objectNode() : Json.mapper().valueToTree(p.getSchema());
      ((ObjectNode) group.get("properties")).set(p.getName(), parameterSchema);
      if (Boolean.TRUE.equals(p.getRequired())) {
        group.withArray("required").add(p.getName());
      }
      params.add(
          new Param(
              in,
              p.getName(),
              parameterSchema.path("type").asText(""),
              parameterSchema.path("items").path("type").asText("")));
    }
    if (operation.getRequestBody() != null) {
      Content content = operation.getRequestBody().getContent();
      if (content != null && !content.isEmpty()) {
        ArrayNode types = properties.putObject(CONTENT_TYPE).putArray("enum");
        content.keySet().forEach(t -> types.add(t.toLowerCase(Locale.ROOT)));
        MediaType json = json(content);
        if (json != null && json.getSchema() != null) {
          properties.set(BODY, Json.mapper().valueToTree(json.getSchema()));
        }
      }
      if (Boolean.TRUE.equals(operation.getRequestBody().getRequired())) {
        required.add(BODY);
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    Map<String, Answer> answers = new HashMap<>();
    if (operation.getResponses() != null) {
      operation
          .getResponses()
          .forEach(
              (status, response) ->
                  answers.put(
                      status.toUpperCase(Locale.ROOT),
                      answer(registry, where + "/responses/" + status, response)));
    }
    return new OperationCheck(params, compile(registry, where + "/request", schema), answers);
  }

  private static Answer answer(SchemaRegistry registry, String where, ApiResponse response) {
    Content content = response.getContent();
    if (content == null || content.isEmpty()) {
      return new Answer(null, false);
    }
    MediaType json = json(content);
    return new Answer(
        json == null || json.getSchema() == null
            ? null
            : compile(registry, where, Json.mapper().valueToTree(json.getSchema())),
        true);
  }

  private static Schema compile(SchemaRegistry registry, String where, JsonNode schema) {
    Schema compiled =
        registry.getSchema(SchemaLocation.of("urn:transferkit:" + where.replace(' ', '_')), schema);
    compiled.initializeValidators();
    return compiled;
  }

  /** The JSON media type of a content map ({@code application/json} or a {@code +json} one). */
  private static MediaType json(Content content) {
    for (Map.Entry<String, MediaType> e : content.entrySet()) {
      String type = e.getKey().toLowerCase(Locale.ROOT);
      if (type.equals("application/json") || type.endsWith("+json")) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The request's problems as field-level problems; empty when it keeps the contract. */
  List<Errors.Problem> check(Call call) {
    ObjectNode document = NODES.objectNode();
    for (Param p : params) {
      JsonNode value = read(p, call);
      if (value != null) {
        ObjectNode group = (ObjectNode) document.get(p.in());
        if (group == null) {
          group = document.putObject(p.in());
        }
        group.set(p.name(), value);
      }
    }
    for (String in : new String[] {PATH, QUERY, HEADER}) {
      if (!document.has(in)) {
        document.putObject(in); // so that a required parameter of an absent group is reported
      }
    }
    if (call.rawBody.length > 0) {
      String contentType = call.header("Content-Type");
      document.put(CONTENT_TYPE, contentType == null ? "" : mediaType(contentType));
      document.set(BODY, call.json());
    }
    List<Error> errors = request.validate(document);
    if (errors.isEmpty()) {
      return List.of();
    }
    List<Errors.Problem> problems = new ArrayList<>(errors.size());
    for (Error e : errors) {
      JsonNode value = e.getInstanceNode();
      problems.add(
          new Errors.Problem(
              kind(e),
              requestLocation(e),
              e.getMessage(),
              value == null || value.isContainerNode() || "required".equals(e.getKeyword())
                  ? null
                  : value.asText()));
    }
    return problems;
  }

  /**
   * The response's problems, as readable lines; empty when it keeps the contract. {@code body} is
   * the tree the handler built, null when the response has none.
   */
  List<String> check(int status, JsonNode body) {
    Answer answer = answers.get(String.valueOf(status));
    if (answer == null) {
      answer = answers.get(status / 100 + "XX");
    }
    if (answer == null) {
      answer = answers.get("DEFAULT");
    }
    if (answer == null) {
      return List.of("status " + status + " is not a documented response");
    }
    if (body == null || body.isMissingNode()) {
      return answer.documentsContent()
          ? List.of("body: missing, the spec documents one for status " + status)
          : List.of();
    }
    if (!answer.documentsContent()) {
      return List.of("body: the spec documents none for status " + status);
    }
    if (answer.body() == null) {
      return List.of("body: the spec documents no JSON body for status " + status);
    }
    List<Error> errors = answer.body().validate(body);
    List<String> lines = new ArrayList<>(errors.size());
    for (Error e : errors) {
      String at = bodyLocation(e.getInstanceLocation(), 0, e);
      lines.add((at.isEmpty() ? "body" : at) + ": " + e.getMessage());
    }
    return lines;
  }

  /** The parameter's value(s) as its schema types them, or null when the request has none. */
  private static JsonNode read(Param p, Call call) {
    List<String> values;
    switch (p.in()) {
      case PATH -> {
        String v = call.pathParam(p.name());
        values = v == null ? null : List.of(v);
      }
      case QUERY -> values = call.query.get(p.name());
      default -> values = call.headerValues(p.name());
    }
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (p.type().equals("array")) {
      ArrayNode array = NODES.arrayNode(values.size());
      for (String v : values) {
        for (String item : p.in().equals(QUERY) ? new String[] {v} : v.split(",", -1)) {
          array.add(typed(p.itemType(), item));
        }
      }
      return array;
    }
    return typed(p.type(), values.get(0));
  }

  /** Text as the JSON type named, or as text when it is not one (the type check reports it). */
  private static JsonNode typed(String type, String text) {
    try {
      switch (type) {
        case "integer":
          return NODES.numberNode(Long.parseLong(text));
        case "number":
          return NODES.numberNode(new BigDecimal(text));
        case "boolean":
          if (text.equals("true") || text.equals("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(text));
          }
          break;
        default:
          break;
      }
    } catch (NumberFormatException e) {
      // left as text below
    }
    return NODES.textNode(text);
  }

  /** A Content-Type header's media type, without parameters and case. */
  private static String mediaType(String header) {
    int semicolon = header.indexOf(';');
    return (semicolon < 0 ? header : header.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /** The providers' error kinds, by the JSON-Schema keyword that failed. */
  private static String kind(Error e) {
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    return switch (keyword) {
      case "required" -> "required";
      case "minimum", "exclusiveMinimum" -> "min_value";
      case "maximum", "exclusiveMaximum" -> "max_value";
      case "minLength", "maxLength", "minItems", "maxItems" -> "length_outside_bounds";
      case "pattern" -> "pattern_mismatch";
      default -> "invalid_value";
    };
  }

  /**
   * Where in the request a problem is, as the providers name it: the parameter's name, {@code
   * Content-Type}, {@code body}, or a body member as a dotted path ({@code amount.currency}).
   */
  private static String requestLocation(Error e) {
    NodePath at = e.getInstanceLocation();
    if (at.getNameCount() == 0) {
      return e.getProperty() == null ? "" : e.getProperty(); // the missing body
    }
    String group = String.valueOf(at.getElement(0));
    switch (group) {
      case CONTENT_TYPE:
        return "Content-Type";
      case BODY:
        String member = bodyLocation(at, 1, e);
        return member.isEmpty() ? BODY : member;
      default:
        // path, query or header: the parameter (or the missing one)
        return at.getNameCount() > 1
            ? String.valueOf(at.getElement(1))
            : e.getProperty() == null ? group : e.getProperty();
    }
  }

  /** The body member at {@code at} from element {@code from} on, dotted; a missing one appended. */
  private static String bodyLocation(NodePath at, int from, Error e) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < at.getNameCount(); i++) {
      b.append(b.length() == 0 ? "" : ".").append(at.getElement(i));
    }
    if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
      b.append(b.length() == 0 ? "" : ".").append(e.getProperty());
    }
    return b.toString();
  }
}
