package dev.transferkit.circle;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Deterministic JSON values from a provider's (fully resolved) OpenAPI 3.0 schema: a value with
 * every property, the value with only the required ones, and from there one variant per change the
 * schema allows: each optional property left out, each enum value, each {@code oneOf}/{@code anyOf}
 * branch, {@code null} where {@code nullable}, an empty array, both booleans, and {@code ""} for
 * the fee strings Circle sends empty while a fee is unknown. Strings take the schema's own {@code
 * example} where it has one (Circle's examples show the format its plain strings carry, e.g. a
 * decimal amount), else a value of their {@code format}.
 *
 * <p>Why not a kept generator: the JSON-schema instance generators on Maven Central
 * (json-schema-content-generator, and jsongenerator, which is only on JitPack) draw random
 * instances of JSON Schema drafts 4 to 7; this test needs every variant above every run, each named
 * so a failure says which provider-allowed body broke, from OpenAPI 3.0 schemas ({@code nullable},
 * {@code example}). Parsing and {@code $ref}/{@code allOf} resolution are swagger-parser's; the
 * test checks every value against the provider's schema with swagger-request-validator, so this
 * enumeration cannot drift outside what the provider allows.
 */
final class ProviderSchemaSamples {
  /**
   * Plain-string properties that carry a fee; Circle sends {@code ""} in them until the fee is
   * known (issue 14, seen on the transactions API), which its schema allows (plain {@code type:
   * string}).
   */
  private static final Pattern FEE_STRING = Pattern.compile("(?i).*(fee|gas).*");

  /** One generated value and what makes it different from the all-properties value. */
  static final class Sample {
    final String variant;
    final Object value;

    Sample(String variant, Object value) {
      this.variant = variant;
      this.value = value;
    }
  }

  private ProviderSchemaSamples() {}

  /**
   * The values of {@code schema}; the first one has every property, the others differ from it in
   * one place.
   */
  static List<Sample> of(Schema<?> schema) {
    return values(schema, "", "body");
  }

  private static List<Sample> values(Schema<?> schema, String name, String where) {
    List<Sample> out = new ArrayList<>();
    if (schema == null) {
      out.add(new Sample(where, "text"));
      return out;
    }
    List<Schema> branches = branches(schema);
    if (!branches.isEmpty()) {
      for (int i = 0; i < branches.size(); i++) {
        for (Sample s : values(branches.get(i), name, where + " branch " + (i + 1))) {
          out.add(s);
        }
      }
    } else if (isObject(schema)) {
      object(schema, where, out);
    } else if (schema instanceof ArraySchema || "array".equals(schema.getType())) {
      List<Sample> items = values(schema.getItems(), name, where + "[]");
      // The provider's example array, where it has one, shows what its items carry (e.g. decimal
      // amounts).
      Object example =
          schema.getExample() == null
              ? null
              : io.swagger.v3.core.util.Json.mapper()
                  .convertValue(schema.getExample(), Object.class);
      Object first = example instanceof List ? example : List.of(items.get(0).value);
      out.add(new Sample(where, first));
      out.add(new Sample(where + " = []", List.of()));
      for (Sample item : items.subList(1, items.size())) {
        out.add(new Sample(item.variant, Collections.singletonList(item.value)));
      }
    } else if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      for (Object value : schema.getEnum()) {
        out.add(new Sample(where + " = " + value, value));
      }
    } else if ("integer".equals(schema.getType())) {
      out.add(
          new Sample(
              where,
              schema.getExample() instanceof Number
                  ? ((Number) schema.getExample()).longValue()
                  : 1L));
    } else if ("number".equals(schema.getType())) {
      out.add(
          new Sample(
              where,
              schema.getExample() instanceof Number
                  ? ((Number) schema.getExample()).doubleValue()
                  : 1.5));
    } else if ("boolean".equals(schema.getType())) {
      out.add(new Sample(where + " = true", true));
      out.add(new Sample(where + " = false", false));
    } else if ("string".equals(schema.getType())) {
      out.add(new Sample(where, string(schema)));
      if (FEE_STRING.matcher(name).matches()) {
        out.add(new Sample(where + " = \"\"", ""));
      }
    } else {
      // No type: any JSON value.
      out.add(new Sample(where, "text"));
      out.add(new Sample(where + " = 1", 1L));
      out.add(new Sample(where + " = true", true));
    }
    if (Boolean.TRUE.equals(schema.getNullable())) {
      out.add(new Sample(where + " = null", null));
    }
    return out;
  }

  private static void object(Schema<?> schema, String where, List<Sample> out) {
    Map<String, Schema> properties = properties(schema);
    Set<String> required = required(schema);
    Map<String, List<Sample>> byProperty = new LinkedHashMap<>();
    Map<String, Object> full = new LinkedHashMap<>();
    for (Map.Entry<String, Schema> p : properties.entrySet()) {
      List<Sample> values = values(p.getValue(), p.getKey(), where + "." + p.getKey());
      byProperty.put(p.getKey(), values);
      full.put(p.getKey(), values.get(0).value);
    }
    out.add(new Sample(where, full));
    Map<String, Object> minimal = new LinkedHashMap<>(full);
    minimal.keySet().retainAll(required);
    if (minimal.size() < full.size()) {
      out.add(new Sample(where + " with its required properties only", minimal));
    }
    for (Map.Entry<String, List<Sample>> p : byProperty.entrySet()) {
      if (!required.contains(p.getKey())) {
        Map<String, Object> without = new LinkedHashMap<>(full);
        without.remove(p.getKey());
        out.add(new Sample(where + " without " + p.getKey(), without));
      }
      for (Sample s : p.getValue().subList(1, p.getValue().size())) {
        Map<String, Object> changed = new LinkedHashMap<>(full);
        changed.put(p.getKey(), s.value);
        out.add(new Sample(s.variant, changed));
      }
    }
  }

  private static String string(Schema<?> schema) {
    if (schema.getExample() instanceof String) {
      return (String) schema.getExample();
    }
    String format =
        schema.getFormat() == null ? "" : schema.getFormat().toLowerCase(java.util.Locale.ROOT);
    switch (format) {
      case "uuid":
        return "c4d1da72-111e-4d52-bdbf-2e74a2d803d5";
      case "date-time":
        return "2023-01-01T12:04:05Z";
      default:
        return "text";
    }
  }

  /**
   * The {@code oneOf} or {@code anyOf} branches (swagger-parser has already merged {@code allOf}).
   */
  @SuppressWarnings("rawtypes")
  private static List<Schema> branches(Schema<?> schema) {
    if (!(schema instanceof ComposedSchema)) {
      return List.of();
    }
    ComposedSchema c = (ComposedSchema) schema;
    if (c.getOneOf() != null && !c.getOneOf().isEmpty()) {
      return c.getOneOf();
    }
    if (c.getAnyOf() != null && !c.getAnyOf().isEmpty()) {
      return c.getAnyOf();
    }
    return List.of();
  }

  private static boolean isObject(Schema<?> schema) {
    return "object".equals(schema.getType()) || !properties(schema).isEmpty();
  }

  /** Properties, including those of {@code allOf} parts swagger-parser left unmerged. */
  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> properties(Schema<?> schema) {
    Map<String, Schema> out = new LinkedHashMap<>();
    if (schema instanceof ComposedSchema && ((ComposedSchema) schema).getAllOf() != null) {
      for (Schema part : ((ComposedSchema) schema).getAllOf()) {
        out.putAll(properties(part));
      }
    }
    if (schema.getProperties() != null) {
      out.putAll(schema.getProperties());
    }
    return out;
  }

  @SuppressWarnings("rawtypes")
  private static Set<String> required(Schema<?> schema) {
    Set<String> out = new LinkedHashSet<>();
    if (schema instanceof ComposedSchema && ((ComposedSchema) schema).getAllOf() != null) {
      for (Schema part : ((ComposedSchema) schema).getAllOf()) {
        out.addAll(required(part));
      }
    }
    if (schema.getRequired() != null) {
      out.addAll(schema.getRequired());
    }
    return out;
  }
}
