package dev.transferkit.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON twins written at build time are self-contained and read as the YAML does, and the YAML
 * fallback resolves references to a shared file.
 */
class SpecLoaderTest {
  static Stream<String> specs() {
    return Provider.allSpecFiles().stream();
  }

  @ParameterizedTest
  @MethodSource("specs")
  void theJsonTwinParsesToTheSameSpecAsItsYaml(String spec) {
    Path yaml = Paths.get(System.getProperty("specs.dir", ".")).resolve(spec);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    OpenAPI fromYaml =
        new OpenAPIV3Parser().readLocation(yaml.toUri().toString(), null, options).getOpenAPI();

    assertTrue(SpecLoader.text(spec).startsWith("{"), spec + ": no JSON twin on the classpath");
    OpenAPI fromTwin = SpecLoader.parse(spec);
    // What the loader's users read: the operations (fully resolved), and the named schemas and
    // answers. (Not components.parameters: swagger-parser's resolveFully inlines a $ref in a
    // component parameter's schema or not depending on the order of the components, which the
    // twin's writer does not keep; the operations' parameters are inlined either way.)
    assertEquals(Json.pretty(fromYaml.getPaths()), Json.pretty(fromTwin.getPaths()));
    assertEquals(
        Json.pretty(fromYaml.getComponents().getSchemas()),
        Json.pretty(fromTwin.getComponents().getSchemas()));
    assertEquals(
        Json.pretty(fromYaml.getComponents().getResponses()),
        Json.pretty(fromTwin.getComponents().getResponses()));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void theJsonTwinNamesNoOtherFile(String spec) {
    assertFalse(
        SpecLoader.text(spec).contains(".yaml#/"),
        spec + ": the twin still refers to another file");
  }

  @Test
  void withoutATwinTheYamlsReferenceToASharedFileBesideItResolves() {
    OpenAPI api = SpecLoader.parse("fallback/api.yaml");

    Schema<?> body =
        api.getPaths()
            .get("/v1/amount")
            .getGet()
            .getResponses()
            .get("200")
            .getContent()
            .get("application/json")
            .getSchema();
    assertEquals("An amount.", body.getDescription());
    assertTrue(body.getProperties().containsKey("value"));
  }
}
