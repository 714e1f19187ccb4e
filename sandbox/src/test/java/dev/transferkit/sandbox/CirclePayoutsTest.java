package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_ADDRESS_BOOK_ID;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_DENIED_ADDRESS_BOOK_ID;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_OTHER_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_PAYOUT_WALLET;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_SG_ADDRESS_BOOK_ID;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_SG_API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CirclePayoutsTest extends SandboxTestBase {
  static final String KEY = Http.bearer(CIRCLE_API_KEY);

  static String payout(String key, String destination, String amount, String purpose) {
    return """
        {"idempotencyKey": "%s", "destination": {"type": "address_book", "id": "%s"},
         "amount": {"amount": "%s", "currency": "USD"}%s}"""
        .formatted(
            key,
            destination,
            amount,
            purpose == null ? "" : ", \"purposeOfTransfer\": \"" + purpose + "\"");
  }

  String walletBalance(String wallet) {
    return Http.get(admin("ledger"))
        .json()
        .at("/circle/balances/wallet:" + wallet + "/USD")
        .asText();
  }

  @Test
  void theDocsPayoutIsPendingThenCompleteWithFeesAndNetworkFees() {
    Http.Response r =
        Http.post(
            circle("v1/payouts"),
            payout(
                "ba943ff1-ca16-49b2-ba55-1057e70ca5c7", CIRCLE_ADDRESS_BOOK_ID, "3.14", "PMT001"),
            "Authorization",
            KEY);
    assertEquals(201, r.status(), r.text());
    JsonNode p = r.json().get("data");
    assertEquals("pending", p.get("status").asText());
    assertEquals(CIRCLE_PAYOUT_WALLET, p.get("sourceWalletId").asText());
    assertEquals("address_book", p.at("/destination/type").asText());
    assertEquals("3.14", p.at("/amount/amount").asText());
    assertEquals("0.50", p.at("/fees/amount").asText());
    assertEquals("0.14", p.at("/networkFees/amount").asText());
    assertEquals("PMT001", p.get("purposeOfTransfer").asText());
    assertEquals("9996.22", walletBalance(CIRCLE_PAYOUT_WALLET));

    clock.advance(CirclePayoutsAccess.SETTLEMENT);
    JsonNode done =
        Http.get(circle("v1/payouts/" + p.get("id").asText()), "Authorization", KEY)
            .json()
            .get("data");
    assertEquals("complete", done.get("status").asText());
    assertFalse(done.has("riskEvaluation"));
    assertEquals("9996.22", walletBalance(CIRCLE_PAYOUT_WALLET));
  }

  @Test
  void aPayoutToADeniedRecipientFailsWithARiskEvaluationAndIsRefunded() {
    Http.Response r =
        Http.post(
            circle("v1/payouts"),
            payout(UUID.randomUUID().toString(), CIRCLE_DENIED_ADDRESS_BOOK_ID, "10.00", null),
            "Authorization",
            KEY);
    assertEquals(201, r.status(), r.text());
    clock.advance(CirclePayoutsAccess.SETTLEMENT);
    JsonNode p =
        Http.get(circle("v1/payouts/" + r.json().at("/data/id").asText()), "Authorization", KEY)
            .json()
            .get("data");
    assertEquals("failed", p.get("status").asText());
    assertEquals("transaction_denied", p.get("errorCode").asText());
    assertEquals("denied", p.at("/riskEvaluation/decision").asText());
    assertEquals("4000", p.at("/riskEvaluation/reason").asText());
    assertEquals("10000.00", walletBalance(CIRCLE_PAYOUT_WALLET));
  }

  @Test
  void anInvalidOrForbiddenPurposeOfTransferGives5020() {
    for (String purpose : new String[] {"PMT006", "PMT999", "whatever"}) {
      Http.Response r =
          Http.post(
              circle("v1/payouts"),
              payout(UUID.randomUUID().toString(), CIRCLE_ADDRESS_BOOK_ID, "1.00", purpose),
              "Authorization",
              KEY);
      assertEquals(400, r.status(), purpose);
      assertEquals(5020, r.json().get("code").asInt(), r.text());
    }
    assertEquals("10000.00", walletBalance(CIRCLE_PAYOUT_WALLET));
  }

  @Test
  void aSingaporeEntityMustGiveAPurposeOfTransfer() {
    String sg = Http.bearer(CIRCLE_SG_API_KEY);
    Http.Response missing =
        Http.post(
            circle("v1/payouts"),
            payout(UUID.randomUUID().toString(), CIRCLE_SG_ADDRESS_BOOK_ID, "1.00", null),
            "Authorization",
            sg);
    assertEquals(400, missing.status());
    assertEquals(5020, missing.json().get("code").asInt());
    Http.Response given =
        Http.post(
            circle("v1/payouts"),
            payout(UUID.randomUUID().toString(), CIRCLE_SG_ADDRESS_BOOK_ID, "1.00", "PMT002"),
            "Authorization",
            sg);
    assertEquals(201, given.status(), given.text());
  }

  @Test
  void insufficientFundsGives1093AndMovesNothing() {
    Http.Response r =
        Http.post(
            circle("v1/payouts"),
            payout(UUID.randomUUID().toString(), CIRCLE_ADDRESS_BOOK_ID, "9999.50", null),
            "Authorization",
            KEY);
    assertEquals(400, r.status());
    assertEquals(1093, r.json().get("code").asInt());
    assertEquals("10000.00", walletBalance(CIRCLE_PAYOUT_WALLET));
  }

  @Test
  void aToAmountWithItsCurrencyAloneIsAcceptedAndAnotherCurrencyIsNot() {
    String base = payout(UUID.randomUUID().toString(), CIRCLE_ADDRESS_BOOK_ID, "1.00", null);
    Http.Response sameCurrency =
        Http.post(
            circle("v1/payouts"),
            base.substring(0, base.length() - 1) + ", \"toAmount\": {\"currency\": \"USD\"}}",
            "Authorization",
            KEY);
    assertEquals(201, sameCurrency.status(), sameCurrency.text());
    assertEquals("USD", sameCurrency.json().at("/data/toAmount/currency").asText());

    String other = payout(UUID.randomUUID().toString(), CIRCLE_ADDRESS_BOOK_ID, "1.00", null);
    Http.Response pair =
        Http.post(
            circle("v1/payouts"),
            other.substring(0, other.length() - 1) + ", \"toAmount\": {\"currency\": \"EUR\"}}",
            "Authorization",
            KEY);
    assertEquals(400, pair.status(), pair.text());
    assertEquals(5007, pair.json().get("code").asInt());
  }

  @Test
  void aPayoutRequestInACurrencyOtherThanUsdOrEurIsRefusedByTheSpecAndMovesNothing() {
    String btc =
        payout(UUID.randomUUID().toString(), CIRCLE_ADDRESS_BOOK_ID, "1.00", null)
            .replace("\"USD\"", "\"BTC\"");
    Http.Response r = Http.post(circle("v1/payouts"), btc, "Authorization", KEY);
    assertEquals(400, r.status(), r.text());
    assertEquals(2, r.json().get("code").asInt());
    assertTrue(r.text().contains("amount.currency"), r.text());
    assertEquals("10000.00", walletBalance(CIRCLE_PAYOUT_WALLET));
  }

  @Test
  void anExtraRequestMemberIsAcceptedAsNoSchemaRefusesIt() {
    String body = payout(UUID.randomUUID().toString(), CIRCLE_ADDRESS_BOOK_ID, "1.00", null);
    Http.Response r =
        Http.post(
            circle("v1/payouts"),
            body.substring(0, body.length() - 1) + ", \"somethingNew\": {\"x\": 1}}",
            "Authorization",
            KEY);
    assertEquals(201, r.status(), r.text());
  }

  @Test
  void anEmptyAmountIsNotAnAmount() {
    Http.Response r =
        Http.post(
            circle("v1/payouts"),
            payout(UUID.randomUUID().toString(), CIRCLE_ADDRESS_BOOK_ID, "", null),
            "Authorization",
            KEY);
    assertEquals(400, r.status(), r.text());
    assertEquals(2, r.json().get("code").asInt());
    assertEquals("10000.00", walletBalance(CIRCLE_PAYOUT_WALLET));
  }

  @Test
  void idempotentPayoutsAreCreatedOnce() {
    String body = payout(UUID.randomUUID().toString(), CIRCLE_ADDRESS_BOOK_ID, "1.00", null);
    Http.Response first = Http.post(circle("v1/payouts"), body, "Authorization", KEY);
    Http.Response again = Http.post(circle("v1/payouts"), body, "Authorization", KEY);
    assertEquals(first.json(), again.json());
    assertEquals("9998.36", walletBalance(CIRCLE_PAYOUT_WALLET));
    Http.Response other =
        Http.post(circle("v1/payouts"), body.replace("1.00", "2.00"), "Authorization", KEY);
    assertEquals(409, other.status());
    assertEquals(1083, other.json().get("code").asInt());
  }

  @Test
  void unknownOrForeignRecipientsAndPayoutsAreNotFound() {
    Http.Response r =
        Http.post(
            circle("v1/payouts"),
            payout(UUID.randomUUID().toString(), CIRCLE_SG_ADDRESS_BOOK_ID, "1.00", null),
            "Authorization",
            KEY);
    assertEquals(404, r.status());
    assertEquals(5004, r.json().get("code").asInt());
    String id =
        Http.post(
                circle("v1/payouts"),
                payout(UUID.randomUUID().toString(), CIRCLE_ADDRESS_BOOK_ID, "1.00", null),
                "Authorization",
                KEY)
            .json()
            .at("/data/id")
            .asText();
    Http.Response foreign =
        Http.get(circle("v1/payouts/" + id), "Authorization", Http.bearer(CIRCLE_OTHER_API_KEY));
    assertEquals(404, foreign.status());
    assertEquals(5001, foreign.json().get("code").asInt());
  }

  @Test
  void payoutsAreListedNewestFirstAndFilteredByStatus() {
    String a =
        Http.post(
                circle("v1/payouts"),
                payout(UUID.randomUUID().toString(), CIRCLE_ADDRESS_BOOK_ID, "1.00", null),
                "Authorization",
                KEY)
            .json()
            .at("/data/id")
            .asText();
    clock.advance(CirclePayoutsAccess.SETTLEMENT);
    String b =
        Http.post(
                circle("v1/payouts"),
                payout(UUID.randomUUID().toString(), CIRCLE_ADDRESS_BOOK_ID, "2.00", null),
                "Authorization",
                KEY)
            .json()
            .at("/data/id")
            .asText();
    JsonNode all = Http.get(circle("v1/payouts"), "Authorization", KEY).json();
    assertEquals(b, all.at("/data/0/id").asText());
    assertEquals(a, all.at("/data/1/id").asText());
    JsonNode pending = Http.get(circle("v1/payouts?status=pending"), "Authorization", KEY).json();
    assertEquals(1, pending.get("data").size());
    assertEquals(b, pending.at("/data/0/id").asText());
    assertTrue(Http.get(circle("v1/payouts?status=bogus"), "Authorization", KEY).status() == 400);
  }

  /** Reads the settlement delay without widening its visibility. */
  static final class CirclePayoutsAccess {
    static final java.time.Duration SETTLEMENT = CirclePayouts.PAYOUT_SETTLEMENT;
  }
}
