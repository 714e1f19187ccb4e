package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_DESTINATION_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_SOURCE_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_USER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transferkit.specs.SpecLoader;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the one validator ({@link Specs}, networknt json-schema-validator over the parsed spec)
 * checks besides body members: parameters typed and bounded by their schemas, enumerations as the
 * spec lists them, the body's media type, a required body; and what it lets through as the
 * providers do (extra members).
 */
class RequestValidationTest extends SandboxTestBase {
  static final String KEY = Http.bearer(CIRCLE_API_KEY);

  static String transfer(String extra) {
    return """
        {"idempotencyKey": "%s", "source": {"type": "account", "id": "%s"%s},
         "destination": {"type": "account", "id": "%s"}, "amount": {"amount": "1.00", "currency": "USD"}%s}"""
        .formatted(
            UUID.randomUUID(), CIRCLE_SOURCE_ACCOUNT, extra, CIRCLE_DESTINATION_ACCOUNT, extra);
  }

  private static JsonNode onlyError(Http.Response r) {
    assertEquals(400, r.status(), r.text());
    assertEquals(2, r.json().get("code").asInt(), r.text());
    assertEquals(1, r.json().get("errors").size(), r.text());
    return r.json().get("errors").get(0);
  }

  @Test
  void anIntegerQueryParameterThatIsNoIntegerIsRefusedNamingItAndItsValue() {
    JsonNode error =
        onlyError(Http.get(circle("v1/accounts/transfers?pageSize=ten"), "Authorization", KEY));
    assertEquals("pageSize", error.get("location").asText());
    assertEquals("invalid_value", error.get("error").asText());
    assertEquals("ten", error.get("invalidValue").asText());
    assertTrue(error.get("message").asText().contains("integer"), error.toString());
  }

  @Test
  void aQueryParameterIsBoundedAsItsSchemaBoundsIt() {
    assertEquals(
        200, Http.get(circle("v1/accounts/transfers?pageSize=50"), "Authorization", KEY).status());
    JsonNode above =
        onlyError(Http.get(circle("v1/accounts/transfers?pageSize=51"), "Authorization", KEY));
    assertEquals("pageSize", above.get("location").asText());
    assertEquals("max_value", above.get("error").asText());
    JsonNode below =
        onlyError(Http.get(circle("v1/accounts/transfers?pageSize=0"), "Authorization", KEY));
    assertEquals("min_value", below.get("error").asText());
  }

  @Test
  void aQueryEnumerationIsCheckedAgainstTheValuesTheSpecLists() throws Exception {
    Http.Response token =
        Http.post(
            circle("v1/w3s/users/token"),
            "{\"userId\": \"" + CIRCLE_USER_ID + "\"}",
            "Authorization",
            KEY);
    String userToken = token.json().at("/data/userToken").asText();
    Parameter operation =
        SpecLoader.parse(Specs.CIRCLE_WALLETS)
            .getPaths()
            .get("/v1/w3s/transactions")
            .getGet()
            .getParameters()
            .stream()
            .filter(p -> p.getName().equals("operation"))
            .findFirst()
            .orElseThrow();
    List<?> listed = operation.getSchema().getEnum();
    assertTrue(listed.size() > 1, "the spec lists the operations");
    for (Object value : listed) {
      assertEquals(
          200,
          Http.get(
                  circle("v1/w3s/transactions?operation=" + value),
                  "Authorization",
                  KEY,
                  "X-User-Token",
                  userToken)
              .status(),
          value.toString());
    }
    Http.Response refused =
        Http.get(
            circle("v1/w3s/transactions?operation=MINT"),
            "Authorization",
            KEY,
            "X-User-Token",
            userToken);
    JsonNode error = onlyError(refused);
    assertEquals("operation", error.get("location").asText());
    assertEquals("MINT", error.get("invalidValue").asText());
    for (Object value : listed) {
      assertTrue(error.get("message").asText().contains(value.toString()), error.toString());
    }
  }

  @Test
  void aBodyInAMediaTypeTheSpecDoesNotListIsRefusedNamingContentType() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(circle("v1/accounts/transfers")))
            .header("Authorization", KEY)
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(transfer(""), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> r = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(400, r.statusCode(), r.body());
    JsonNode error = Json.MAPPER.readTree(r.body()).get("errors").get(0);
    assertEquals("Content-Type", error.get("location").asText(), r.body());
    assertEquals("text/plain", error.get("invalidValue").asText(), r.body());
    assertTrue(error.get("message").asText().contains("application/json"), r.body());
  }

  @Test
  void aMissingRequiredBodyIsRefusedNamingTheBody() {
    JsonNode error =
        onlyError(Http.send("POST", circle("v1/accounts/transfers"), null, "Authorization", KEY));
    assertEquals("body", error.get("location").asText());
    assertEquals("required", error.get("error").asText());
  }

  @Test
  void membersTheSpecDoesNotNameAreIgnoredAsTheProvidersIgnoreThem() {
    Http.Response r =
        Http.post(
            circle("v1/accounts/transfers"),
            transfer(", \"note\": \"not in the spec\""),
            "Authorization",
            KEY);
    assertEquals(201, r.status(), r.text());
  }

  @Test
  void aNullWhereTheSpecAllowsNoneIsRefusedNamingTheMember() {
    JsonNode error =
        onlyError(
            Http.post(
                circle("v1/accounts/transfers"),
                transfer("").replace("\"amount\": \"1.00\"", "\"amount\": null"),
                "Authorization",
                KEY));
    assertEquals("amount.amount", error.get("location").asText());
    assertEquals("invalid_value", error.get("error").asText());
  }
}
