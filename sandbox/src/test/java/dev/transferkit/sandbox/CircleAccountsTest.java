package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_DESTINATION_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_OTHER_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_OTHER_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_SOURCE_ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CircleAccountsTest extends SandboxTestBase {
  static final String KEY = Http.bearer(CIRCLE_API_KEY);

  static String transfer(String key, String from, String to, String amount) {
    return """
        {"idempotencyKey": "%s", "source": {"type": "account", "id": "%s"},
         "destination": {"type": "account", "id": "%s"}, "amount": {"amount": "%s", "currency": "USD"}}"""
        .formatted(key, from, to, amount);
  }

  String balance(String account) {
    Http.Response r = Http.get(circle("v1/accounts/balances/" + account), "Authorization", KEY);
    assertEquals(200, r.status(), r.text());
    return r.json().at("/data/available/0/amount").asText();
  }

  @Test
  void theGuidesSourceAccountStartsWith10000UsdAndItsDestinationWithNothing() {
    Http.Response r =
        Http.get(circle("v1/accounts/balances/" + CIRCLE_SOURCE_ACCOUNT), "Authorization", KEY);
    assertEquals(200, r.status());
    assertEquals("10000.00", r.json().at("/data/available/0/amount").asText());
    assertEquals("USD", r.json().at("/data/available/0/currency").asText());
    assertTrue(r.json().at("/data/unsettled").isArray());
    assertAmount("0", balance(CIRCLE_DESTINATION_ACCOUNT));
  }

  @Test
  void anAmountWrittenWithOtherDigitsThanAsciiIsRefusedAndMovesNothing() {
    for (String amount : new String[] {"\u0661\u0660\u0660", "+100.00", "100.", "1_000"}) {
      Http.Response r =
          Http.post(
              circle("v1/accounts/transfers"),
              transfer(
                  UUID.randomUUID().toString(),
                  CIRCLE_SOURCE_ACCOUNT,
                  CIRCLE_DESTINATION_ACCOUNT,
                  amount),
              "Authorization",
              KEY);
      assertEquals(400, r.status(), amount + ": " + r.text());
    }
    assertEquals("10000.00", balance(CIRCLE_SOURCE_ACCOUNT));
    assertAmount("0", balance(CIRCLE_DESTINATION_ACCOUNT));
  }

  @Test
  void anInternalTransferCompletesAtOnceAndMovesTheMoney() {
    Http.Response r =
        Http.post(
            circle("v1/accounts/transfers"),
            transfer(
                UUID.randomUUID().toString(),
                CIRCLE_SOURCE_ACCOUNT,
                CIRCLE_DESTINATION_ACCOUNT,
                "2500.00"),
            "Authorization",
            KEY);
    assertEquals(201, r.status(), r.text());
    JsonNode t = r.json().get("data");
    assertEquals("complete", t.get("status").asText());
    assertEquals("2500.00", t.at("/amount/amount").asText());
    assertEquals(CIRCLE_SOURCE_ACCOUNT, t.at("/source/id").asText());
    assertEquals(CIRCLE_DESTINATION_ACCOUNT, t.at("/destination/id").asText());
    assertEquals("2026-03-15T12:00:00Z", t.get("createDate").asText().replace(".000", ""));
    assertEquals("7500.00", balance(CIRCLE_SOURCE_ACCOUNT));
    assertEquals("2500.00", balance(CIRCLE_DESTINATION_ACCOUNT));

    Http.Response got =
        Http.get(circle("v1/accounts/transfers/" + t.get("id").asText()), "Authorization", KEY);
    assertEquals(200, got.status());
    assertEquals(t, got.json().get("data"));
  }

  @Test
  void insufficientFundsGivesCode1093AndLeavesBothBalancesUnchanged() {
    Http.Response r =
        Http.post(
            circle("v1/accounts/transfers"),
            transfer(
                UUID.randomUUID().toString(),
                CIRCLE_SOURCE_ACCOUNT,
                CIRCLE_DESTINATION_ACCOUNT,
                "10000.01"),
            "Authorization",
            KEY);
    assertEquals(400, r.status());
    assertEquals(1093, r.json().get("code").asInt());
    assertEquals("Source account has insufficient funds", r.json().get("message").asText());
    assertEquals("10000.00", balance(CIRCLE_SOURCE_ACCOUNT));
    assertAmount("0", balance(CIRCLE_DESTINATION_ACCOUNT));
  }

  @Test
  void theSameIdempotencyKeyAndBodyReturnsTheOriginalTransferAndMovesNothingTwice() {
    String body =
        transfer(
            UUID.randomUUID().toString(),
            CIRCLE_SOURCE_ACCOUNT,
            CIRCLE_DESTINATION_ACCOUNT,
            "100.00");
    Http.Response first = Http.post(circle("v1/accounts/transfers"), body, "Authorization", KEY);
    Http.Response again =
        Http.post(circle("v1/accounts/transfers"), body.replace("  ", " "), "Authorization", KEY);
    assertEquals(201, first.status());
    assertEquals(200, again.status());
    assertEquals(first.json(), again.json());
    assertEquals("9900.00", balance(CIRCLE_SOURCE_ACCOUNT));
  }

  @Test
  void theSameRequestWithItsMembersInAnotherOrderIsTheSameRequest() {
    String key = UUID.randomUUID().toString();
    Http.Response first =
        Http.post(
            circle("v1/accounts/transfers"),
            transfer(key, CIRCLE_SOURCE_ACCOUNT, CIRCLE_DESTINATION_ACCOUNT, "100.00"),
            "Authorization",
            KEY);
    String reordered =
        """
        {"amount": {"currency": "USD", "amount": "100.00"}, "destination": {"id": "%s", "type": "account"},
         "source": {"id": "%s", "type": "account"}, "idempotencyKey": "%s"}"""
            .formatted(CIRCLE_DESTINATION_ACCOUNT, CIRCLE_SOURCE_ACCOUNT, key);
    Http.Response again =
        Http.post(circle("v1/accounts/transfers"), reordered, "Authorization", KEY);
    assertEquals(201, first.status());
    assertEquals(200, again.status(), again.text());
    assertEquals(first.json(), again.json());
    Http.Response otherScale =
        Http.post(
            circle("v1/accounts/transfers"),
            transfer(key, CIRCLE_SOURCE_ACCOUNT, CIRCLE_DESTINATION_ACCOUNT, "100.0"),
            "Authorization",
            KEY);
    assertEquals(
        409,
        otherScale.status(),
        "100.0 is not the request that bound the key: " + otherScale.text());
    assertEquals("9900.00", balance(CIRCLE_SOURCE_ACCOUNT));
  }

  @Test
  void theSameIdempotencyKeyWithAnotherBodyIsAConflict1083() {
    String key = UUID.randomUUID().toString();
    Http.post(
        circle("v1/accounts/transfers"),
        transfer(key, CIRCLE_SOURCE_ACCOUNT, CIRCLE_DESTINATION_ACCOUNT, "100.00"),
        "Authorization",
        KEY);
    Http.Response r =
        Http.post(
            circle("v1/accounts/transfers"),
            transfer(key, CIRCLE_SOURCE_ACCOUNT, CIRCLE_DESTINATION_ACCOUNT, "200.00"),
            "Authorization",
            KEY);
    assertEquals(409, r.status());
    assertEquals(1083, r.json().get("code").asInt());
    assertEquals("9900.00", balance(CIRCLE_SOURCE_ACCOUNT));
  }

  @Test
  void aFailedRequestDoesNotBindItsIdempotencyKey() {
    String key = UUID.randomUUID().toString();
    assertEquals(
        400,
        Http.post(
                circle("v1/accounts/transfers"),
                transfer(key, CIRCLE_SOURCE_ACCOUNT, CIRCLE_DESTINATION_ACCOUNT, "20000.00"),
                "Authorization",
                KEY)
            .status());
    assertEquals(
        201,
        Http.post(
                circle("v1/accounts/transfers"),
                transfer(key, CIRCLE_SOURCE_ACCOUNT, CIRCLE_DESTINATION_ACCOUNT, "20.00"),
                "Authorization",
                KEY)
            .status());
  }

  @Test
  void listsAnAccountsTransfersNewestFirstInPages() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      ids.add(
          0,
          Http.post(
                  circle("v1/accounts/transfers"),
                  transfer(
                      UUID.randomUUID().toString(),
                      CIRCLE_SOURCE_ACCOUNT,
                      CIRCLE_DESTINATION_ACCOUNT,
                      i + ".00"),
                  "Authorization",
                  KEY)
              .json()
              .at("/data/id")
              .asText());
      clock.advance(java.time.Duration.ofSeconds(1));
    }
    Http.Response first =
        Http.get(
            circle("v1/accounts/transfers?accountId=" + CIRCLE_SOURCE_ACCOUNT + "&pageSize=2"),
            "Authorization",
            KEY);
    assertEquals(200, first.status());
    assertEquals(List.of(ids.get(0), ids.get(1)), idsOf(first.json()));
    Http.Response second =
        Http.get(
            circle(
                "v1/accounts/transfers?accountId="
                    + CIRCLE_SOURCE_ACCOUNT
                    + "&pageSize=2&pageAfter="
                    + ids.get(1)),
            "Authorization",
            KEY);
    assertEquals(List.of(ids.get(2), ids.get(3)), idsOf(second.json()));
    Http.Response back =
        Http.get(
            circle(
                "v1/accounts/transfers?accountId="
                    + CIRCLE_SOURCE_ACCOUNT
                    + "&pageSize=2&pageBefore="
                    + ids.get(2)),
            "Authorization",
            KEY);
    assertEquals(List.of(ids.get(0), ids.get(1)), idsOf(back.json()));
    Http.Response other =
        Http.get(
            circle("v1/accounts/transfers?accountId=" + CIRCLE_OTHER_ACCOUNT),
            "Authorization",
            KEY);
    assertEquals(List.of(), idsOf(other.json()));
  }

  static List<String> idsOf(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.get("data").forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  @Test
  void anOffSpecRequestGetsCode2NamingTheProblem() {
    Http.Response r =
        Http.post(
            circle("v1/accounts/transfers"),
            "{\"idempotencyKey\": \""
                + UUID.randomUUID()
                + "\", \"source\": {\"type\": \"account\", \"id\": \"1\"},"
                + " \"amount\": {\"amount\": \"1.00\", \"currency\": \"GBP\"}}",
            "Authorization",
            KEY);
    assertEquals(400, r.status(), r.text());
    assertEquals(2, r.json().get("code").asInt());
    assertTrue(r.json().get("message").asText().contains("destination"), r.text());
    assertTrue(r.text().contains("GBP"), r.text());
    List<String> locations = new ArrayList<>();
    r.json().get("errors").forEach(e -> locations.add(e.get("location").asText()));
    assertTrue(locations.contains("destination"), locations.toString());
    assertTrue(locations.contains("amount.currency"), locations.toString());
  }

  @Test
  void aBodyMissingARequiredFieldIsRefusedNamingTheField() {
    Http.Response refused =
        Http.post(
            circle("v1/accounts/transfers"),
            "{\"idempotencyKey\": \""
                + UUID.randomUUID()
                + "\", \"source\": {\"type\": \"account\", \"id\": \"1\"},"
                + " \"destination\": {\"type\": \"account\", \"id\": \"2\"}, \"amount\": {\"currency\": \"USD\"}}",
            "Authorization",
            KEY);
    assertEquals(400, refused.status(), refused.text());
    assertTrue(refused.text().contains("\"location\":\"amount.amount\""), refused.text());
  }

  @Test
  void anIdempotencyKeyThatIsNotAUuidIsRefused() {
    Http.Response r =
        Http.post(
            circle("v1/accounts/transfers"),
            transfer("not-a-uuid", CIRCLE_SOURCE_ACCOUNT, CIRCLE_DESTINATION_ACCOUNT, "1.00"),
            "Authorization",
            KEY);
    assertEquals(400, r.status());
    assertEquals(2, r.json().get("code").asInt());
    assertEquals("10000.00", balance(CIRCLE_SOURCE_ACCOUNT));
  }

  @Test
  void aMissingOrUnknownApiKeyGets401() {
    Http.Response none = Http.get(circle("v1/accounts/balances/" + CIRCLE_SOURCE_ACCOUNT));
    assertEquals(401, none.status());
    assertEquals(1, none.json().get("code").asInt());
    assertFalse(none.json().get("message").asText().isEmpty());
    Http.Response wrong =
        Http.get(
            circle("v1/accounts/balances/" + CIRCLE_SOURCE_ACCOUNT),
            "Authorization",
            Http.bearer("TEST_API_KEY:nope:nope"));
    assertEquals(401, wrong.status());
  }

  @Test
  void anotherKeysAccountsAndTransfersAreNotFound() {
    String other = Http.bearer(CIRCLE_OTHER_API_KEY);
    assertEquals(
        404,
        Http.get(circle("v1/accounts/balances/" + CIRCLE_SOURCE_ACCOUNT), "Authorization", other)
            .status());
    String id =
        Http.post(
                circle("v1/accounts/transfers"),
                transfer(
                    UUID.randomUUID().toString(),
                    CIRCLE_SOURCE_ACCOUNT,
                    CIRCLE_DESTINATION_ACCOUNT,
                    "1.00"),
                "Authorization",
                KEY)
            .json()
            .at("/data/id")
            .asText();
    assertEquals(
        404, Http.get(circle("v1/accounts/transfers/" + id), "Authorization", other).status());
    Http.Response steal =
        Http.post(
            circle("v1/accounts/transfers"),
            transfer(
                UUID.randomUUID().toString(), CIRCLE_SOURCE_ACCOUNT, CIRCLE_OTHER_ACCOUNT, "1.00"),
            "Authorization",
            other);
    assertEquals(404, steal.status());
    assertEquals("9999.00", balance(CIRCLE_SOURCE_ACCOUNT));
  }

  @Test
  void anUnknownPathGetsCirclesErrorShape() {
    Http.Response r = Http.get(circle("v1/nothing/here"), "Authorization", KEY);
    assertEquals(404, r.status());
    assertTrue(r.json().has("code") && r.json().has("message"), r.text());
  }
}
