package dev.transferkit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;

/**
 * The runtime facts the generator reads from a spec's vendor extensions: secrets, servers, paging.
 */
class SpecFactsTest {
  private static final String SPEC =
      String.join(
          "\n",
          "openapi: 3.0.3",
          "info: {title: t, version: '1'}",
          "servers:",
          "  - url: https://sandbox.example.com",
          "    x-transferkit-environment: SANDBOX",
          "    description: The `sandbox`.",
          "  - url: https://api.example.com/",
          "    x-transferkit-environment: PRODUCTION",
          "    description: Production.",
          "paths:",
          "  /v1/things:",
          "    get:",
          "      operationId: listThings",
          "      parameters:",
          "        - {name: X-Session, in: header, x-transferkit-secret: true, schema: {type: string}}",
          "        - {name: X-Request-Id, in: header, schema: {type: string}}",
          "        - $ref: '#/components/parameters/UserToken'",
          "      responses:",
          "        '200': {description: ok}",
          "components:",
          "  parameters:",
          "    UserToken: {name: X-User-Token, in: header, x-transferkit-secret: true, schema: {type: string}}",
          "  securitySchemes:",
          "    Key: {type: apiKey, in: header, name: X-Api-Key, x-transferkit-secret: true}",
          "    Bearer: {type: http, scheme: bearer}",
          "  schemas:",
          "    Token:",
          "      type: object",
          "      properties:",
          "        userToken: {type: string, x-transferkit-secret: true}",
          "        id: {type: string}",
          "");

  private static OpenAPI parse(String yaml) {
    return new OpenAPIV3Parser().readContents(yaml).getOpenAPI();
  }

  @Test
  void secretsAreTheMarkedHeaderParametersApiKeyHeadersAndProperties() {
    Map<String, Object> secrets = SecretList.from(parse(SPEC));

    assertEquals(
        List.of("\"X-Api-Key\"", "\"X-Session\"", "\"X-User-Token\""), secrets.get("headers"));
    assertEquals(List.of("\"userToken\""), secrets.get("jsonMembers"));
  }

  @Test
  void serversAreNamedByTheirEnvironmentAndEndWithASlash() {
    List<Map<String, String>> servers = ServerList.from(parse(SPEC));

    assertEquals(2, servers.size());
    assertEquals("SANDBOX", servers.get(0).get("name"));
    assertEquals("\"https://sandbox.example.com/\"", servers.get(0).get("url"));
    assertEquals("The <code>sandbox</code>.", servers.get(0).get("description"));
    assertEquals("\"https://api.example.com/\"", servers.get(1).get("url"));
  }

  @Test
  void aServerWithoutItsEnvironmentStopsTheGenerationNamingIt() {
    String unnamed = SPEC.replace("    x-transferkit-environment: PRODUCTION\n", "");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ServerList.from(parse(unnamed)));
    assertTrue(e.getMessage().contains("https://api.example.com/"), e.getMessage());
  }

  @Test
  void cursorPagingOverAnUnwrappedEnvelopeReadsTheItemsBelowItsData() {
    CodegenOperation op =
        listOperation(
            Map.of(
                "style",
                "cursor",
                "cursor",
                "pageAfter",
                "items",
                "data.wallets",
                "itemCursor",
                "id"),
            "pageAfter",
            "String");
    Map<String, CodegenModel> models =
        Map.of(
            "WalletsResponse",
                model("WalletsResponse", property("data", "getData", "WalletsData", null)),
            "WalletsData",
                model("WalletsData", property("wallets", "getWallets", "Wallet", "Wallet")),
            "Wallet", model("Wallet", property("id", "getId", "String", null)));

    Map<String, Object> plan = PagingPlan.of(op, models, "data");

    assertEquals("listAllWallets", plan.get("listAll"));
    assertEquals("Wallet", plan.get("itemType"));
    assertEquals("page -> page.getWallets()", plan.get("items"));
    assertEquals("Wallet::getId", plan.get("itemCursor"));
    assertEquals("pageAfter", plan.get("cursorName"));
  }

  @Test
  void offsetPagingNamingAParameterTheOperationLacksStopsTheGeneration() {
    CodegenOperation op =
        listOperation(
            Map.of("style", "offset", "offset", "start", "items", "data"), "offset", "Integer");
    Map<String, CodegenModel> models =
        Map.of(
            "WalletsResponse",
            model("WalletsResponse", property("data", "getData", "Wallet", "Wallet")));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PagingPlan.of(op, models, null));
    assertTrue(
        e.getMessage().startsWith("listWallets: x-transferkit-paging: names 'start'"),
        e.getMessage());
  }

  @Test
  void anOperationWithoutPagingHasNoPlan() {
    CodegenOperation op = new CodegenOperation();
    assertNull(PagingPlan.of(op, Map.of(), null));
  }

  private static CodegenOperation listOperation(
      Map<String, Object> paging, String parameter, String type) {
    CodegenOperation op = new CodegenOperation();
    op.operationId = "listWallets";
    op.returnType = "WalletsResponse";
    op.vendorExtensions.put(PagingPlan.EXTENSION, paging);
    CodegenParameter p = new CodegenParameter();
    p.baseName = parameter;
    p.paramName = parameter;
    p.dataType = type;
    op.queryParams.add(p);
    return op;
  }

  private static CodegenModel model(String name, CodegenProperty... vars) {
    CodegenModel m = new CodegenModel();
    m.name = name;
    m.vars = List.of(vars);
    return m;
  }

  /** A property; {@code itemType} non-null makes it an array of that model. */
  private static CodegenProperty property(
      String name, String getter, String complexType, String itemType) {
    CodegenProperty p = new CodegenProperty();
    p.baseName = name;
    p.getter = getter;
    p.complexType = complexType;
    if (itemType != null) {
      p.isArray = true;
      p.items = new CodegenProperty();
      p.items.datatypeWithEnum = itemType;
      p.items.complexType = itemType;
    }
    return p;
  }
}
