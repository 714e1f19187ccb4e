package dev.transferkit.codegen;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The secrets a spec marks with {@code x-transferkit-secret: true}, for the {@code
 * secrets.mustache} template (the client's {@code internal.Secrets.REDACTION}): the names of header
 * parameters and of {@code apiKey} security schemes sent in a header, and the names of schema
 * properties (JSON members).
 */
final class SecretList {
  static final String EXTENSION = "x-transferkit-secret";

  private SecretList() {}

  /**
   * Template data: {@code headers} and {@code jsonMembers}, each a sorted list of Java string
   * literals.
   */
  static Map<String, Object> from(OpenAPI api) {
    TreeSet<String> headers = new TreeSet<>();
    TreeSet<String> members = new TreeSet<>();
    if (api.getComponents() != null) {
      if (api.getComponents().getParameters() != null) {
        api.getComponents().getParameters().values().forEach(p -> header(p, headers));
      }
      if (api.getComponents().getSecuritySchemes() != null) {
        for (SecurityScheme s : api.getComponents().getSecuritySchemes().values()) {
          if (secret(s.getExtensions())
              && s.getType() == SecurityScheme.Type.APIKEY
              && s.getIn() == SecurityScheme.In.HEADER) {
            headers.add(s.getName());
          }
        }
      }
      if (api.getComponents().getSchemas() != null) {
        for (Schema<?> schema : api.getComponents().getSchemas().values()) {
          if (schema.getProperties() != null) {
            schema
                .getProperties()
                .forEach(
                    (name, p) -> {
                      if (secret(p.getExtensions())) {
                        members.add(name);
                      }
                    });
          }
        }
      }
    }
    if (api.getPaths() != null) {
      for (PathItem item : api.getPaths().values()) {
        if (item.getParameters() != null) {
          item.getParameters().forEach(p -> header(p, headers));
        }
        for (Operation op : item.readOperations()) {
          if (op.getParameters() != null) {
            op.getParameters().forEach(p -> header(p, headers));
          }
        }
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("headers", literals(headers));
    data.put("jsonMembers", literals(members));
    return data;
  }

  private static void header(Parameter p, TreeSet<String> headers) {
    if (p.get$ref() == null && "header".equals(p.getIn()) && secret(p.getExtensions())) {
      headers.add(p.getName());
    }
  }

  private static boolean secret(Map<String, Object> extensions) {
    return extensions != null && Boolean.TRUE.equals(extensions.get(EXTENSION));
  }

  private static List<String> literals(TreeSet<String> names) {
    List<String> out = new ArrayList<>();
    names.forEach(n -> out.add(ErrorTable.literal(n)));
    return out;
  }
}
