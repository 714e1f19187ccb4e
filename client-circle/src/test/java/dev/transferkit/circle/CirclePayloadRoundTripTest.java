package dev.transferkit.circle;

import static dev.transferkit.core.testing.RoundTrip.assertRoundTrip;
import static dev.transferkit.core.testing.RoundTrip.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.transferkit.circle.accounts.model.AccountTransferListResponse;
import dev.transferkit.circle.accounts.model.AccountTransferResponse;
import dev.transferkit.circle.accounts.model.BalancesResponse;
import dev.transferkit.circle.accounts.model.CreateAccountTransferRequest;
import dev.transferkit.circle.accounts.model.TransferStatus;
import dev.transferkit.circle.payouts.model.CreatePayoutRequest;
import dev.transferkit.circle.payouts.model.PayoutResponse;
import dev.transferkit.circle.payouts.model.PurposeOfTransfer;
import dev.transferkit.circle.wallets.model.ChallengeIdResponse;
import dev.transferkit.circle.wallets.model.CreateTransferTransactionForEndUserRequest;
import dev.transferkit.circle.wallets.model.UserTokenRequest;
import dev.transferkit.circle.wallets.model.UserTokenResponse;
import dev.transferkit.circle.wallets.model.WalletsResponse;
import dev.transferkit.core.internal.Json;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Circle's documented payloads decode with the generated models and re-encode unchanged. */
class CirclePayloadRoundTripTest {
  private final Moshi moshi = Json.moshi();

  private String payload(String name) {
    return resource(getClass(), "/payloads/" + name + ".json");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"balances-source-before", "balances-source-after", "balances-destination-after"})
  void documentedBalancesRoundTrip(String name) {
    BalancesResponse b =
        assertRoundTrip(moshi, BalancesResponse.class, payload("accounts/" + name));
    assertEquals(1, b.getData().getAvailable().size());
    assertTrue(b.getData().getUnsettled().isEmpty());
  }

  @Test
  void balanceAmountKeepsItsScale() {
    BalancesResponse b =
        assertRoundTrip(moshi, BalancesResponse.class, payload("accounts/balances-source-before"));
    assertEquals("10000.00", b.getData().getAvailable().get(0).getAmount().toPlainString());
    String json = moshi.adapter(BalancesResponse.class).toJson(b);
    assertTrue(json.contains("\"amount\":\"10000.00\""), json);
  }

  @Test
  void documentedTransferRequestAndResponsesRoundTrip() {
    assertRoundTrip(
        moshi, CreateAccountTransferRequest.class, payload("accounts/create-transfer-request"));
    AccountTransferResponse created =
        assertRoundTrip(
            moshi, AccountTransferResponse.class, payload("accounts/create-transfer-response"));
    assertEquals(TransferStatus.COMPLETE, created.getData().getStatus());
    assertEquals(0, new BigDecimal("2500").compareTo(created.getData().getAmount().getAmount()));
    assertEquals(
        Instant.parse("2026-03-15T12:00:00Z"), created.getData().getCreateDate().toInstant());
    assertRoundTrip(
        moshi, AccountTransferResponse.class, payload("accounts/get-transfer-response"));
    AccountTransferListResponse list =
        assertRoundTrip(
            moshi, AccountTransferListResponse.class, payload("accounts/list-transfers-response"));
    assertEquals("f1a2b3c4-d5e6-7890-abcd-ef1234567890", list.getData().get(0).getId());
  }

  @Test
  void aPlainMoshiFindsTheGeneratedAdaptersAndKeepsAmountsExact() throws Exception {
    Moshi plain = new Moshi.Builder().build();
    assertEquals(
        "GeneratedJsonAdapter(PayoutResponse).nullSafe()",
        plain.adapter(PayoutResponse.class).toString());
    PayoutResponse payout =
        assertRoundTrip(plain, PayoutResponse.class, payload("payouts/payout-response"));
    assertEquals("0.14", payout.getData().getNetworkFees().getAmount().toPlainString());
    CreateTransferTransactionForEndUserRequest r =
        assertRoundTrip(
            plain,
            CreateTransferTransactionForEndUserRequest.class,
            payload("wallets/transfer-request"));
    assertEquals("0.01", r.getAmounts().get(0).toPlainString());
    assertEquals(
        "\"PMT001\"", plain.adapter(PurposeOfTransfer.class).toJson(PurposeOfTransfer.PMT001));
    assertEquals(
        PurposeOfTransfer.fromValue("PMT099"),
        plain.adapter(PurposeOfTransfer.class).fromJson("\"PMT099\""));
    assertNull(plain.adapter(PayoutResponse.class).fromJson("null"));
  }

  @Test
  void documentedPayoutRequestAndResponseRoundTrip() {
    CreatePayoutRequest request =
        assertRoundTrip(moshi, CreatePayoutRequest.class, payload("payouts/create-payout-request"));
    assertEquals(PurposeOfTransfer.PMT001, request.getPurposeOfTransfer());
    PayoutResponse response =
        assertRoundTrip(moshi, PayoutResponse.class, payload("payouts/payout-response"));
    assertEquals("0.14", response.getData().getNetworkFees().getAmount().toPlainString());
    assertEquals("2020-04-10T02:13:30.000Z", response.getData().getCreateDate().text());
  }

  @Test
  void purposeOfTransferHasThirtyValuesAndNoPmt006() {
    assertEquals(30, PurposeOfTransfer.knownValues().size());
    assertTrue(PurposeOfTransfer.fromValue("PMT006").isUnknown());
    assertFalse(PurposeOfTransfer.fromValue("PMT030").isUnknown());
  }

  @Test
  void userControlledWalletShapesRoundTrip() {
    assertRoundTrip(moshi, UserTokenRequest.class, payload("wallets/user-token-request"));
    UserTokenResponse token =
        assertRoundTrip(moshi, UserTokenResponse.class, payload("wallets/user-token-response"));
    assertFalse(
        token.toString().contains("Tlcyxz7Ts9ztRLQq5"), "encryptionKey must not be in toString()");
    assertFalse(token.toString().contains("eyJhbGciOi"), "userToken must not be in toString()");
    WalletsResponse w =
        assertRoundTrip(moshi, WalletsResponse.class, payload("wallets/wallets-response"));
    assertEquals("01899cf2-d415-7052-a207-f9862157e546", w.getData().getWallets().get(0).getId());
    dev.transferkit.circle.wallets.model.TokenBalancesResponse balances =
        assertRoundTrip(
            moshi,
            dev.transferkit.circle.wallets.model.TokenBalancesResponse.class,
            payload("wallets/balances-response"));
    assertEquals(
        "6.62607015", balances.getData().getTokenBalances().get(0).getAmount().toPlainString());
    assertRoundTrip(moshi, ChallengeIdResponse.class, payload("wallets/challenge-response"));
  }

  @Test
  void transferChallengeRequestRoundTripsWithTheLeadingZeroAdded() {
    CreateTransferTransactionForEndUserRequest r =
        assertRoundTrip(
            moshi,
            CreateTransferTransactionForEndUserRequest.class,
            payload("wallets/transfer-request"));
    assertEquals(new BigDecimal("0.01"), r.getAmounts().get(0));
    String json = moshi.adapter(CreateTransferTransactionForEndUserRequest.class).toJson(r);
    assertTrue(json.contains("\"amounts\":[\"0.01\"]"), json);
  }

  @Test
  void missingEnvelopeDataFieldInsideTransferIsNamedWithPath() {
    String json =
        payload("accounts/get-transfer-response").replace("\"status\": \"complete\",", "");
    JsonDataException e =
        assertThrows(
            JsonDataException.class,
            () -> moshi.adapter(AccountTransferResponse.class).fromJson(json));
    assertTrue(
        e.getMessage().contains("'status'") && e.getMessage().contains("$.data"), e.getMessage());
  }

  @Test
  void amountSentAsBooleanIsATypedError() {
    String json = payload("accounts/get-transfer-response").replace("\"2500.00\"", "true");
    JsonDataException e =
        assertThrows(
            JsonDataException.class,
            () -> moshi.adapter(AccountTransferResponse.class).fromJson(json));
    assertTrue(e.getMessage().contains("$.data.amount.amount"), e.getMessage());
  }

  @Test
  void unknownTransferStatusKeepsItsRawValue() {
    String json = payload("accounts/get-transfer-response").replace("\"complete\"", "\"settling\"");
    AccountTransferResponse r = assertRoundTrip(moshi, AccountTransferResponse.class, json);
    assertEquals(TransferStatus.Known.UNKNOWN, r.getData().getStatus().known());
    assertEquals("settling", r.getData().getStatus().value());
  }
}
