package dev.transferkit.specs.internal;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Build step (process-classes): writes a JSON twin next to every spec YAML copied into the classes
 * directory, so {@code SpecLoader} can skip YAML parsing (about a fifth of the sandbox's start
 * time). The twin is self-contained: swagger-parser's {@code resolve} bundles what the YAML
 * references in another file ({@code $ref: 'common.yaml#/components/schemas/Money'}) as local
 * components ({@code #/components/schemas/Money}), so a reader of the twin needs no file but it.
 * The YAML stays the source of truth and the fallback. Not part of the public API.
 */
public final class SpecJson {
  private SpecJson() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path yamlFile : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Path out =
            yamlFile.resolveSibling(
                yamlFile.getFileName().toString().replaceFirst("\\.yaml$", ".json"));
        Json.mapper().writeValue(out.toFile(), bundled(yamlFile));
      }
    }
  }

  /** The spec at {@code yamlFile} with its references to other files bundled as local ones. */
  static OpenAPI bundled(Path yamlFile) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed =
        new OpenAPIV3Parser().readLocation(yamlFile.toUri().toString(), null, options);
    if (parsed.getOpenAPI() == null
        || (parsed.getMessages() != null && !parsed.getMessages().isEmpty())) {
      throw new IllegalStateException("cannot bundle " + yamlFile + ": " + parsed.getMessages());
    }
    return parsed.getOpenAPI();
  }
}
