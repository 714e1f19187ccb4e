package dev.transferkit.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations of the specs the sandbox serves, read from the copies inside the sandbox jar
 * ({@code specs/...}): provider prefix, method, path template, parameters and the documented
 * request-body examples (as JSON bytes).
 */
final class SpecOperations {
  private SpecOperations() {}

  record Param(String name, String in) {}

  record Operation(
      String provider, String method, String path, List<Param> params, List<byte[]> examples) {
    @Override
    public String toString() {
      return method + " /" + provider + path;
    }
  }

  private static final String[][] SPECS = {
    {"circle", "specs/circle/digital-asset-accounts.yaml"},
    {"circle", "specs/circle/payouts.yaml"},
    {"circle", "specs/circle/user-controlled-wallets.yaml"},
    {"wyre", "specs/wyre/transfers.yaml"},
    {"streambird", "specs/streambird/transfers.yaml"},
  };
  private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

  static List<Operation> load() {
    List<Operation> out = new ArrayList<>();
    for (String[] spec : SPECS) {
      Map<String, Object> root = yaml(spec[1]);
      Map<String, Object> components = map(root.get("components"));
      map(root.get("paths"))
          .forEach(
              (path, itemObject) -> {
                Map<String, Object> item = map(itemObject);
                for (String method : METHODS) {
                  if (!item.containsKey(method)) {
                    continue;
                  }
                  Map<String, Object> op = map(item.get(method));
                  List<Param> params = new ArrayList<>();
                  for (Object p : list(item.get("parameters"))) {
                    params.add(param(map(resolve(p, components))));
                  }
                  for (Object p : list(op.get("parameters"))) {
                    params.add(param(map(resolve(p, components))));
                  }
                  List<byte[]> examples = new ArrayList<>();
                  Map<String, Object> json =
                      map(
                          map(map(resolve(op.get("requestBody"), components)).get("content"))
                              .get("application/json"));
                  if (json.containsKey("example")) {
                    examples.add(JsonTree.write(toTree(json.get("example"))));
                  }
                  map(json.get("examples"))
                      .values()
                      .forEach(
                          e -> {
                            Map<String, Object> example = map(resolve(e, components));
                            if (example.containsKey("value")) {
                              examples.add(JsonTree.write(toTree(example.get("value"))));
                            }
                          });
                  out.add(
                      new Operation(
                          spec[0],
                          method.toUpperCase(Locale.ROOT),
                          path,
                          List.copyOf(params),
                          List.copyOf(examples)));
                }
              });
    }
    return List.copyOf(out);
  }

  private static Param param(Map<String, Object> p) {
    return new Param(String.valueOf(p.get("name")), String.valueOf(p.get("in")));
  }

  /** Follows a local {@code $ref} ({@code #/components/<kind>/<name>}). */
  private static Object resolve(Object node, Map<String, Object> components) {
    Map<String, Object> m = map(node);
    Object ref = m.get("$ref");
    if (!(ref instanceof String) || !((String) ref).startsWith("#/components/")) {
      return node;
    }
    String[] parts = ((String) ref).substring("#/components/".length()).split("/");
    return map(components.get(parts[0])).get(parts[1]);
  }

  /**
   * YAML values to the shapes {@link JsonTree#write} understands (numbers verbatim, timestamps as
   * strings).
   */
  @SuppressWarnings("unchecked")
  static Object toTree(Object yaml) {
    if (yaml instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<Object, Object>) yaml).forEach((k, v) -> out.put(String.valueOf(k), toTree(v)));
      return out;
    } else if (yaml instanceof List) {
      List<Object> out = new ArrayList<>();
      ((List<Object>) yaml).forEach(v -> out.add(toTree(v)));
      return out;
    } else if (yaml instanceof Double || yaml instanceof Float) {
      return new JsonTree.RawNumber(
          BigDecimal.valueOf(((Number) yaml).doubleValue()).toPlainString());
    } else if (yaml instanceof Number) {
      return new JsonTree.RawNumber(yaml.toString());
    } else if (yaml instanceof Date) {
      return ((Date) yaml).toInstant().toString();
    }
    return yaml; // String, Boolean or null
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o instanceof List ? (List<Object>) o : List.of();
  }

  private static Map<String, Object> yaml(String resource) {
    try (InputStream in = SpecOperations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing " + resource + " (the sandbox jar carries the specs)");
      }
      return new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
