package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_APP_ID;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_OTHER_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_SOL_WALLET_ID;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_USER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreambirdTransfersTest extends SandboxTestBase {
  static final String KEY = Http.bearer(STREAMBIRD_API_KEY);
  static final String SOL_DEST = "3eiTLfEg8koaNgNMcmygm2nQ3APNNNWAyHGiooGwAziK";
  static final String DOCS_REQUEST =
      """
      {"dest_currency": "SOL", "source": "wallet_2DJJmE5IhB1M7I8jJ7JuyCiOtiC",
       "dest": "3eiTLfEg8koaNgNMcmygm2nQ3APNNNWAyHGiooGwAziK", "source_amount": "0.005", "notes": "test",
       "amount_includes_fees": true, "user_id": "user_2DJJeF75Jd2NIj6NyJMxEw0pXiA"}""";

  Http.Response create(String body) {
    return Http.post(streambird("v1/transfers/create"), body, "Authorization", KEY);
  }

  String balance(String wallet, String symbol) {
    Http.Response r =
        Http.post(
            streambird("v1/wallets/balance"),
            "{\"wallet_id\": \"" + wallet + "\", \"token_symbol\": \"" + symbol + "\"}",
            "Authorization",
            KEY);
    assertEquals(200, r.status(), r.text());
    return r.json().get("balance").asText();
  }

  JsonNode wallet(String type) {
    Http.Response r =
        Http.post(
            streambird("v1/wallets/create"),
            "{\"wallet_type\": \"" + type + "\", \"user_id\": \"" + STREAMBIRD_USER_ID + "\"}",
            "Authorization",
            KEY);
    assertEquals(200, r.status(), r.text());
    return r.json();
  }

  @Test
  void theDocsExampleTakesTheFeesOutOfTheAmount() {
    Http.Response r = create(DOCS_REQUEST);
    assertEquals(200, r.status(), r.text());
    JsonNode t = r.json();
    assertEquals("unconfirmed", t.get("status").asText());
    assertEquals("0.005", t.get("source_amount").asText());
    assertEquals("0.000005", t.get("total_fees").asText());
    assertEquals("0.004995", t.get("dest_amount").asText());
    assertEquals("SOL", t.get("source_currency").asText());
    assertEquals(STREAMBIRD_APP_ID, t.get("app_id").asText());
    assertEquals(STREAMBIRD_USER_ID, t.get("user_id").asText());
    assertEquals("", t.get("blockchain_tx_hash").asText());
    assertEquals(0, t.get("completed_at").asLong());
    assertEquals(120, t.get("expires_at").asLong() - t.get("created_at").asLong());
    assertTrue(t.get("id").asText().startsWith("transfer_"));
  }

  @Test
  void withoutAmountIncludesFeesTheFeesAreAddedToTheSourceAmount() {
    JsonNode t = create(DOCS_REQUEST.replace("true", "false")).json();
    assertEquals("0.005005", t.get("source_amount").asText());
    assertEquals("0.005", t.get("dest_amount").asText());
    assertEquals("0.000005", t.get("total_fees").asText());
  }

  @Test
  void confirmMakesItPendingThenCompletedAndMovesTheBalance() {
    String id = create(DOCS_REQUEST).json().get("id").asText();
    assertEquals("14.8232", balance(STREAMBIRD_SOL_WALLET_ID, "SOL"));
    Http.Response confirmed =
        Http.post(
            streambird("v1/transfers/" + id + "/confirm"),
            "{\"user_id\": \"" + STREAMBIRD_USER_ID + "\"}",
            "Authorization",
            KEY);
    assertEquals(200, confirmed.status(), confirmed.text());
    assertEquals("pending", confirmed.json().get("status").asText());
    assertFalse(confirmed.json().get("blockchain_tx_hash").asText().isEmpty());
    assertEquals("14.8182", balance(STREAMBIRD_SOL_WALLET_ID, "SOL"));
    clock.advance(Duration.ofSeconds(30));
    JsonNode done = Http.get(streambird("v1/transfers/" + id), "Authorization", KEY).json();
    assertEquals("completed", done.get("status").asText());
    assertEquals(clock.instant().getEpochSecond(), done.get("completed_at").asLong());
  }

  @Test
  void aTransferExpiresAfterTwoMinutes() {
    String id = create(DOCS_REQUEST).json().get("id").asText();
    clock.advance(Duration.ofMinutes(2));
    Http.Response late =
        Http.post(streambird("v1/transfers/" + id + "/confirm"), null, "Authorization", KEY);
    assertEquals(400, late.status());
    assertEquals(400, late.json().get("status_code").asInt());
    assertTrue(late.json().get("error_message").asText().contains("expired"));
    assertEquals(
        "expired",
        Http.get(streambird("v1/transfers/" + id), "Authorization", KEY)
            .json()
            .get("status")
            .asText());
    assertEquals("14.8232", balance(STREAMBIRD_SOL_WALLET_ID, "SOL"));
  }

  @Test
  void theWalletTypeLimitsTheCurrencies() {
    Http.Response eth = create(DOCS_REQUEST.replace("\"SOL\"", "\"ETH\""));
    assertEquals(400, eth.status());
    assertTrue(eth.json().get("error_message").asText().contains("SOL"));
    JsonNode ethWallet = wallet("ETH");
    assertEquals(ethWallet, wallet("ETH"), "one wallet per type: the existing one is returned");
    Http.put(
        admin("streambird/wallets/" + ethWallet.get("id").asText() + "/balance"),
        "{\"token_symbol\": \"MATIC\", \"amount\": \"50\"}");
    String body =
        "{\"dest_currency\": \"%s\", \"source\": \""
            + ethWallet.get("id").asText()
            + "\", \"dest\": \"0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3\", \"source_amount\": \"1\"}";
    Http.Response matic = create(body.formatted("MATIC"));
    assertEquals(200, matic.status(), matic.text());
    assertEquals("1.01", matic.json().get("source_amount").asText());
    assertEquals(400, create(body.formatted("BTC")).status());
    assertEquals(
        400,
        create(
                body.replace("0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3", SOL_DEST)
                    .formatted("MATIC"))
            .status(),
        "an ETH wallet sends to Ethereum addresses only");
  }

  @Test
  void stellarExternalAddressesNeedAMemo() {
    JsonNode xlm = wallet("XLM");
    Http.put(
        admin("streambird/wallets/" + xlm.get("id").asText() + "/balance"),
        "{\"token_symbol\": \"XLM\", \"amount\": \"100\"}");
    String body =
        "{\"dest_currency\": \"XLM\", \"source\": \""
            + xlm.get("id").asText()
            + "\", \"dest\": \"%s\", \"source_amount\": \"10\"}";
    Http.Response withMemo =
        create(
            body.formatted("GDQP2KPQGKIHYJGXNUIYOMHARUARCA7DJT5FO2FFOOKY3B2WSQHG4W37:3652667947"));
    assertEquals(200, withMemo.status(), withMemo.text());
    assertEquals(
        "GDQP2KPQGKIHYJGXNUIYOMHARUARCA7DJT5FO2FFOOKY3B2WSQHG4W37:3652667947",
        withMemo.json().get("dest").asText());
    Http.Response noMemo =
        create(body.formatted("GDQP2KPQGKIHYJGXNUIYOMHARUARCA7DJT5FO2FFOOKY3B2WSQHG4W37"));
    assertEquals(400, noMemo.status());
    assertTrue(noMemo.json().get("error_message").asText().contains("memo"));
  }

  @Test
  void theUserIdMustOwnTheSourceWallet() {
    Http.post(admin("streambird/users"), "{\"userId\": \"user_someoneElse0000000000000\"}");
    Http.Response r =
        create(DOCS_REQUEST.replace(STREAMBIRD_USER_ID, "user_someoneElse0000000000000"));
    assertEquals(403, r.status());
    assertEquals(403, r.json().get("status_code").asInt());
  }

  @Test
  void notEnoughBalanceIsRefusedAtCreation() {
    Http.Response r = create(DOCS_REQUEST.replace("0.005", "14.8232").replace("true", "false"));
    assertEquals(400, r.status());
    assertEquals("insufficient_funds", r.json().get("error_type").asText());
  }

  @Test
  void anotherAppsWalletsAndTransfersAreNotFound() {
    String other = Http.bearer(STREAMBIRD_OTHER_API_KEY);
    assertEquals(
        404,
        Http.get(streambird("v1/wallets/" + STREAMBIRD_SOL_WALLET_ID), "Authorization", other)
            .status());
    String id = create(DOCS_REQUEST).json().get("id").asText();
    assertEquals(404, Http.get(streambird("v1/transfers/" + id), "Authorization", other).status());
    assertEquals(
        404,
        Http.post(streambird("v1/transfers/create"), DOCS_REQUEST, "Authorization", other)
            .status());
  }

  @Test
  void aMissingKeyOrAnOffSpecRequestGetsStreambirdsErrorShape() {
    Http.Response noKey = Http.post(streambird("v1/transfers/create"), DOCS_REQUEST);
    assertEquals(401, noKey.status());
    assertEquals(401, noKey.json().get("status_code").asInt());
    assertTrue(noKey.json().has("error_message") && noKey.json().has("error_type"));
    Http.Response offSpec =
        create("{\"dest_currency\": \"DOGE\", \"source\": \"" + STREAMBIRD_SOL_WALLET_ID + "\"}");
    assertEquals(400, offSpec.status());
    String message = offSpec.json().get("error_message").asText();
    assertTrue(message.contains("dest_currency") && message.contains("source_amount"), message);
  }

  @Test
  void transfersAreListedNewestFirst() {
    String first = create(DOCS_REQUEST).json().get("id").asText();
    clock.advance(Duration.ofSeconds(1));
    String second = create(DOCS_REQUEST).json().get("id").asText();
    JsonNode list =
        Http.get(
                streambird("v1/transfers/list?user_id=" + STREAMBIRD_USER_ID), "Authorization", KEY)
            .json();
    assertEquals(2, list.get("count").asInt());
    assertEquals(second, list.at("/transfers/0/id").asText());
    assertEquals(first, list.at("/transfers/1/id").asText());
  }
}
