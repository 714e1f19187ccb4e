package dev.transferkit.conformance.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.transferkit.specs.Provider;
import dev.transferkit.specs.SpecLoader;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates exchanged requests and responses against the OpenAPI files of one provider under {@code
 * specs/} (swagger-request-validator-core). The request path is the path after the provider's base
 * URL; the spec that documents it is chosen among the provider's files. Immutable and thread-safe;
 * parsed once per JVM and provider.
 */
public final class SpecValidator {
  private static final Map<String, SpecValidator> CACHE = new ConcurrentHashMap<>();

  /**
   * Numbers read exactly, so a reported value is the text that was sent ({@code 2500.00}, not
   * {@code 2500.0}).
   */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  /** Fields whose values never appear in a report. */
  private static final Pattern SECRET =
      Pattern.compile(
          "(?i)authorization|x-api-key|x-api-signature|x-user-token|usertoken|encryptionkey");

  /**
   * The property names a required / additionalProperties message lists: {@code (["a","b"])} or
   * {@code ["a"]}.
   */
  private static final Pattern NAMED_PROPERTIES = Pattern.compile("\\[(\"[^\\]]*\")\\]");

  private final String provider;
  private final Map<String, OpenApiInteractionValidator> validators;
  private final Map<String, ApiOperationResolver> operations;
  private final Map<String, OpenAPI> apis;

  private SpecValidator(
      String provider,
      Map<String, OpenApiInteractionValidator> validators,
      Map<String, ApiOperationResolver> operations,
      Map<String, OpenAPI> apis) {
    this.provider = provider;
    this.validators = validators;
    this.operations = operations;
    this.apis = apis;
  }

  /**
   * The validator of every spec in {@code specs/<provider>/} ({@code circle}, {@code wyre}, {@code
   * streambird}).
   */
  public static SpecValidator forProvider(String provider) {
    return CACHE.computeIfAbsent(provider, SpecValidator::load);
  }

  /** The provider's spec files as the specs module indexes and parses them ({@link SpecLoader}). */
  private static SpecValidator load(String provider) {
    Map<String, OpenApiInteractionValidator> validators = new LinkedHashMap<>();
    Map<String, ApiOperationResolver> operations = new LinkedHashMap<>();
    Map<String, OpenAPI> apis = new LinkedHashMap<>();
    for (String file : Provider.valueOf(provider.toUpperCase(Locale.ROOT)).specFiles()) {
      OpenAPI api = SpecLoader.parse(file);
      validators.put(file, OpenApiInteractionValidator.createFor(api).build());
      operations.put(file, new ApiOperationResolver(api, null, false));
      apis.put(file, api);
    }
    return new SpecValidator(provider, validators, operations, apis);
  }

  /**
   * One exchange as it went over the wire. Header names as sent; bodies as raw text (null: none).
   */
  public record Exchange(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> requestHeaders,
      String requestBody,
      int status,
      Map<String, List<String>> responseHeaders,
      String responseBody) {}

  /**
   * A JSON mapper that keeps numbers exactly as sent ({@code 125.676558230530760993}, {@code
   * 2500.00}).
   */
  public static ObjectMapper exactJson() {
    return JSON;
  }

  /**
   * Whether a header, parameter or body field of this name carries a secret: never shown in
   * reports.
   */
  public static boolean isSecret(String name) {
    return SECRET.matcher(name).find();
  }

  /**
   * The values the spec allows at {@code pointer} (array elements as {@code *}) in the JSON
   * response of {@code operationId} with {@code status}; empty when that field is not an
   * enumeration there.
   */
  public List<String> responseEnum(String spec, String operationId, int status, String pointer) {
    OpenAPI api = apis.get(spec);
    if (api == null || api.getPaths() == null) {
      return List.of();
    }
    for (PathItem item : api.getPaths().values()) {
      for (Operation op : item.readOperations()) {
        if (operationId.equals(op.getOperationId()) && op.getResponses() != null) {
          ApiResponse response = op.getResponses().get(String.valueOf(status));
          if (response == null) {
            response = op.getResponses().get("default");
          }
          if (response == null
              || response.getContent() == null
              || response.getContent().get("application/json") == null) {
            return List.of();
          }
          Schema<?> schema = response.getContent().get("application/json").getSchema();
          for (String segment : pointer.substring(1).split("/")) {
            schema = schema == null ? null : child(schema, segment);
          }
          return schema == null || schema.getEnum() == null
              ? List.of()
              : schema.getEnum().stream().map(String::valueOf).toList();
        }
      }
    }
    return List.of();
  }

  private static Schema<?> child(Schema<?> schema, String segment) {
    if (segment.equals("*")) {
      return schema.getItems();
    }
    if (schema.getProperties() != null && schema.getProperties().containsKey(segment)) {
      return schema.getProperties().get(segment);
    }
    if (schema.getAllOf() != null) {
      for (Schema<?> part : schema.getAllOf()) {
        Schema<?> found = child(part, segment);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** {@code circle}, {@code wyre} or {@code streambird}. */
  public String provider() {
    return provider;
  }

  /**
   * What the spec says of one exchange.
   *
   * @param spec the spec file documenting the path, or the provider's name when none does
   * @param operation the operationId, or {@code METHOD path} when no spec documents the operation
   * @param violations every error-level problem; empty when the exchange keeps the contract
   */
  public record Verdict(String spec, String operation, List<Violation> violations) {}

  /**
   * Every error-level problem the spec finds in {@code exchange}; empty when it keeps the contract.
   */
  public List<Violation> validate(Exchange exchange) {
    return verdict(exchange).violations();
  }

  /** The spec, operation and problems of {@code exchange}. */
  public Verdict verdict(Exchange exchange) {
    SimpleRequest.Builder rb = new SimpleRequest.Builder(exchange.method(), exchange.path());
    exchange.requestHeaders().forEach(rb::withHeader);
    exchange.query().forEach(rb::withQueryParam);
    if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
      rb.withBody(exchange.requestBody());
    }
    SimpleRequest request = rb.build();
    SimpleResponse.Builder sb = new SimpleResponse.Builder(exchange.status());
    exchange.responseHeaders().forEach(sb::withHeader);
    if (exchange.responseBody() != null && !exchange.responseBody().isEmpty()) {
      sb.withBody(exchange.responseBody());
    }
    SimpleResponse response = sb.build();

    ValidationReport chosen = null;
    String spec = provider;
    for (Map.Entry<String, OpenApiInteractionValidator> v : validators.entrySet()) {
      ValidationReport report = v.getValue().validate(request, response);
      boolean documented =
          report.getMessages().stream()
              .noneMatch(m -> m.getKey().equals("validation.request.path.missing"));
      if (documented) {
        chosen = report;
        spec = v.getKey();
        break;
      }
    }
    String fallbackOperation = exchange.method().toUpperCase(Locale.ROOT) + " " + exchange.path();
    List<Violation> violations = new ArrayList<>();
    if (chosen == null) {
      violations.add(
          new Violation(
              spec,
              fallbackOperation,
              "request",
              "",
              "",
              "no "
                  + provider
                  + " spec documents this path ("
                  + String.join(", ", validators.keySet())
                  + ")",
              exchange.status()));
      return new Verdict(spec, fallbackOperation, violations);
    }
    String operationId = fallbackOperation;
    try {
      ApiOperationMatch match =
          operations
              .get(spec)
              .findApiOperation(
                  exchange.path(),
                  Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT)));
      if (match.isPathFound() && match.isOperationAllowed()) {
        operationId = match.getApiOperation().getOperation().getOperationId();
      }
    } catch (IllegalArgumentException unknownMethod) {
      // not an HTTP method the validator knows: the fallback name stays
    }
    for (ValidationReport.Message m : chosen.getMessages()) {
      if (m.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      ValidationReport.MessageContext c =
          m.getContext().orElse(ValidationReport.MessageContext.empty());
      String operation =
          c.getApiOperation()
              .map(op -> op.getOperation().getOperationId() + " (" + fallbackOperation + ")")
              .orElse(fallbackOperation);
      boolean inResponse =
          c.getLocation()
              .map(l -> l == ValidationReport.MessageContext.Location.RESPONSE)
              .orElse(m.getKey().startsWith("validation.response"));
      String where = inResponse ? "response " + exchange.status() : "request";
      String field = "";
      String value = "";
      if (c.getParameter().isPresent()) {
        String name = c.getParameter().get().getName();
        field = c.getParameter().get().getIn() + " " + name;
        value = parameterValue(exchange, c.getParameter().get().getIn(), name);
      } else if (c.getPointers().isPresent()) {
        String body = inResponse ? exchange.responseBody() : exchange.requestBody();
        String object = c.getPointers().get().getInstance();
        Matcher names = NAMED_PROPERTIES.matcher(m.getMessage());
        if ((m.getKey().endsWith(".required") || m.getKey().endsWith(".additionalProperties"))
            && names.find()) {
          // One violation per property the message names: the field itself, absent or with its
          // value.
          for (String name : names.group(1).replace("\"", "").split(",\\s*")) {
            String pointer =
                (object.endsWith("/") ? object.substring(0, object.length() - 1) : object)
                    + "/"
                    + name;
            violations.add(
                violation(spec, operation, where, pointer, valueAt(body, pointer), m, exchange));
          }
          continue;
        }
        field = object.isEmpty() || object.equals("/") ? "/" : object;
        value = field.equals("/") ? "" : valueAt(body, object);
      }
      violations.add(violation(spec, operation, where, field, value, m, exchange));
    }
    return new Verdict(spec, operationId, violations);
  }

  private static Violation violation(
      String spec,
      String operation,
      String where,
      String field,
      String value,
      ValidationReport.Message m,
      Exchange exchange) {
    String shown = SECRET.matcher(field).find() && !value.isEmpty() ? "\"****\"" : value;
    return new Violation(
        spec,
        operation,
        where,
        field,
        shown,
        m.getKey() + ": " + m.getMessage(),
        exchange.status());
  }

  private static String parameterValue(Exchange exchange, String in, String name) {
    Map<String, List<String>> source =
        "query".equals(in)
            ? exchange.query()
            : "header".equals(in) ? exchange.requestHeaders() : Map.of();
    for (Map.Entry<String, List<String>> e : source.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return String.join(",", e.getValue());
      }
    }
    return "";
  }

  /** The JSON text at {@code pointer} in {@code body}, or empty when absent or not JSON. */
  static String valueAt(String body, String pointer) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    try {
      JsonNode node = JSON.readTree(body).at(pointer);
      return node.isMissingNode() ? "" : node.toString();
    } catch (IOException e) {
      return "";
    }
  }
}
