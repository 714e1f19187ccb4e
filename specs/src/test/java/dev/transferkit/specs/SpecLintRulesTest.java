package dev.transferkit.specs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each lint rule fires on a spec that breaks it, and names the file and the place. */
class SpecLintRulesTest {
  private static List<String> problems;

  @BeforeAll
  static void lintBrokenSpec() throws URISyntaxException {
    Path broken =
        Paths.get(SpecLintRulesTest.class.getResource("/broken/breaks-every-rule.yaml").toURI());
    problems = SpecLint.lint(broken, "broken/breaks-every-rule.yaml");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "openapi: must be 3.0.3",
        "info: needs a description",
        "servers http://api.example.com: needs a description",
        "servers http://api.example.com: must be https",
        "servers http://api.example.com: x-transferkit-environment must be one of [PRODUCTION, SANDBOX], was null",
        "servers: no server for x-transferkit-environment PRODUCTION",
        "servers https://api.example.com: a second server for x-transferkit-environment SANDBOX",
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
        "schema Thing.price: a decimal string needs a pattern",
        "schema Thing.createdAt: integer timestamps need x-transferkit-epoch",
        "schema Thing.kind: inline enum",
        "schema Thing.nested: inline object",
        "schema Thing.noDescription: needs a description",
        "schema Thing.pin: x-transferkit-secret must be true and only goes on string properties",
        "POST /v1/things parameter X-Session-Token: a header named like a credential needs x-transferkit-secret: true",
        "POST /v1/things parameter note: x-transferkit-secret must be true and only goes on header parameters",
        "POST /v1/things x-transferkit-paging: belongs on GET list operations",
        "POST /v1/things x-transferkit-paging: the operation must be named list<Items>",
        "POST /v1/things x-transferkit-paging: style must be cursor or offset, was pages",
        "GET /v1/things/by-cursor x-transferkit-paging: cursor: 'pageAfter' is not an optional query parameter",
        "GET /v1/things/by-cursor x-transferkit-paging: itemCursor: 'serial' is not a property of",
        "GET /v1/things/by-cursor x-transferkit-paging: unknown member total for style cursor",
        "GET /v1/things/by-offset x-transferkit-paging: offset: parameter 'offset' must be of type integer",
        "GET /v1/things/by-offset x-transferkit-paging: items: 'label' is not the path of an array property",
        "GET /v1/things/by-offset x-transferkit-paging: total: 'label' is not an integer property of the response",
      })
  void ruleFiresAndNamesFileAndPlace(String expected) {
    assertProblem(problems, "broken/breaks-every-rule.yaml", expected);
  }

  @Test
  void anApiKeyHeaderWithoutTheSecretMarkIsReportedAndTheMarkOnlyGoesOnApiKeyHeaders()
      throws URISyntaxException {
    Path spec =
        Paths.get(SpecLintRulesTest.class.getResource("/broken/unmarked-api-key.yaml").toURI());
    List<String> found = SpecLint.lint(spec, "broken/unmarked-api-key.yaml");
    assertProblem(
        found,
        "broken/unmarked-api-key.yaml",
        "components.securitySchemes.PartnerKey: an API key sent in header X-Partner-Key is a credential");
    assertProblem(
        found,
        "broken/unmarked-api-key.yaml",
        "components.securitySchemes.Basic: x-transferkit-secret only goes on apiKey schemes sent in a header");
  }

  @Test
  void aSharedFileHoldsComponentsOnlyAndItsErrorAnswersUseTheErrorSchema()
      throws URISyntaxException {
    Path shared =
        Paths.get(
            SpecLintRulesTest.class.getResource("/broken/shared-with-operations.yaml").toURI());
    List<String> found = SpecLint.lintShared(shared, "broken/shared-with-operations.yaml");
    String file = "broken/shared-with-operations.yaml";
    assertProblem(found, file, "paths: a shared file holds components only");
    assertProblem(found, file, "security: belongs in each API's spec");
    assertProblem(found, file, "x-transferkit-errors: belongs in each API's spec");
    assertProblem(
        found, file, "components.responses.Unauthorized: errors must use the provider's Error");
    assertProblem(found, file, "schema SharedAmount: needs a description");
  }

  @Test
  void aSchemaTakenFromASharedFileIsLintedWithTheSpecThatRefersToIt() throws URISyntaxException {
    Path spec =
        Paths.get(SpecLintRulesTest.class.getResource("/broken/refers-to-shared.yaml").toURI());
    List<String> found = SpecLint.lint(spec, "broken/refers-to-shared.yaml");
    assertProblem(
        found, "broken/refers-to-shared.yaml", "schema SharedAmount: needs a description");
    assertProblem(
        found,
        "broken/refers-to-shared.yaml",
        "schema SharedAmount.amount: a decimal string needs a pattern");
  }

  @Test
  void aSchemaDefinedInTheSpecAndInItsSharedFileIsReported() throws URISyntaxException {
    Path spec =
        Paths.get(SpecLintRulesTest.class.getResource("/broken/shadows-shared.yaml").toURI());
    List<String> found = SpecLint.lint(spec, "broken/shadows-shared.yaml");
    assertProblem(
        found,
        "broken/shadows-shared.yaml",
        "schema SharedAmount: also defined in a shared file this spec refers to");
  }

  private static void assertProblem(List<String> problems, String file, String expected) {
    String prefix = file + ": ";
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith(prefix) && p.contains(expected)),
        () -> "no problem containing '" + expected + "' in:\n  " + String.join("\n  ", problems));
  }
}
