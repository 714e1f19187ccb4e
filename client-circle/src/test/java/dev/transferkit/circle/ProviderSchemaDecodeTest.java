package dev.transferkit.circle;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.squareup.moshi.Moshi;
import dev.transferkit.core.internal.Json;
import dev.transferkit.core.testing.SpecExamples;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Circle's own OpenAPI files (kept in {@code specs/src/test/resources/provider/circle}, source and
 * commit in its {@code SOURCES.md}) are the provider's word on what a response may look like. For
 * every operation and JSON response status our Circle specs share with them, every body {@link
 * ProviderSchemaSamples} derives from Circle's response schema (first checked to be valid against
 * Circle's file) decodes with the generated model of our spec's response.
 */
class ProviderSchemaDecodeTest {
  private static final String PROVIDER_DIR = "src/test/resources/provider/circle/";
  private static final List<String> PROVIDER_FILES =
      List.of("user-controlled-wallets.yaml", "configurations.yaml", "circle-apis.yaml");

  /**
   * Our Circle specs and the packages of their generated models, as the client's POM generates
   * them.
   */
  private static final Map<String, Moshi> OUR_SPECS = new LinkedHashMap<>();

  private static final Map<String, String> MODEL_PACKAGES = new LinkedHashMap<>();

  /** The package of the models of {@code circle/common.yaml}, which the three specs share. */
  private static final String SHARED_MODEL_PACKAGE = "dev.transferkit.circle.model";

  static {
    our(
        "circle/user-controlled-wallets.yaml",
        "dev.transferkit.circle.wallets.model",
        Json.moshi());
    our(
        "circle/digital-asset-accounts.yaml",
        "dev.transferkit.circle.accounts.model",
        Json.moshi());
    our("circle/payouts.yaml", "dev.transferkit.circle.payouts.model", Json.moshi());
  }

  private static void our(String spec, String modelPackage, Moshi moshi) {
    OUR_SPECS.put(spec, moshi);
    MODEL_PACKAGES.put(spec, modelPackage);
  }

  @TestFactory
  Stream<DynamicTest> everyBodyCirclesSchemasAllowDecodesWithOurModels() {
    List<DynamicTest> tests = new ArrayList<>();
    Moshi untyped = new Moshi.Builder().build();
    Map<String, OpenAPI> ourSpecs = new LinkedHashMap<>();
    for (String file : OUR_SPECS.keySet()) {
      ourSpecs.put(file, parse(SpecExamples.spec(file), false));
    }
    for (String providerFile : PROVIDER_FILES) {
      Path providerPath = SpecExamples.spec(PROVIDER_DIR + providerFile);
      OpenAPI provider = parse(providerPath, true);
      OpenApiInteractionValidator validator =
          OpenApiInteractionValidator.createForSpecificationUrl(providerPath.toUri().toString())
              .withResolveCombinators(true) // allOf parts are one object, not each a closed schema
              .withLevelResolver(
                  LevelResolver.create()
                      .withLevel("validation.response.header", ValidationReport.Level.IGNORE)
                      // Circle's wallet list names a discriminator without a mapping, so by
                      // OpenAPI's rule its value would be
                      // a schema name (EOAWallet), while each branch's own enum pins it to EOA or
                      // SCA: the enums decide.
                      .withLevel(
                          "validation.response.body.schema.discriminator",
                          ValidationReport.Level.IGNORE)
                      .build())
              .build();
      for (Map.Entry<String, Moshi> ours : OUR_SPECS.entrySet()) {
        OpenAPI spec = ourSpecs.get(ours.getKey());
        for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
          PathItem theirs = provider.getPaths().get(path.getKey());
          if (theirs == null) {
            continue;
          }
          for (Map.Entry<PathItem.HttpMethod, Operation> op :
              path.getValue().readOperationsMap().entrySet()) {
            Operation theirOp = theirs.readOperationsMap().get(op.getKey());
            if (theirOp == null) {
              continue;
            }
            for (Map.Entry<String, ApiResponse> response : theirOp.getResponses().entrySet()) {
              Schema<?> theirSchema = jsonSchema(response.getValue());
              if (theirSchema == null) {
                continue;
              }
              List<ProviderSchemaSamples.Sample> samples = ProviderSchemaSamples.of(theirSchema);
              String name =
                  op.getKey()
                      + " "
                      + path.getKey()
                      + " "
                      + response.getKey()
                      + ": "
                      + samples.size()
                      + " bodies from "
                      + providerFile;
              tests.add(
                  DynamicTest.dynamicTest(
                      name,
                      () -> {
                        Class<?> model =
                            ourModel(spec, ours.getKey(), op.getValue(), response.getKey());
                        List<String> failures = new ArrayList<>();
                        for (ProviderSchemaSamples.Sample sample : samples) {
                          String json =
                              untyped.adapter(Object.class).serializeNulls().toJson(sample.value);
                          ValidationReport report =
                              validator.validateResponse(
                                  concrete(path.getKey()),
                                  Request.Method.valueOf(op.getKey().name()),
                                  SimpleResponse.Builder.status(Integer.parseInt(response.getKey()))
                                      .withContentType("application/json")
                                      .withBody(json)
                                      .build());
                          if (report.hasErrors()) {
                            failures.add(
                                sample.variant
                                    + ": not valid against "
                                    + providerFile
                                    + " (a generator bug): "
                                    + report.getMessages()
                                    + "\n    "
                                    + json);
                            continue;
                          }
                          try {
                            if (ours.getValue().adapter(model).fromJson(json) == null) {
                              failures.add(sample.variant + ": decoded to null\n    " + json);
                            }
                          } catch (Exception e) {
                            failures.add(sample.variant + ": " + e + "\n    " + json);
                          }
                        }
                        assertFalse(samples.isEmpty(), name + ": no bodies generated");
                        if (!failures.isEmpty()) {
                          throw new AssertionError(
                              failures.size()
                                  + " of "
                                  + samples.size()
                                  + " bodies of "
                                  + providerFile
                                  + " do not decode as "
                                  + model.getSimpleName()
                                  + ":\n  "
                                  + String.join("\n  ", failures));
                        }
                      }));
            }
          }
        }
      }
    }
    assertFalse(tests.isEmpty(), "no operation shared with Circle's files");
    return tests.stream();
  }

  private static OpenAPI parse(Path file, boolean resolveFully) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(resolveFully);
    OpenAPI api =
        new OpenAPIParser().readLocation(file.toUri().toString(), null, options).getOpenAPI();
    if (api == null) {
      throw new AssertionError("Cannot parse " + file);
    }
    return api;
  }

  private static Schema<?> jsonSchema(ApiResponse response) {
    if (response.getContent() == null) {
      return null;
    }
    MediaType json = response.getContent().get("application/json");
    return json == null ? null : json.getSchema();
  }

  /** The generated class of our spec's schema for {@code status} of {@code op}. */
  private static Class<?> ourModel(OpenAPI spec, String file, Operation op, String status)
      throws Exception {
    ApiResponse response = op.getResponses().get(status);
    if (response == null) {
      throw new AssertionError(
          file
              + " "
              + op.getOperationId()
              + ": Circle documents status "
              + status
              + " with a JSON body, our spec does not");
    }
    if (response.get$ref() != null) {
      response = spec.getComponents().getResponses().get(simpleName(response.get$ref()));
    }
    Schema<?> schema = jsonSchema(response);
    if (schema == null || schema.get$ref() == null) {
      throw new AssertionError(
          file + " " + op.getOperationId() + " " + status + ": no named JSON schema");
    }
    return SpecExamples.modelClass(
        simpleName(schema.get$ref()), MODEL_PACKAGES.get(file), SHARED_MODEL_PACKAGE);
  }

  private static String simpleName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static String concrete(String template) {
    return template.replaceAll("\\{[^}]+}", "c4d1da72-111e-4d52-bdbf-2e74a2d803d5");
  }
}
