package dev.transferkit.core.testing;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import okio.Buffer;
import okio.BufferedSink;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Test helper: every JSON example of an OpenAPI spec (request bodies and responses, inline or via
 * {@code components/responses}), rendered back to JSON with each number exactly as written in the
 * YAML.
 */
public final class SpecExamples {
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  /** One example: where it is, the schema it claims to follow, and its JSON text. */
  public static final class Example {
    public final String location;
    public final String schema;
    public final String json;

    Example(String location, String schema, String json) {
      this.location = location;
      this.schema = schema;
      this.json = json;
    }

    @Override
    public String toString() {
      return location + " (" + schema + ")";
    }
  }

  private SpecExamples() {}

  /** All examples of the spec at {@code file}. */
  public static List<Example> of(Path file) {
    Node root;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new LoaderOptions()).compose(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read " + file, e);
    }
    List<Example> out = new ArrayList<>();
    MappingNode paths = (MappingNode) get(root, "paths");
    MappingNode components = (MappingNode) get(root, "components");
    for (NodeTuple path : paths.getValue()) {
      for (NodeTuple method : ((MappingNode) path.getValueNode()).getValue()) {
        String op = key(method).toUpperCase(java.util.Locale.ROOT) + " " + key(path);
        if (!(method.getValueNode() instanceof MappingNode)) {
          continue;
        }
        Node body = get(method.getValueNode(), "requestBody");
        if (body != null) {
          collect(op + " request", get(body, "content"), out);
        }
        Node responses = get(method.getValueNode(), "responses");
        if (responses == null) {
          continue;
        }
        for (NodeTuple response : ((MappingNode) responses).getValue()) {
          Node r = response.getValueNode();
          Node ref = get(r, "$ref");
          if (ref != null) {
            String name = ((ScalarNode) ref).getValue();
            r = get(get(components, "responses"), name.substring(name.lastIndexOf('/') + 1));
          }
          collect(op + " response " + key(response), get(r, "content"), out);
        }
      }
    }
    return out;
  }

  private static void collect(String where, Node content, List<Example> out) {
    if (content == null) {
      return;
    }
    Node json = get(content, "application/json");
    if (json == null) {
      return;
    }
    Node schemaRef = get(get(json, "schema"), "$ref");
    String schema = schemaRef == null ? null : ((ScalarNode) schemaRef).getValue();
    schema = schema == null ? null : schema.substring(schema.lastIndexOf('/') + 1);
    Node example = get(json, "example");
    if (example != null) {
      out.add(new Example(where, schema, render(example)));
    }
    Node examples = get(json, "examples");
    if (examples != null) {
      for (NodeTuple e : ((MappingNode) examples).getValue()) {
        Node value = get(e.getValueNode(), "value");
        if (value != null) {
          out.add(new Example(where + " example " + key(e), schema, render(value)));
        }
      }
    }
  }

  private static Node get(Node node, String key) {
    if (!(node instanceof MappingNode)) {
      return null;
    }
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      if (key.equals(key(t))) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private static String key(NodeTuple t) {
    return ((ScalarNode) t.getKeyNode()).getValue();
  }

  /**
   * Renders a YAML node as JSON with Moshi's {@link JsonWriter}, keeping plain numeric scalars'
   * text exactly (written raw through {@link JsonWriter#valueSink}).
   */
  static String render(Node node) {
    Buffer out = new Buffer();
    try (JsonWriter writer = JsonWriter.of(out)) {
      writer.setSerializeNulls(true); // an explicit null in an example stays in the JSON
      render(node, writer);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.readUtf8();
  }

  private static void render(Node node, JsonWriter writer) throws IOException {
    if (node instanceof MappingNode) {
      writer.beginObject();
      for (NodeTuple t : ((MappingNode) node).getValue()) {
        writer.name(key(t));
        render(t.getValueNode(), writer);
      }
      writer.endObject();
    } else if (node instanceof SequenceNode) {
      writer.beginArray();
      for (Node n : ((SequenceNode) node).getValue()) {
        render(n, writer);
      }
      writer.endArray();
    } else {
      ScalarNode s = (ScalarNode) node;
      String v = s.getValue();
      if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
        writer.value(v);
      } else if (v.equals("null") || v.equals("~") || v.isEmpty()) {
        writer.nullValue();
      } else if (v.equals("true") || v.equals("false")) {
        writer.value(Boolean.parseBoolean(v));
      } else if (JSON_NUMBER.matcher(v).matches()) {
        try (BufferedSink raw = writer.valueSink()) {
          raw.writeUtf8(v);
        }
      } else {
        writer.value(v);
      }
    }
  }

  /**
   * The spec file {@code relative} (e.g. {@code wyre/transfers.yaml}) under the specs directory the
   * build names.
   */
  public static Path spec(String relative) {
    String dir = System.getProperty("transferkit.specs");
    if (dir == null) {
      throw new IllegalStateException(
          "System property transferkit.specs is not set (the parent POM sets it)");
    }
    return Path.of(dir).resolve(relative);
  }

  /**
   * One dynamic test per example of {@code specRelative}: decode with the generated model of the
   * example's schema ({@link #modelClass}), re-encode, and compare the JSON (numbers by their
   * text).
   *
   * @param modelPackages the API's model package, then those of the shared schemas it refers to
   */
  public static java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> roundTripTests(
      String specRelative, com.squareup.moshi.Moshi moshi, String... modelPackages) {
    List<Example> examples = of(spec(specRelative));
    if (examples.isEmpty()) {
      throw new AssertionError("No examples found in " + specRelative);
    }
    return examples.stream()
        .map(
            e ->
                org.junit.jupiter.api.DynamicTest.dynamicTest(
                    e.toString(),
                    () -> {
                      if (e.schema == null) {
                        throw new AssertionError(e.location + ": example without a schema $ref");
                      }
                      RoundTrip.assertRoundTrip(moshi, modelClass(e.schema, modelPackages), e.json);
                    }));
  }

  /**
   * The generated class of {@code schema}, looked up in {@code modelPackages} in order: an API's
   * own package first, then the package of the shared schemas it refers to (Circle's {@code
   * circle/common.yaml} generates once into {@code dev.transferkit.circle.model}).
   */
  public static Class<?> modelClass(String schema, String... modelPackages)
      throws ClassNotFoundException {
    for (String modelPackage : modelPackages) {
      try {
        return Class.forName(modelPackage + "." + modelName(modelPackage, schema));
      } catch (ClassNotFoundException notInThisPackage) {
        // the next package may generate it
      }
    }
    throw new ClassNotFoundException(
        "no generated class for schema " + schema + " in " + List.of(modelPackages));
  }

  /**
   * The generated class of schema {@code schema}: the codegen names a spec's {@code Error} and
   * {@code ErrorDetail} after the provider ({@code CircleError}; {@code
   * TransferKitJavaCodegen#toModelName}).
   */
  static String modelName(String modelPackage, String schema) {
    if (schema.equals("Error") || schema.equals("ErrorDetail")) {
      String provider = modelPackage.split("\\.")[2];
      return Character.toUpperCase(provider.charAt(0)) + provider.substring(1) + schema;
    }
    return schema;
  }
}
