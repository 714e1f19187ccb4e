package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_SOURCE_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_WALLET_ID;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_SOL_WALLET_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdminApiTest extends SandboxTestBase {
  @Test
  void theClockCanBeReadAndAdvancedOverHttp() {
    Instant before = clock.instant();
    JsonNode after = Http.post(admin("clock/advance"), "{\"duration\": \"PT15M\"}").json();
    assertEquals(
        before.plus(Duration.ofMinutes(15)).toEpochMilli(), after.get("epochMillis").asLong());
    assertEquals(before.plus(Duration.ofMinutes(15)), clock.instant());
    Http.post(admin("clock/advance"), "{\"seconds\": 30}");
    assertEquals(before.plus(Duration.ofSeconds(930)), clock.instant());
  }

  @Test
  void aNewWyreAccountWithItsOwnKeysCanTransfer() {
    Http.Response created =
        Http.post(
            admin("wyre/accounts"),
            """
        {"id": "AC_NEWACCOUNT1", "apiKey": "AK-NEW", "secretKey": "SK-NEW",
         "balances": [{"currency": "USD", "amount": "50.00"}]}""");
    assertEquals(200, created.status(), created.text());
    Http.Response t =
        Http.post(
            wyre("v3/transfers"),
            """
        {"sourceCurrency": "USD", "sourceAmount": "10", "dest": "account:AC_XXXXXXXX1", "autoConfirm": true}""",
            "Authorization",
            Http.bearer("SK-NEW"));
    assertEquals(200, t.status(), t.text());
    assertEquals("account:AC_NEWACCOUNT1", t.json().get("source").asText());
    clock.advance(Duration.ofMinutes(1));
    JsonNode ledger = Http.get(admin("ledger")).json().get("wyre");
    assertEquals("39.95", ledger.at("/balances/account:AC_NEWACCOUNT1/USD").asText());
    assertEquals("10010.00", ledger.at("/balances/account:AC_XXXXXXXX1/USD").asText());
    assertEquals("0.05", ledger.at("/balances/system:fees/USD").asText());
  }

  @Test
  void aSecondCircleUserCannotSeeTheFirstUsersWallet() {
    Http.post(admin("circle/w3s/users"), "{\"userId\": \"second-user\"}");
    Http.Response wallet =
        Http.post(
            admin("circle/w3s/wallets"),
            """
        {"userId": "second-user", "blockchain": "MATIC-AMOY",
         "balances": [{"tokenId": "38f2ad29-a77b-5a44-be05-8d03923878a2", "amount": "3"}]}""");
    assertEquals(200, wallet.status(), wallet.text());
    String token =
        Http.post(
                circle("v1/w3s/users/token"),
                "{\"userId\": \"second-user\"}",
                "Authorization",
                Http.bearer(CIRCLE_API_KEY))
            .json()
            .at("/data/userToken")
            .asText();
    Http.Response own =
        Http.get(
            circle("v1/w3s/wallets/" + wallet.json().get("id").asText() + "/balances"),
            "Authorization",
            Http.bearer(CIRCLE_API_KEY),
            "X-User-Token",
            token);
    assertEquals("3", own.json().at("/data/tokenBalances/0/amount").asText());
    Http.Response other =
        Http.get(
            circle("v1/w3s/wallets/" + CIRCLE_WALLET_ID + "/balances"),
            "Authorization",
            Http.bearer(CIRCLE_API_KEY),
            "X-User-Token",
            token);
    assertEquals(404, other.status());
    assertEquals(156001, other.json().get("code").asInt());
  }

  @Test
  void badInputUnknownObjectsAndWrongStatesGetClearErrors() {
    Http.Response unknown =
        Http.put(
            admin("circle/accounts/999/balance"), "{\"amount\": \"1\", \"currency\": \"USD\"}");
    assertEquals(404, unknown.status());
    assertTrue(unknown.json().get("error").asText().contains("999"));
    assertEquals(
        400,
        Http.put(
                admin("circle/accounts/" + CIRCLE_SOURCE_ACCOUNT + "/balance"),
                "{\"amount\": \"lots\", \"currency\": \"USD\"}")
            .status());
    assertEquals(
        400,
        Http.put(
                admin("circle/accounts/" + CIRCLE_SOURCE_ACCOUNT + "/balance"),
                "{\"amount\": \"-1\", \"currency\": \"USD\"}")
            .status());
    assertEquals(
        404,
        Http.post(admin("circle/w3s/challenges/" + java.util.UUID.randomUUID() + "/complete"), "{}")
            .status());
    assertEquals(404, Http.get(admin("nothing")).status());
  }

  @Test
  void resetGoesBackToTheSeed() {
    Http.put(
        admin("streambird/wallets/" + STREAMBIRD_SOL_WALLET_ID + "/balance"),
        "{\"token_symbol\": \"SOL\", \"amount\": \"1\"}");
    assertEquals(200, Http.post(admin("reset"), "").status());
    assertEquals(
        "14.8232",
        Http.get(admin("ledger"))
            .json()
            .at("/streambird/balances/" + STREAMBIRD_SOL_WALLET_ID + "/SOL")
            .asText());
    JsonNode seed = Http.get(admin("seed")).json();
    assertEquals(CIRCLE_API_KEY, seed.get("CIRCLE_API_KEY").asText());
    assertEquals(
        sandbox.seed().circleNotificationKeyId(), seed.get("CIRCLE_NOTIFICATION_KEY_ID").asText());
  }
}
