package dev.transferkit.specs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each lint rule fires on a spec that breaks it, and names the file and the place. */
class SpecLintRulesTest {
  private static List<String> problems;

  @BeforeAll
  static void lintBrokenSpec() throws URISyntaxException {
    Path broken = Paths.get(SpecLintRulesTest.class.getResource("/broken/breaks-every-rule.yaml").toURI());
    problems = SpecLint.lint(broken, "broken/breaks-every-rule.yaml");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "openapi: must be 3.0.3",
      "info: needs a description",
      "servers http://api.example.com: needs a description",
      "servers http://api.example.com: must be https",
      "components.securitySchemes: document the provider's authentication",
      "GET /v1/things: needs a camelCase operationId, was List_Things",
      "GET /v1/things: needs exactly one tag",
      "GET /v1/things: needs a summary",
      "GET /v1/things parameter status: needs a description",
      "GET /v1/things parameter status: enums must be named schemas",
      "GET /v1/things: a GET must not have a request body",
      "GET /v1/things response 200 application/json: body schemas must be named components",
      "GET /v1/things: no 4xx response",
      "POST /v1/things: x-transferkit-idempotency-key names 'nonce', which is not a request body property",
      "POST /v1/things response 400: errors must use the provider's Error schema",
      "schema Status: enum value UNKNOWN is reserved",
      "schema Coin: x-transferkit-decimals has no count for BBB",
      "schema Coin: x-transferkit-decimals names ZZZ, which is not in the enum",
      "schema Coin: x-transferkit-decimals for CCC must be an integer from 0 to 36, was -1",
      "x-transferkit-errors 42: kind must be one of",
      "x-transferkit-errors 42: needs a description",
      "x-transferkit-errors 43: onlyForStatus must be a 4xx status",
      "schema Thing: needs a description",
      "schema Thing.amount: type number takes no format",
      "schema Thing.fee: an amount must be `type: string, format: decimal` or `type: number`",
      "schema Thing.createdAt: integer timestamps need x-transferkit-epoch",
      "schema Thing.kind: inline enum",
      "schema Thing.nested: inline object",
      "schema Thing.noDescription: needs a description",
  })
  void ruleFiresAndNamesFileAndPlace(String expected) {
    String prefix = "broken/breaks-every-rule.yaml: ";
    assertTrue(problems.stream().anyMatch(p -> p.startsWith(prefix) && p.contains(expected)),
        () -> "no problem containing '" + expected + "' in:\n  " + String.join("\n  ", problems));
  }
}
