package dev.transferkit.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request and its response as the spec check saw them, with the spec's verdict, secrets masked
 * (headers and body fields whose names {@link SpecValidator#isSecret} says carry one: keys,
 * signatures, user tokens), ids and every other value kept. What the reports show under the step
 * that made the call, and what a drift recording holds.
 *
 * @param provider {@code circle}, {@code wyre} or {@code streambird}
 * @param spec the spec file documenting the path
 * @param operation the operationId (or {@code METHOD path})
 * @param exchange the masked exchange; its path is the spec's path (after the base URL)
 * @param violations what broke the spec; empty when the exchange keeps it
 */
public record RecordedExchange(
    String provider,
    String spec,
    String operation,
    SpecValidator.Exchange exchange,
    List<Violation> violations) {
  static final String MASK = "****";
  private static final ObjectMapper JSON = SpecValidator.exactJson();

  public RecordedExchange {
    violations = List.copyOf(violations);
  }

  /** The exchange with its secrets masked. */
  static RecordedExchange masked(
      String provider, SpecValidator.Verdict verdict, SpecValidator.Exchange raw) {
    SpecValidator.Exchange masked =
        new SpecValidator.Exchange(
            raw.method(),
            raw.path(),
            maskParams(raw.query()),
            maskParams(raw.requestHeaders()),
            maskBody(raw.requestBody()),
            raw.status(),
            maskParams(raw.responseHeaders()),
            maskBody(raw.responseBody()));
    return new RecordedExchange(
        provider, verdict.spec(), verdict.operation(), masked, verdict.violations());
  }

  private static Map<String, List<String>> maskParams(Map<String, List<String>> params) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    params.forEach(
        (name, values) ->
            out.put(
                name,
                SpecValidator.isSecret(name)
                    ? values.stream().map(v -> maskValue(name, v)).toList()
                    : List.copyOf(values)));
    return out;
  }

  /**
   * Keeps an auth scheme word ({@code Bearer ****}), so the recording still says how the call
   * authenticated.
   */
  private static String maskValue(String name, String value) {
    int space = value.indexOf(' ');
    return name.equalsIgnoreCase("Authorization") && space > 0
        ? value.substring(0, space) + " " + MASK
        : MASK;
  }

  /**
   * A JSON body with its secret fields masked; a body that is not JSON is kept only when it names
   * no secret.
   */
  static String maskBody(String body) {
    if (body == null || body.isEmpty()) {
      return body;
    }
    try {
      JsonNode tree = JSON.readTree(body);
      if (tree == null) {
        return body;
      }
      return mask(tree)
          ? JSON.writeValueAsString(tree)
          : body; // untouched bodies stay byte for byte
    } catch (IOException notJson) {
      return SpecValidator.isSecret(body) ? MASK : body;
    }
  }

  /** Masks the secret fields in place; whether there was any. */
  private static boolean mask(JsonNode node) {
    boolean masked = false;
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (SpecValidator.isSecret(name) && object.get(name).isValueNode()) {
          object.set(name, TextNode.valueOf(MASK));
          masked = true;
        } else {
          masked |= mask(object.get(name));
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        masked |= mask(element);
      }
    }
    return masked;
  }
}
