package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.WYRE_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_BTC_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_OTHER_SECRET_KEY;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_PAYMENT_METHOD;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_PAYMENT_METHOD_2;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_SECRET_KEY;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_SUB_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_WALLET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WyreTransfersTest extends SandboxTestBase {
  static final String BEARER = Http.bearer(WYRE_SECRET_KEY);

  static final String EXAMPLE_A =
      """
      {"source": "account:AC_XXXXXXXX2", "sourceCurrency": "USD", "sourceAmount": "200",
       "dest": "paymentmethod:PA_LXXXXXXXX", "destCurrency": "USD", "message": "Sending USD to the payment method",
       "autoConfirm": true}""";
  static final String EXAMPLE_C =
      """
      {"source": "account:AC_ZW2JME83HMZ", "sourceCurrency": "BTC", "sourceAmount": "0.001",
       "dest": "stellar:GBRNYP3MCASHJYUZLB7ORY37RNEL7Z6B2QATAZ7LGQLCTUU2ZLQVN65A:F6RNMX2UTLH", "destCurrency": "XLM",
       "message": "BTC for XLM", "autoConfirm": true}""";

  Http.Response create(String body) {
    return Http.post(wyre("v3/transfers"), body, "Authorization", BEARER);
  }

  @Test
  void exactlyOneOfSourceAmountAndDestAmountAsTheSpecsOneOfSays() {
    String base =
        "{\"source\": \"account:"
            + WYRE_ACCOUNT
            + "\", \"sourceCurrency\": \"USD\", \"dest\":"
            + " \"paymentmethod:"
            + WYRE_PAYMENT_METHOD
            + "\"%s}";
    assertEquals(400, create(base.formatted("")).status());
    assertEquals(
        400,
        create(base.formatted(", \"sourceAmount\": \"1.00\", \"destAmount\": \"1.00\"")).status());
    assertEquals(200, create(base.formatted(", \"destAmount\": \"1.00\"")).status());
  }

  Http.Response signed(
      String method,
      String pathAndQuery,
      String body,
      String apiKey,
      String secret,
      long timestamp) {
    String url =
        wyre(pathAndQuery) + (pathAndQuery.contains("?") ? "&" : "?") + "timestamp=" + timestamp;
    String signature = hmac(secret, url + (body == null ? "" : body));
    return Http.send(
        method, url, body, "X-Api-Key", apiKey, "X-Api-Signature", signature, "X-Api-Version", "2");
  }

  static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String balance(String srn, String currency) {
    JsonNode b = Http.get(admin("ledger")).json().at("/wyre/balances/" + srn + "/" + currency);
    return b.isMissingNode() ? "0" : b.asText();
  }

  @Test
  void theDocsExampleAChargesHalfAPercentOnTopAndStartsMovingTheMoney() {
    Http.Response r = create(EXAMPLE_A);
    assertEquals(200, r.status(), r.text());
    JsonNode t = r.json();
    assertEquals("account:" + WYRE_ACCOUNT, t.get("owner").asText());
    assertEquals("201.00", t.get("sourceAmount").decimalValue().toPlainString());
    assertEquals("200.00", t.get("destAmount").decimalValue().toPlainString());
    assertEquals("1.00", t.at("/fees/USD").decimalValue().toPlainString());
    assertEquals("1.00", t.get("totalFees").decimalValue().toPlainString());
    assertTrue(t.get("exchangeRate").isNull());
    assertEquals("PENDING", t.get("status").asText());
    assertTrue(t.get("id").asText().startsWith("TF_"));
    assertTrue(
        r.text().contains("\"sourceAmount\":201.00"), "amounts are JSON numbers: " + r.text());
    assertEquals("4799.00", balance("account:" + WYRE_SUB_ACCOUNT, "USD"));
  }

  @Test
  void theDocsExampleBSellsStablecoinsIntoABankAccount() {
    Http.Response r =
        create(
            """
        {"source": "wallet:WA_XXXXXXXXX", "sourceCurrency": "USDT", "sourceAmount": "9.28",
         "dest": "paymentmethod:PA_2XXXXXXXXX", "destCurrency": "USD", "message": "To USD Bank account ending in 0000",
         "autoConfirm": true}""");
    assertEquals(200, r.status(), r.text());
    JsonNode t = r.json();
    assertEquals("9.349600", t.get("sourceAmount").decimalValue().toPlainString());
    assertEquals("0.069600", t.get("totalFees").decimalValue().toPlainString());
    assertEquals("9.28", t.get("destAmount").decimalValue().toPlainString());
    assertEquals(0, BigDecimal.ONE.compareTo(t.get("exchangeRate").decimalValue()));
    assertEquals("990.650400", balance("wallet:" + WYRE_WALLET, "USDT"));
    clock.advance(Duration.ofMinutes(1));
    assertEquals("2509.28", balance("paymentmethod:" + WYRE_PAYMENT_METHOD_2, "USD"));
  }

  @Test
  void theDocsExampleCExchangesBitcoinForLumensAtTheTableRate() {
    Http.Response r =
        Http.post(
            wyre("v3/transfers?masqueradeAs=" + WYRE_BTC_ACCOUNT),
            EXAMPLE_C,
            "Authorization",
            BEARER);
    assertEquals(200, r.status(), r.text());
    JsonNode t = r.json();
    assertEquals("account:" + WYRE_BTC_ACCOUNT, t.get("owner").asText());
    assertEquals("0.00100750", t.get("sourceAmount").decimalValue().toPlainString());
    assertEquals("0.00000750", t.at("/fees/BTC").decimalValue().toPlainString());
    assertEquals(0, t.at("/fees/XLM").decimalValue().signum());
    assertEquals(0, new BigDecimal("125000").compareTo(t.get("exchangeRate").decimalValue()));
    assertEquals("125.0000000", t.get("destAmount").decimalValue().toPlainString());
    BigDecimal subtotal =
        t.get("sourceAmount").decimalValue().subtract(t.get("totalFees").decimalValue());
    assertEquals(
        t.get("destAmount").decimalValue(),
        subtotal.multiply(t.get("exchangeRate").decimalValue()).setScale(7, RoundingMode.DOWN));
  }

  @Test
  void theThreeTotalsModes() {
    String base =
        "{\"source\": \"account:"
            + WYRE_ACCOUNT
            + "\", \"sourceCurrency\": \"USD\", \"destCurrency\":"
            + " \"EUR\", \"dest\": \"paymentmethod:"
            + WYRE_PAYMENT_METHOD
            + "\", %s}";
    // Amount to process: fees on top.
    JsonNode process = create(base.formatted("\"sourceAmount\": \"100.00\"")).json();
    assertEquals("100.75", process.get("sourceAmount").decimalValue().toPlainString());
    assertEquals("0.75", process.get("totalFees").decimalValue().toPlainString());
    assertEquals("90.90", process.get("destAmount").decimalValue().toPlainString());
    // Total to withdraw: fees included.
    JsonNode withdraw =
        create(base.formatted("\"sourceAmount\": \"100.75\", \"amountIncludesFees\": true")).json();
    assertEquals("100.75", withdraw.get("sourceAmount").decimalValue().toPlainString());
    assertEquals("0.75", withdraw.get("totalFees").decimalValue().toPlainString());
    assertEquals("90.90", withdraw.get("destAmount").decimalValue().toPlainString());
    // Total to arrive.
    JsonNode arrive = create(base.formatted("\"destAmount\": \"100.00\"")).json();
    assertEquals("100.00", arrive.get("destAmount").decimalValue().toPlainString());
    assertEquals("110.83", arrive.get("sourceAmount").decimalValue().toPlainString());
    for (JsonNode t : List.of(process, withdraw, arrive)) {
      assertEquals("UNCONFIRMED", t.get("status").asText());
      BigDecimal subtotal =
          t.get("sourceAmount").decimalValue().subtract(t.get("totalFees").decimalValue());
      BigDecimal converted = subtotal.multiply(t.get("exchangeRate").decimalValue());
      assertTrue(converted.compareTo(t.get("destAmount").decimalValue()) >= 0, t.toString());
      assertTrue(
          converted.subtract(t.get("destAmount").decimalValue()).compareTo(new BigDecimal("0.01"))
              < 0);
      assertEquals(
          Duration.ofMinutes(15).toMillis(),
          t.get("expiresAt").asLong() - t.get("createdAt").asLong());
    }
  }

  @Test
  void bothOrNeitherAmountIsAValidationException() {
    for (String amounts : new String[] {"\"sourceAmount\": \"1\", \"destAmount\": \"1\",", ""}) {
      Http.Response r =
          create(
              "{"
                  + amounts
                  + "\"sourceCurrency\": \"USD\", \"dest\": \"paymentmethod:"
                  + WYRE_PAYMENT_METHOD
                  + "\"}");
      assertEquals(400, r.status(), r.text());
      assertEquals("ValidationException", r.json().get("type").asText());
      assertEquals(false, r.json().get("transient").asBoolean());
    }
  }

  @Test
  void anOffSpecRequestIsAValidationExceptionNamingTheField() {
    Http.Response r = create("{\"sourceCurrency\": \"USD\", \"sourceAmount\": \"10\"}");
    assertEquals(400, r.status());
    assertEquals("ValidationException", r.json().get("type").asText());
    assertEquals("dest", r.json().get("problematicField").asText());
    assertTrue(r.json().get("message").asText().contains("dest"));
    Http.Response number =
        create(
            "{\"sourceCurrency\": \"USD\", \"sourceAmount\": 10, \"dest\": \"paymentmethod:"
                + WYRE_PAYMENT_METHOD
                + "\"}");
    assertEquals(400, number.status(), "the spec types sourceAmount as a decimal string");
  }

  @Test
  void aPreviewIsOnlyAQuote() {
    Http.Response r = create(EXAMPLE_A.replace("\"autoConfirm\": true", "\"preview\": true"));
    assertEquals("PREVIEW", r.json().get("status").asText());
    assertEquals("5000.00", balance("account:" + WYRE_SUB_ACCOUNT, "USD"));
    Http.Response confirm =
        Http.post(
            wyre("v3/transfers/" + r.json().get("id").asText() + "/confirm"),
            null,
            "Authorization",
            BEARER);
    assertEquals(400, confirm.status());
    assertEquals("ValidationException", confirm.json().get("type").asText());
  }

  @Test
  void aConfirmedTransferIsPendingThenCompletedAndCallsBack() throws Exception {
    try (WebhookReceiver hook = new WebhookReceiver()) {
      String body =
          EXAMPLE_A.replace("\"autoConfirm\": true", "\"notifyUrl\": \"" + hook.url() + "\"");
      JsonNode created = create(body).json();
      assertEquals("UNCONFIRMED", created.get("status").asText());
      assertEquals(0, created.get("statusHistories").size());
      String id = created.get("id").asText();
      clock.advance(Duration.ofMinutes(14));
      Http.Response confirmed =
          Http.post(wyre("v3/transfers/" + id + "/confirm"), null, "Authorization", BEARER);
      assertEquals(200, confirmed.status(), confirmed.text());
      assertEquals("PENDING", confirmed.json().get("status").asText());
      assertEquals("4799.00", balance("account:" + WYRE_SUB_ACCOUNT, "USD"));
      assertEquals("2500.00", balance("paymentmethod:" + WYRE_PAYMENT_METHOD, "USD"));

      clock.advance(Duration.ofSeconds(60));
      JsonNode done = Http.get(wyre("v3/transfers/" + id), "Authorization", BEARER).json();
      assertEquals("COMPLETED", done.get("status").asText());
      assertTrue(done.get("completedAt").asLong() > done.get("createdAt").asLong());
      List<String> states = new ArrayList<>();
      done.get("statusHistories").forEach(h -> states.add(h.get("state").asText()));
      assertEquals(List.of("INITIATED", "PENDING", "COMPLETED"), states);
      assertEquals("2700.00", balance("paymentmethod:" + WYRE_PAYMENT_METHOD, "USD"));

      List<String> callbacks = new ArrayList<>();
      for (WebhookReceiver.Received c : hook.received()) {
        JsonNode t = Json.MAPPER.readTree(c.body());
        assertEquals(id, t.get("id").asText());
        callbacks.add(t.get("status").asText());
      }
      assertEquals(List.of("PENDING", "COMPLETED"), callbacks);
    }
  }

  /**
   * Requests are handled on the server's dispatcher thread, and the confirm's answer waits for its
   * callback: that wait moves to a worker, so a receiver that reads the transfer back from the
   * sandbox inside the callback (before answering it) is served. Waiting on the dispatcher would
   * stall both until the delivery timed out.
   */
  @Test
  void aReceiverReadingTheTransferBackDuringItsCallbackIsServed() throws Exception {
    try (WebhookReceiver hook = new WebhookReceiver()) {
      List<String> readBack = java.util.Collections.synchronizedList(new ArrayList<>());
      hook.onDelivery =
          c -> {
            Http.Response r =
                Http.get(
                    wyre("v3/transfers/" + Json.parseStrict(c.body()).get("id").asText()),
                    "Authorization",
                    BEARER);
            readBack.add(r.status() + " " + r.json().get("status").asText());
          };
      String body =
          EXAMPLE_A.replace("\"autoConfirm\": true", "\"notifyUrl\": \"" + hook.url() + "\"");
      String id = create(body).json().get("id").asText();
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          Duration.ofSeconds(4),
          () -> {
            Http.Response confirmed =
                Http.post(wyre("v3/transfers/" + id + "/confirm"), null, "Authorization", BEARER);
            assertEquals(200, confirmed.status(), confirmed.text());
          });
      assertEquals(List.of("200 PENDING"), readBack);
    }
  }

  @Test
  void anUnconfirmedTransferExpiresAfterItsRateLock() {
    JsonNode fiat =
        create(EXAMPLE_A.replace("\"autoConfirm\": true", "\"autoConfirm\": false")).json();
    JsonNode crypto =
        Http.post(
                wyre("v3/transfers?masqueradeAs=" + WYRE_BTC_ACCOUNT),
                EXAMPLE_C.replace("\"autoConfirm\": true", "\"autoConfirm\": false"),
                "Authorization",
                BEARER)
            .json();
    assertEquals(
        Duration.ofMinutes(10).toMillis(),
        crypto.get("expiresAt").asLong() - crypto.get("createdAt").asLong());
    clock.advance(Duration.ofMinutes(10));
    Http.Response late =
        Http.post(
            wyre(
                "v3/transfers/"
                    + crypto.get("id").asText()
                    + "/confirm?masqueradeAs="
                    + WYRE_BTC_ACCOUNT),
            null,
            "Authorization",
            BEARER);
    assertEquals(400, late.status());
    assertEquals("ValidationException", late.json().get("type").asText());
    clock.advance(Duration.ofMinutes(5));
    JsonNode expired =
        Http.get(wyre("v3/transfers/" + fiat.get("id").asText()), "Authorization", BEARER).json();
    assertEquals("EXPIRED", expired.get("status").asText());
    assertEquals(
        400,
        Http.post(
                wyre("v3/transfers/" + fiat.get("id").asText() + "/confirm"),
                null,
                "Authorization",
                BEARER)
            .status());
    assertEquals("5000.00", balance("account:" + WYRE_SUB_ACCOUNT, "USD"));
  }

  @Test
  void notEnoughMoneyIsAnInsufficientFundsException() {
    Http.Response r = create(EXAMPLE_A.replace("\"200\"", "\"4975.13\""));
    assertEquals(400, r.status(), r.text());
    assertEquals("InsufficientFundsException", r.json().get("type").asText());
    assertEquals("5000.00", balance("account:" + WYRE_SUB_ACCOUNT, "USD"));
  }

  @Test
  void hmacSignedRequestsAreAccepted() {
    long now = clock.instant().toEpochMilli();
    Http.Response r = signed("POST", "v3/transfers", EXAMPLE_A, WYRE_API_KEY, WYRE_SECRET_KEY, now);
    assertEquals(200, r.status(), r.text());
    String id = r.json().get("id").asText();
    Http.Response get =
        signed("GET", "v3/transfers/" + id, null, WYRE_API_KEY, WYRE_SECRET_KEY, now);
    assertEquals(200, get.status(), get.text());
    Http.Response masqueraded =
        signed(
            "POST",
            "v3/transfers?masqueradeAs=" + WYRE_BTC_ACCOUNT,
            EXAMPLE_C,
            WYRE_API_KEY,
            WYRE_SECRET_KEY,
            now);
    assertEquals(200, masqueraded.status(), masqueraded.text());
    assertEquals("account:" + WYRE_BTC_ACCOUNT, masqueraded.json().get("owner").asText());
  }

  @Test
  void badSignaturesStaleTimestampsAndMissingKeysAreAccessDenied() {
    long now = clock.instant().toEpochMilli();
    Http.Response wrongSecret =
        signed("POST", "v3/transfers", EXAMPLE_A, WYRE_API_KEY, "not-the-secret", now);
    assertAccessDenied(wrongSecret);
    String url = wyre("v3/transfers?timestamp=" + now);
    Http.Response tampered =
        Http.post(
            url,
            EXAMPLE_A.replace("200", "2000"),
            "X-Api-Key",
            WYRE_API_KEY,
            "X-Api-Signature",
            hmac(WYRE_SECRET_KEY, url + EXAMPLE_A));
    assertAccessDenied(tampered);
    Http.Response stale =
        signed(
            "POST",
            "v3/transfers",
            EXAMPLE_A,
            WYRE_API_KEY,
            WYRE_SECRET_KEY,
            now - Duration.ofMinutes(6).toMillis());
    assertAccessDenied(stale);
    assertAccessDenied(Http.post(wyre("v3/transfers"), EXAMPLE_A));
    assertAccessDenied(
        Http.post(wyre("v3/transfers"), EXAMPLE_A, "Authorization", Http.bearer("SK-nope")));
    assertEquals("5000.00", balance("account:" + WYRE_SUB_ACCOUNT, "USD"));
  }

  static void assertAccessDenied(Http.Response r) {
    assertEquals(401, r.status(), r.text());
    assertEquals("AccessDeniedException", r.json().get("type").asText());
  }

  @Test
  void masqueradingIsLimitedToOwnSubAccountsAndOtherKeysSeeNothing() {
    assertAccessDenied(
        Http.post(
            wyre("v3/transfers?masqueradeAs=" + WYRE_ACCOUNT),
            EXAMPLE_A,
            "Authorization",
            Http.bearer(WYRE_OTHER_SECRET_KEY)));
    String id = create(EXAMPLE_A).json().get("id").asText();
    Http.Response other =
        Http.get(wyre("v3/transfers/" + id), "Authorization", Http.bearer(WYRE_OTHER_SECRET_KEY));
    assertEquals(400, other.status());
    assertEquals("NotFoundException", other.json().get("type").asText());
    Http.Response steal =
        Http.post(
            wyre("v3/transfers"), EXAMPLE_A, "Authorization", Http.bearer(WYRE_OTHER_SECRET_KEY));
    assertEquals(400, steal.status());
    assertEquals(
        "4799.00",
        balance("account:" + WYRE_SUB_ACCOUNT, "USD"),
        "only the first key's own transfer moved");
  }

  @Test
  void theHistoryListsNewestFirst() {
    String first = create(EXAMPLE_A).json().get("id").asText();
    clock.advance(Duration.ofSeconds(1));
    String second = create(EXAMPLE_A).json().get("id").asText();
    JsonNode page =
        Http.get(wyre("v3/transfers?offset=0&length=1"), "Authorization", BEARER).json();
    assertEquals(second, page.at("/data/0/id").asText());
    assertEquals(2, page.get("recordsTotal").asInt());
    JsonNode next =
        Http.get(wyre("v3/transfers?offset=1&length=1"), "Authorization", BEARER).json();
    assertEquals(first, next.at("/data/0/id").asText());
  }
}
