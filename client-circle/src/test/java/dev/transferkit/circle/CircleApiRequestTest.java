package dev.transferkit.circle;

import static dev.transferkit.core.testing.RoundTrip.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.transferkit.circle.accounts.api.AccountsApi;
import dev.transferkit.circle.accounts.model.AccountLocation;
import dev.transferkit.circle.accounts.model.AccountLocationType;
import dev.transferkit.circle.accounts.model.CreateAccountTransferRequest;
import dev.transferkit.circle.model.RequestCurrency;
import dev.transferkit.circle.model.RequestMoney;
import dev.transferkit.circle.payouts.api.PayoutsApi;
import dev.transferkit.circle.payouts.model.CreatePayoutRequest;
import dev.transferkit.circle.payouts.model.PayoutDestination;
import dev.transferkit.circle.payouts.model.PayoutDestinationType;
import dev.transferkit.circle.payouts.model.PayoutStatus;
import dev.transferkit.circle.payouts.model.PurposeOfTransfer;
import dev.transferkit.circle.wallets.api.NotificationsApi;
import dev.transferkit.circle.wallets.api.TransactionsApi;
import dev.transferkit.circle.wallets.api.UsersApi;
import dev.transferkit.circle.wallets.api.WalletsApi;
import dev.transferkit.circle.wallets.model.Blockchain;
import dev.transferkit.circle.wallets.model.CreateTransferTransactionForEndUserRequest;
import dev.transferkit.circle.wallets.model.CreateUserRequest;
import dev.transferkit.circle.wallets.model.FeeLevel;
import dev.transferkit.circle.wallets.model.SortOrder;
import dev.transferkit.circle.wallets.model.Subscription;
import dev.transferkit.circle.wallets.model.TransactionState;
import dev.transferkit.circle.wallets.model.TransactionType;
import dev.transferkit.circle.wallets.model.UpdateSubscriptionRequest;
import dev.transferkit.circle.wallets.model.UserTokenRequest;
import dev.transferkit.core.RequestOptions;
import dev.transferkit.core.Timestamp;
import dev.transferkit.core.internal.Idempotent;
import dev.transferkit.core.internal.TestServices;
import dev.transferkit.core.testing.JsonText;
import java.math.BigDecimal;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each generated Circle operation puts on the wire: method, path, query, headers and body. */
class CircleApiRequestTest {
  private static final String USER_TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCC9.eyJkZXZlbG9w...";
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private <T> T api(java.util.function.Function<retrofit2.Retrofit, T> service) {
    return service.apply(TestServices.bare(server, "/circle/"));
  }

  /** The package-private Retrofit interface the generated service class wraps. */
  private static Class<?> retrofitService(Class<?> api) throws ClassNotFoundException {
    return Class.forName(api.getName() + "Retrofit");
  }

  private void enqueue(String body) {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
  }

  private String payload(String name) {
    return resource(getClass(), "/payloads/" + name + ".json");
  }

  // ---- Digital Asset Accounts

  @Test
  void getAccountBalancesIsAGetOnTheAccountPath() throws Exception {
    enqueue(payload("accounts/balances-source-before"));
    api(AccountsApi::new).getAccountBalances("1017381855").execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("GET", r.getMethod());
    assertEquals("/circle/v1/accounts/balances/1017381855", r.getPath());
  }

  @Test
  void createAccountTransferPostsTheDocumentedBodyAndIsIdempotent() throws Exception {
    enqueue(payload("accounts/create-transfer-response"));
    AccountsApi accounts = api(AccountsApi::new);
    accounts
        .createAccountTransfer(
            CreateAccountTransferRequest.builder()
                .idempotencyKey("ba943ff1-ca16-49b2-ba55-1057e70ca5c7")
                .source(
                    AccountLocation.builder()
                        .type(AccountLocationType.ACCOUNT)
                        .id("1017381855")
                        .build())
                .destination(
                    AccountLocation.builder()
                        .type(AccountLocationType.ACCOUNT)
                        .id("1000661542")
                        .build())
                .amount(
                    RequestMoney.builder()
                        .amount(new BigDecimal("2500.00"))
                        .currency(RequestCurrency.USD)
                        .build())
                .build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("POST", r.getMethod());
    assertEquals("/circle/v1/accounts/transfers", r.getPath());
    JsonText.assertJsonEquals(
        "{\"idempotencyKey\":\"ba943ff1-ca16-49b2-ba55-1057e70ca5c7\","
            + "\"source\":{\"type\":\"account\",\"id\":\"1017381855\"},"
            + "\"destination\":{\"type\":\"account\",\"id\":\"1000661542\"},"
            + "\"amount\":{\"amount\":\"2500.00\",\"currency\":\"USD\"}}",
        r.getBody().readUtf8());
    Idempotent idempotent =
        retrofitService(AccountsApi.class)
            .getMethod(
                "createAccountTransfer",
                CreateAccountTransferRequest.class,
                dev.transferkit.core.RequestOptions.class)
            .getAnnotation(Idempotent.class);
    assertEquals("idempotencyKey", idempotent.keyField());
  }

  @Test
  void getAccountTransferIsAGetOnTheTransferPath() throws Exception {
    enqueue(payload("accounts/get-transfer-response"));
    api(AccountsApi::new).getAccountTransfer("f1a2b3c4-d5e6-7890-abcd-ef1234567890").execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("GET", r.getMethod());
    assertEquals("/circle/v1/accounts/transfers/f1a2b3c4-d5e6-7890-abcd-ef1234567890", r.getPath());
  }

  @Test
  void listAccountTransfersSendsAccountAndPagingQuery() throws Exception {
    enqueue(payload("accounts/list-transfers-response"));
    api(AccountsApi::new)
        .listAccountTransfers(
            AccountsApi.ListAccountTransfersParams.builder()
                .accountId("1017381855")
                .from(Timestamp.parse("2026-03-01T00:00:00Z"))
                .pageAfter("f1a2b3c4-d5e6-7890-abcd-ef1234567890")
                .pageSize(25)
                .build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("GET", r.getMethod());
    assertEquals(
        "/circle/v1/accounts/transfers?accountId=1017381855&from=2026-03-01T00%3A00%3A00Z"
            + "&pageAfter=f1a2b3c4-d5e6-7890-abcd-ef1234567890&pageSize=25",
        r.getPath());
  }

  // ---- Payouts

  @Test
  void createPayoutPostsTheDocumentedBodyAndIsIdempotent() throws Exception {
    enqueue(payload("payouts/payout-response"));
    api(PayoutsApi::new)
        .createPayout(
            CreatePayoutRequest.builder()
                .idempotencyKey("ba943ff1-ca16-49b2-ba55-1057e70ca5c7")
                .destination(
                    PayoutDestination.builder()
                        .type(PayoutDestinationType.ADDRESS_BOOK)
                        .id("b8627ae8-732b-4d25-b947-1df8f4007a29")
                        .build())
                .amount(
                    RequestMoney.builder()
                        .amount(new BigDecimal("3.14"))
                        .currency(RequestCurrency.USD)
                        .build())
                .purposeOfTransfer(PurposeOfTransfer.PMT001)
                .build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("POST", r.getMethod());
    assertEquals("/circle/v1/payouts", r.getPath());
    JsonText.assertJsonEquals(payload("payouts/create-payout-request"), r.getBody().readUtf8());
    assertNotNull(
        retrofitService(PayoutsApi.class)
            .getMethod(
                "createPayout",
                CreatePayoutRequest.class,
                dev.transferkit.core.RequestOptions.class)
            .getAnnotation(Idempotent.class));
  }

  @Test
  void getPayoutIsAGetOnThePayoutPath() throws Exception {
    enqueue(payload("payouts/payout-response"));
    api(PayoutsApi::new).getPayout("b8627ae8-732b-4d25-b947-1df8f4007a29").execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("GET", r.getMethod());
    assertEquals("/circle/v1/payouts/b8627ae8-732b-4d25-b947-1df8f4007a29", r.getPath());
  }

  @Test
  void listPayoutsRepeatsArrayQueryParameters() throws Exception {
    enqueue("{\"data\":[]}");
    api(PayoutsApi::new)
        .listPayouts(
            PayoutsApi.ListPayoutsParams.builder()
                .type(List.of(PayoutDestinationType.ADDRESS_BOOK))
                .status(List.of(PayoutStatus.PENDING, PayoutStatus.FAILED))
                .pageSize(10)
                .build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals(
        "/circle/v1/payouts?type=address_book&status=pending&status=failed&pageSize=10",
        r.getPath());
  }

  // ---- User-controlled wallets

  @Test
  void updateSubscriptionPatchesNameAndEnabledAndDeleteAnswersNothing() throws Exception {
    enqueue(
        "{\"data\":{\"id\":\"b3d9d2d5-4c12-4946-a09d-953e82fae2b0\",\"name\":\"Transactions Webhook\","
            + "\"endpoint\":\"https://example.org/hook\",\"enabled\":false,"
            + "\"createDate\":\"2023-01-01T12:04:05Z\",\"updateDate\":\"2023-01-02T08:00:00Z\","
            + "\"notificationTypes\":[\"*\"],\"restricted\":false}}");
    server.enqueue(new MockResponse().setResponseCode(204));
    NotificationsApi notifications = api(NotificationsApi::new);
    Subscription updated =
        notifications
            .updateSubscription(
                "b3d9d2d5-4c12-4946-a09d-953e82fae2b0",
                UpdateSubscriptionRequest.builder()
                    .name("Transactions Webhook")
                    .enabled(false)
                    .build())
            .execute();
    assertEquals(false, updated.getEnabled());
    RecordedRequest patch = server.takeRequest();
    assertEquals("PATCH", patch.getMethod());
    assertEquals(
        "/circle/v2/notifications/subscriptions/b3d9d2d5-4c12-4946-a09d-953e82fae2b0",
        patch.getPath());
    JsonText.assertJsonEquals(
        "{\"name\":\"Transactions Webhook\",\"enabled\":false}", patch.getBody().readUtf8());

    assertNull(notifications.deleteSubscription("b3d9d2d5-4c12-4946-a09d-953e82fae2b0").execute());
    RecordedRequest delete = server.takeRequest();
    assertEquals("DELETE", delete.getMethod());
    assertEquals(
        "/circle/v2/notifications/subscriptions/b3d9d2d5-4c12-4946-a09d-953e82fae2b0",
        delete.getPath());
  }

  @Test
  void createUserPostsTheUserId() throws Exception {
    enqueue(
        "{\"data\":{\"id\":\"2f1dcb5e-312a-4b15-8240-abeffc0e3463\",\"createDate\":\"2023-07-28T15:00:00Z\","
            + "\"pinStatus\":\"UNSET\",\"status\":\"ENABLED\"}}");
    api(UsersApi::new)
        .createUser(
            CreateUserRequest.builder().userId("2f1dcb5e-312a-4b15-8240-abeffc0e3463").build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("POST", r.getMethod());
    assertEquals("/circle/v1/w3s/users", r.getPath());
    assertNull(r.getHeader("X-Request-Id"));
    JsonText.assertJsonEquals(
        "{\"userId\":\"2f1dcb5e-312a-4b15-8240-abeffc0e3463\"}", r.getBody().readUtf8());
  }

  @Test
  void getUserTokenPostsTheDocumentedBodyWithRequestId() throws Exception {
    enqueue(payload("wallets/user-token-response"));
    // X-Request-Id is managed by the runtime (from RequestOptions), so this one goes through the
    // facade.
    CircleClient.builder()
        .apiKey("TEST_API_KEY:k:s")
        .baseUrl(server.url("/circle/").toString())
        .build()
        .users()
        .getUserToken(
            UserTokenRequest.builder().userId("2f1dcb5e-312a-4b15-8240-abeffc0e3463").build(),
            RequestOptions.builder().requestId("6c7a7c5e-5e43-4fc3-a8cb-1a0b9d2b0a1e").build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("/circle/v1/w3s/users/token", r.getPath());
    assertEquals("6c7a7c5e-5e43-4fc3-a8cb-1a0b9d2b0a1e", r.getHeader("X-Request-Id"));
    JsonText.assertJsonEquals(payload("wallets/user-token-request"), r.getBody().readUtf8());
  }

  @Test
  void listWalletsSendsTheUserTokenHeaderAndFilters() throws Exception {
    enqueue(payload("wallets/wallets-response"));
    api(WalletsApi::new)
        .listWallets(
            USER_TOKEN,
            WalletsApi.ListWalletsParams.builder()
                .blockchain(Blockchain.MATIC_AMOY)
                .pageSize(2)
                .order(SortOrder.DESC)
                .build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("GET", r.getMethod());
    assertEquals("/circle/v1/w3s/wallets?blockchain=MATIC-AMOY&pageSize=2&order=DESC", r.getPath());
    assertEquals(USER_TOKEN, r.getHeader("X-User-Token"));
  }

  @Test
  void listWalletBalanceSendsTheUserTokenOnTheWalletPath() throws Exception {
    enqueue(payload("wallets/balances-response"));
    api(WalletsApi::new)
        .listWalletBalance(
            "01899cf2-d415-7052-a207-f9862157e546",
            USER_TOKEN,
            WalletsApi.ListWalletBalanceParams.builder().includeAll(true).build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals(
        "/circle/v1/w3s/wallets/01899cf2-d415-7052-a207-f9862157e546/balances?includeAll=true",
        r.getPath());
    assertEquals(USER_TOKEN, r.getHeader("X-User-Token"));
  }

  @Test
  void createTransferChallengePostsTheDocumentedBodyAndIsIdempotent() throws Exception {
    enqueue(payload("wallets/challenge-response"));
    api(TransactionsApi::new)
        .createUserTransactionTransferChallenge(
            USER_TOKEN,
            CreateTransferTransactionForEndUserRequest.builder()
                .userId("2f1dcb5e-312a-4b15-8240-abeffc0e3463")
                .idempotencyKey("607a0972-17f9-4d56-8ca3-a0e94adc3210")
                .amounts(List.of(new BigDecimal(".01")))
                .destinationAddress("0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3")
                .tokenId("38f2ad29-a77b-5a44-be05-8d03923878a2")
                .walletId("01899cf2-d415-7052-a207-f9862157e546")
                .feeLevel(FeeLevel.MEDIUM)
                .build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("POST", r.getMethod());
    assertEquals("/circle/v1/w3s/user/transactions/transfer", r.getPath());
    assertEquals(USER_TOKEN, r.getHeader("X-User-Token"));
    JsonText.assertJsonEquals(payload("wallets/transfer-request"), r.getBody().readUtf8());
  }

  @Test
  void listTransactionsSendsStateAndTypeFilters() throws Exception {
    enqueue("{\"data\":{\"transactions\":[]}}");
    api(TransactionsApi::new)
        .listTransactions(
            USER_TOKEN,
            TransactionsApi.ListTransactionsParams.builder()
                .state(TransactionState.COMPLETE)
                .txType(TransactionType.OUTBOUND)
                .walletIds("01899cf2-d415-7052-a207-f9862157e546")
                .build())
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals(
        "/circle/v1/w3s/transactions?state=COMPLETE&txType=OUTBOUND"
            + "&walletIds=01899cf2-d415-7052-a207-f9862157e546",
        r.getPath());
    assertEquals(USER_TOKEN, r.getHeader("X-User-Token"));
  }

  @Test
  void getTransactionSendsTheUserToken() throws Exception {
    enqueue(
        "{\"data\":{\"transaction\":{\"id\":\"c4d1da72-111e-4d52-bdbf-2e74a2d803d5\",\"state\":\"COMPLETE\","
            + "\"blockchain\":\"MATIC-AMOY\",\"transactionType\":\"OUTBOUND\",\"createDate\":\"2023-07-28T15:01:52Z\","
            + "\"updateDate\":\"2023-07-28T15:03:01Z\"}}}");
    api(TransactionsApi::new)
        .getTransaction("c4d1da72-111e-4d52-bdbf-2e74a2d803d5", USER_TOKEN)
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("GET", r.getMethod());
    assertEquals("/circle/v1/w3s/transactions/c4d1da72-111e-4d52-bdbf-2e74a2d803d5", r.getPath());
    assertEquals(USER_TOKEN, r.getHeader("X-User-Token"));
  }

  @Test
  void getNotificationPublicKeyIsAGetOnTheV2Path() throws Exception {
    enqueue(
        "{\"data\":{\"id\":\"879dc113-5ca4-4ff7-a6b7-54652083fcf8\",\"algorithm\":\"ECDSA_SHA_256\","
            + "\"publicKey\":\"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\",\"createDate\":\"2023-06-28T21:47:35.107250Z\"}}");
    api(NotificationsApi::new)
        .getNotificationSignature("879dc113-5ca4-4ff7-a6b7-54652083fcf8")
        .execute();
    RecordedRequest r = server.takeRequest();
    assertEquals("GET", r.getMethod());
    assertEquals(
        "/circle/v2/notifications/publicKey/879dc113-5ca4-4ff7-a6b7-54652083fcf8", r.getPath());
  }
}
