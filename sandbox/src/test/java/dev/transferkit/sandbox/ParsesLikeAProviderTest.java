package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_DESTINATION_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_SOURCE_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_USER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sandbox reads requests as strictly (and as leniently) as the providers' own parsers. */
class ParsesLikeAProviderTest extends SandboxTestBase {
  static final String CIRCLE = Http.bearer(CIRCLE_API_KEY);
  static final String STREAMBIRD = Http.bearer(STREAMBIRD_API_KEY);

  static String streambirdTransfer(String amount) {
    return StreambirdTransfersTest.DOCS_REQUEST.replace("\"0.005\"", "\"" + amount + "\"");
  }

  int streambirdTransfers() {
    Http.Response list = Http.get(streambird("v1/transfers/list"), "Authorization", STREAMBIRD);
    assertEquals(200, list.status(), list.text());
    return list.json().get("count").asInt();
  }

  @ParameterizedTest
  @ValueSource(strings = {" {\"notes\": \"x\"}", "{}", " garbage", "]", "\u0000", " {"})
  void aStreambirdTransferWithBytesAfterTheDocumentIsRefusedAndCreatesNothing(String trailing) {
    Http.Response r =
        Http.post(
            streambird("v1/transfers/create"),
            StreambirdTransfersTest.DOCS_REQUEST + trailing,
            "Authorization",
            STREAMBIRD);
    assertEquals(400, r.status(), r.text());
    assertEquals("validation_error", r.json().get("error_type").asText(), r.text());
    assertTrue(
        r.json().get("error_message").asText().contains("exactly one JSON document"), r.text());
    assertEquals(0, streambirdTransfers());
  }

  @Test
  void aCircleTransferWithBytesAfterTheDocumentIsRefusedAndMovesNothing() {
    Http.Response r =
        Http.post(
            circle("v1/accounts/transfers"),
            CircleAccountsTest.transfer(
                    UUID.randomUUID().toString(),
                    CIRCLE_SOURCE_ACCOUNT,
                    CIRCLE_DESTINATION_ACCOUNT,
                    "25.00")
                + "{}",
            "Authorization",
            CIRCLE);
    assertEquals(400, r.status(), r.text());
    assertEquals(2, r.json().get("code").asInt(), r.text());
    Http.Response balance =
        Http.get(circle("v1/accounts/balances/" + CIRCLE_SOURCE_ACCOUNT), "Authorization", CIRCLE);
    assertEquals("10000.00", balance.json().at("/data/available/0/amount").asText());
  }

  @Test
  void aNumberWithAGiganticExponentIsRefusedAsABadBodyAndTheConnectionAnswers() {
    // Fuzz finding of 2026-12-03 (SandboxRequestFuzzTestInputs/providerRequests/crash-466e7fc...):
    // 1e1702129257 in a W3S body made the validator build a 1.7-billion-digit integer; the
    // connection closed without an answer. Now the parse refuses it, as any malformed body.
    Http.Response r =
        Http.post(
            circle("v1/accounts/transfers"),
            "{\"idempotencyKey\":\"9b2c0e8a-6d2b-4d0e-9c57-1b8f3f9f2c11\","
                + "\"destination\":{\"type\":\"account\",\"id\":\"1000661542\"},"
                + "\"amount\":{\"amount\":1e1702129257,\"currency\":\"USD\"}}",
            "Authorization",
            CIRCLE);
    assertEquals(400, r.status(), r.text());
    assertTrue(r.text().contains("1702129257"), r.text());
  }

  @Test
  void whitespaceAfterTheDocumentIsFine() {
    Http.Response r =
        Http.post(
            streambird("v1/transfers/create"),
            StreambirdTransfersTest.DOCS_REQUEST + " \r\n\t",
            "Authorization",
            STREAMBIRD);
    assertEquals(200, r.status(), r.text());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.000000000000000000000000000001",
        "0.0000000001",
        "0.0050000000000000000000000000000000000001"
      })
  void aSolAmountWithMoreThanNineDecimalsIsRefusedAndCreatesNothing(String amount) {
    Http.Response r =
        Http.post(
            streambird("v1/transfers/create"),
            streambirdTransfer(amount),
            "Authorization",
            STREAMBIRD);
    assertEquals(400, r.status(), r.text());
    assertEquals("validation_error", r.json().get("error_type").asText(), r.text());
    assertEquals("source_amount", r.json().at("/errors/0/parameter").asText(), r.text());
    assertTrue(r.json().get("error_message").asText().contains("(9)"), r.text());
    assertEquals(0, streambirdTransfers());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.000006001", "0.0050000000000000000000", ".005"})
  void aSolAmountWithinNineDecimalsIsAccepted(String amount) {
    Http.Response r =
        Http.post(
            streambird("v1/transfers/create"),
            streambirdTransfer(amount),
            "Authorization",
            STREAMBIRD);
    assertEquals(200, r.status(), r.text());
  }

  @Test
  void eighteenDecimalsAreFineForEthButNineteenAreNot() {
    Http.Response created =
        Http.post(
            streambird("v1/wallets/create"),
            "{\"wallet_type\": \"ETH\", \"user_id\": \"" + STREAMBIRD_USER_ID + "\"}",
            "Authorization",
            STREAMBIRD);
    String wallet = created.json().get("id").asText();
    Http.Response fund =
        Http.put(
            admin("streambird/wallets/" + wallet + "/balance"),
            "{\"token_symbol\": \"ETH\", \"amount\": \"5\"}");
    assertEquals(200, fund.status(), fund.text());
    String body =
        "{\"dest_currency\": \"ETH\", \"source\": \""
            + wallet
            + "\", \"dest\": \"0x"
            + "ab".repeat(20)
            + "\", \"source_amount\": \"%s\"}";
    assertEquals(
        200,
        Http.post(
                streambird("v1/transfers/create"),
                body.formatted("0.000000000000000001"),
                "Authorization",
                STREAMBIRD)
            .status());
    assertEquals(
        400,
        Http.post(
                streambird("v1/transfers/create"),
                body.formatted("0.0000000000000000001"),
                "Authorization",
                STREAMBIRD)
            .status());
  }

  @Test
  void aMemberNameWithAnEscapedSurrogatePairIsReadIntact() throws Exception {
    // jackson-core before 2.21.2 refused such a body as "Invalid UTF-8" (bug 1541), a valid JSON
    // document.
    String body = StreambirdTransfersTest.DOCS_REQUEST.replace("{", "{\"\\ud83d\\ude00\": 1, ");
    assertEquals(
        1, Json.parseOne(body.getBytes(StandardCharsets.UTF_8)).get("\ud83d\ude00").asInt());
    Http.Response r =
        Http.post(streambird("v1/transfers/create"), body, "Authorization", STREAMBIRD);
    // The body is read, and an extra member is accepted as no schema refuses it: the transfer is
    // created.
    assertEquals(200, r.status(), r.text());
  }

  @Test
  void aKnownPathWithAnotherMethodAnswers405WithTheDocumentedMethods() {
    Http.Response streambird =
        Http.send(
            "DELETE",
            streambird("v1/transfers/transfer_1/confirm"),
            null,
            "Authorization",
            STREAMBIRD);
    assertEquals(405, streambird.status(), streambird.text());
    assertEquals("POST", streambird.header("Allow"));
    assertEquals(
        "method_not_allowed", streambird.json().get("error_type").asText(), streambird.text());
    assertEquals(405, streambird.json().get("status_code").asInt());

    Http.Response circle =
        Http.send("PUT", circle("v1/accounts/transfers"), "{}", "Authorization", CIRCLE);
    assertEquals(405, circle.status(), circle.text());
    assertEquals(
        "GET, POST",
        String.join(
            ", ",
            java.util.Arrays.stream(circle.header("Allow").split(",\\s*")).sorted().toList()));
    assertEquals(405, circle.json().get("code").asInt(), circle.text());

    Http.Response wyre = Http.send("PATCH", wyre("v3/transfers"), "{}");
    assertEquals(405, wyre.status(), wyre.text());
    assertTrue(wyre.json().has("errorCode"), wyre.text());
  }

  @Test
  void anAdminPathWithAnotherMethodAnswers405Too() {
    Http.Response r = Http.send("DELETE", admin("ledger"), null);
    assertEquals(405, r.status(), r.text());
    assertEquals("GET", r.header("Allow"));
  }

  @Test
  void anUnknownPathStays404() {
    Http.Response r =
        Http.send("DELETE", streambird("v1/no/such/thing"), null, "Authorization", STREAMBIRD);
    assertEquals(404, r.status(), r.text());
    assertEquals("not_found", r.json().get("error_type").asText());
    assertEquals(
        404, Http.get(sandbox.circleBaseUrl() + "v9/nothing", "Authorization", CIRCLE).status());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-15T12:00:00+23:59",
        "2026-03-15T12:00:00-23:59",
        "2026-03-15T12:00:00.123456789012Z",
        "2026-03-15t12:00:00z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999-00:30"
      })
  void everyRfc3339FormIsHandledOnTheTimeFilteredLists(String time) {
    String t = URLEncoder.encode(time, StandardCharsets.UTF_8);
    for (String list : new String[] {"v1/accounts/transfers", "v1/payouts"}) {
      Http.Response r = Http.get(circle(list + "?from=" + t + "&to=" + t), "Authorization", CIRCLE);
      assertEquals(200, r.status(), list + " " + time + ": " + r.text());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T12:00:00Z",
        "2026-03-15T24:00:00Z",
        "2026-03-15T12:00:00+24:00",
        "yesterday"
      })
  void aTimeThatIsNoRealInstantIsAProviderShaped400(String time) {
    String t = URLEncoder.encode(time, StandardCharsets.UTF_8);
    for (String list : new String[] {"v1/accounts/transfers", "v1/payouts"}) {
      Http.Response r = Http.get(circle(list + "?from=" + t), "Authorization", CIRCLE);
      assertEquals(400, r.status(), list + " " + time + ": " + r.text());
      assertTrue(r.json().has("code") && r.json().has("message"), r.text());
    }
  }
}
