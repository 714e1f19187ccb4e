package dev.transferkit.specs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the contract's spec files from the classpath ({@code specs/<file>}, shipped in this
 * module's jar) with swagger-parser, every {@code $ref} resolved (error responses included), and
 * lists their operations. Stateless and thread-safe.
 */
public final class SpecLoader {
  private SpecLoader() {}

  /**
   * The parsed spec. Reads the JSON twin {@code specs/<file minus .yaml>.json} written at build
   * time when it is on the classpath (parsing JSON is faster than YAML; same tree, with what the
   * YAML references in a shared file such as {@code circle/common.yaml} already bundled), else the
   * YAML from its classpath location, so that its relative {@code $ref}s to shared files resolve.
   *
   * @throws IllegalStateException when the file is missing or is not an OpenAPI 3 document
   */
  public static OpenAPI parse(String specFile) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    // The OpenAPI 3 parser directly: the generic entry point would also load the Swagger 2
    // converter.
    String twin = read(twin(specFile));
    SwaggerParseResult parsed;
    if (twin != null) {
      parsed = new OpenAPIV3Parser().readContents(twin, null, options);
    } else {
      parsed = new OpenAPIV3Parser().readLocation(yamlLocation(specFile), null, options);
    }
    if (parsed.getOpenAPI() == null) {
      throw new IllegalStateException("cannot parse " + specFile + ": " + parsed.getMessages());
    }
    return parsed.getOpenAPI();
  }

  /**
   * The spec file's text: its JSON twin when present (self-contained), else the YAML (which may
   * refer to a shared file beside it: use {@link #parse} to read a spec with its references).
   */
  public static String text(String specFile) {
    String twin = read(twin(specFile));
    if (twin != null) {
      return twin;
    }
    String yaml = read("specs/" + specFile);
    if (yaml == null) {
      throw new IllegalStateException("spec specs/" + specFile + " is not on the classpath");
    }
    return yaml;
  }

  private static String twin(String specFile) {
    return "specs/" + specFile.replaceFirst("\\.yaml$", ".json");
  }

  private static String yamlLocation(String specFile) {
    java.net.URL yaml = SpecLoader.class.getClassLoader().getResource("specs/" + specFile);
    if (yaml == null) {
      throw new IllegalStateException("spec specs/" + specFile + " is not on the classpath");
    }
    return yaml.toString();
  }

  /**
   * The operations of one parsed spec file of {@code provider}, in the spec's order.
   *
   * @throws IllegalStateException when an operation has no operationId
   */
  public static List<SpecOperation> operations(Provider provider, String specFile, OpenAPI api) {
    List<SpecOperation> out = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          path.getValue().readOperationsMap().entrySet()) {
        String id = op.getValue().getOperationId();
        if (id == null || id.isBlank()) {
          throw new IllegalStateException(
              specFile + ": " + op.getKey() + " " + path.getKey() + " has no operationId");
        }
        // An operation's own `security` replaces the spec's global one; an empty list means no
        // authentication.
        List<?> security =
            op.getValue().getSecurity() != null ? op.getValue().getSecurity() : api.getSecurity();
        boolean authenticated = security != null && !security.isEmpty();
        out.add(
            new SpecOperation(
                provider, specFile, op.getKey().name(), path.getKey(), id, authenticated));
      }
    }
    return out;
  }

  /**
   * Every operation of a provider, across its spec files.
   *
   * @param parsed the provider's parsed specs by file name (see {@link #parse})
   * @throws IllegalStateException when two operations share an operationId
   */
  public static List<SpecOperation> operations(Provider provider, Map<String, OpenAPI> parsed) {
    List<SpecOperation> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (String file : provider.specFiles()) {
      OpenAPI api = parsed.get(file);
      if (api == null) {
        throw new IllegalStateException(file + " is not among the parsed specs");
      }
      for (SpecOperation op : operations(provider, file, api)) {
        if (!ids.add(op.operationId())) {
          throw new IllegalStateException(
              provider.id() + ": operationId " + op.operationId() + " is used twice");
        }
        out.add(op);
      }
    }
    return out;
  }

  private static String read(String resource) {
    try (InputStream in = SpecLoader.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
