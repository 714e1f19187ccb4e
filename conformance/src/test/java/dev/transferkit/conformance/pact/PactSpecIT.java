package dev.transferkit.conformance.pact;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.pact.PactLevelResolverFactory;
import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import com.atlassian.oai.validator.pact.PactProviderValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.transferkit.specs.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every pact the consumer tests wrote, checked against the OpenAPI spec of its provider
 * (swagger-request-validator-pact). Each request and each response in a pact must be one the spec
 * allows; a pact response may leave out fields the consumer does not use (the library's default
 * level for {@code validation.response.body.schema.required}); the Cucumber suite's spec check
 * covers real responses in full.
 */
class PactSpecIT {
  static final Map<String, String> SPECS =
      Map.of(
          "circle-accounts", "circle/digital-asset-accounts.yaml",
          "circle-payouts", "circle/payouts.yaml",
          "circle-wallets", "circle/user-controlled-wallets.yaml",
          "wyre-transfers", "wyre/transfers.yaml",
          "streambird-transfers", "streambird/transfers.yaml");

  /**
   * Interaction description to response status. An interaction whose request breaks the spec on
   * purpose (PMT006, a missing required field) and that the provider refuses with a 4xx is what the
   * walkthrough documents: allowed.
   */
  private static Map<String, Integer> responseStatuses(Path pact) throws IOException {
    Map<String, Integer> statuses = new HashMap<>();
    for (JsonNode i : new ObjectMapper().readTree(pact.toFile()).path("interactions")) {
      statuses.put(i.path("description").asText(), i.path("response").path("status").asInt());
    }
    return statuses;
  }

  @TestFactory
  Stream<DynamicTest> everyPactKeepsItsSpec() {
    return SPECS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey() + " against specs/" + e.getValue(),
                    () -> {
                      Path pact =
                          Path.of(
                              "target", "pacts", PactSupport.CONSUMER + "-" + e.getKey() + ".json");
                      assertTrue(
                          Files.isRegularFile(pact),
                          pact + " was not written by the consumer tests");
                      OpenApiInteractionValidator validator =
                          OpenApiInteractionValidator.createFor(SpecLoader.parse(e.getValue()))
                              .withLevelResolver(PactLevelResolverFactory.create())
                              .build();
                      PactProviderValidationResults results =
                          PactProviderValidator.createFor(validator)
                              .withConsumer(PactSupport.CONSUMER, pact.toAbsolutePath().toString())
                              .build()
                              .validate();
                      List<String> problems = new ArrayList<>();
                      Map<String, Integer> statuses = responseStatuses(pact);
                      results
                          .getConsumerResults()
                          .forEach(
                              consumer ->
                                  consumer
                                      .getFailedInteractions()
                                      .forEach(
                                          (name, report) -> {
                                            boolean deliberate =
                                                statuses.getOrDefault(name, 0) >= 400
                                                    && statuses.get(name) < 500
                                                    && report.getMessages().stream()
                                                        .filter(
                                                            m ->
                                                                m.getLevel()
                                                                    == ValidationReport.Level.ERROR)
                                                        .allMatch(
                                                            m ->
                                                                m.getKey()
                                                                    .startsWith(
                                                                        "validation.request"));
                                            if (!deliberate) {
                                              problems.add(name + ": " + report.getMessages());
                                            }
                                          }));
                      assertTrue(problems.isEmpty(), String.join("\n", problems));
                    }));
  }
}
