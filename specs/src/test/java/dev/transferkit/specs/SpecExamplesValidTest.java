package dev.transferkit.specs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every request and response example in every spec is valid against its own operation, checked with
 * the same validator the sandbox and the conformance suite use (swagger-request-validator).
 */
class SpecExamplesValidTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyExampleIsValidAgainstItsOperation() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String spec : Provider.allSpecFiles()) {
      Path file = Paths.get(System.getProperty("specs.dir", ".")).resolve(spec);
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      options.setResolveFully(true);
      OpenAPI api = new OpenAPIV3Parser().read(file.toUri().toString(), null, options);
      OpenApiInteractionValidator validator =
          OpenApiInteractionValidator.createForSpecificationUrl(file.toUri().toString())
              .withLevelResolver(
                  LevelResolver.create()
                      // Examples are bodies; headers, auth and parameters are not part of them.
                      .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                      .withLevel("validation.request.parameter", ValidationReport.Level.IGNORE)
                      .withLevel("validation.response.header", ValidationReport.Level.IGNORE)
                      .build())
              .build();
      int before = tests.size();
      for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
        String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
        for (Map.Entry<PathItem.HttpMethod, Operation> e :
            path.getValue().readOperationsMap().entrySet()) {
          Operation op = e.getValue();
          Request.Method method = Request.Method.valueOf(e.getKey().name());
          if (op.getRequestBody() != null) {
            for (Map.Entry<String, Object> ex :
                examples(op.getRequestBody().getContent()).entrySet()) {
              String name =
                  spec
                      + ": "
                      + e.getKey()
                      + " "
                      + path.getKey()
                      + " request example "
                      + ex.getKey();
              String body = toJson(ex.getValue());
              tests.add(
                  DynamicTest.dynamicTest(
                      name,
                      () ->
                          assertValid(
                              name,
                              validator.validateRequest(
                                  new SimpleRequest.Builder(method, concrete)
                                      .withContentType("application/json")
                                      .withBody(body)
                                      .build()))));
            }
          }
          for (Map.Entry<String, ApiResponse> r : op.getResponses().entrySet()) {
            for (Map.Entry<String, Object> ex : examples(r.getValue().getContent()).entrySet()) {
              String name =
                  spec
                      + ": "
                      + e.getKey()
                      + " "
                      + path.getKey()
                      + " response "
                      + r.getKey()
                      + " example "
                      + ex.getKey();
              String body = toJson(ex.getValue());
              int status = r.getKey().equals("default") ? 500 : Integer.parseInt(r.getKey());
              tests.add(
                  DynamicTest.dynamicTest(
                      name,
                      () ->
                          assertValid(
                              name,
                              validator.validateResponse(
                                  concrete,
                                  method,
                                  SimpleResponse.Builder.status(status)
                                      .withContentType("application/json")
                                      .withBody(body)
                                      .build()))));
            }
          }
        }
      }
      if (tests.size() == before) {
        throw new AssertionError(spec + " has no examples");
      }
    }
    return tests.stream();
  }

  private static Map<String, Object> examples(Map<String, MediaType> content) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    if (content == null || content.get("application/json") == null) {
      return out;
    }
    MediaType mt = content.get("application/json");
    if (mt.getExample() != null) {
      out.put("example", mt.getExample());
    }
    if (mt.getExamples() != null) {
      for (Map.Entry<String, Example> e : mt.getExamples().entrySet()) {
        out.put(e.getKey(), e.getValue().getValue());
      }
    }
    return out;
  }

  private static String toJson(Object value) {
    try {
      return value instanceof String ? (String) value : JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertValid(String name, ValidationReport report) {
    assertTrue(
        !report.hasErrors(),
        () ->
            name
                + " is not valid:\n  "
                + String.join(
                    "\n  ",
                    report.getMessages().stream()
                        .map(m -> m.getKey() + ": " + m.getMessage())
                        .toArray(String[]::new)));
  }

  @org.junit.jupiter.api.Test
  void theValidatorRejectsABodyThatBreaksTheSpec() {
    Path file =
        Paths.get(System.getProperty("specs.dir", ".")).resolve("streambird/transfers.yaml");
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForSpecificationUrl(file.toUri().toString()).build();
    ValidationReport report =
        validator.validateResponse(
            "/v1/transfers/x",
            Request.Method.GET,
            SimpleResponse.Builder.status(200)
                .withContentType("application/json")
                .withBody("{\"id\":\"transfer_1\",\"source_amount\":0.005}")
                .build());
    assertTrue(
        report.hasErrors(), "a numeric source_amount and missing required fields must be rejected");
  }
}
