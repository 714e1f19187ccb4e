package dev.transferkit.circle;

import com.squareup.moshi.Moshi;
import dev.transferkit.circle.accounts.api.AccountsApi;
import dev.transferkit.circle.accounts.model.AccountTransfer;
import dev.transferkit.circle.payouts.api.PayoutsApi;
import dev.transferkit.circle.payouts.model.Payout;
import dev.transferkit.circle.wallets.api.NotificationsApi;
import dev.transferkit.circle.wallets.api.TransactionsApi;
import dev.transferkit.circle.wallets.api.UsersApi;
import dev.transferkit.circle.wallets.api.WalletsApi;
import dev.transferkit.circle.wallets.model.Transaction;
import dev.transferkit.circle.wallets.model.Wallet;
import dev.transferkit.circle.wallets.model.WalletsData;
import dev.transferkit.circle.wallets.model.TransactionsData;
import org.jspecify.annotations.Nullable;
import dev.transferkit.circle.webhook.CircleWebhookVerifier;
import dev.transferkit.core.internal.Json;
import dev.transferkit.core.internal.BearerAuth;
import dev.transferkit.core.internal.Credentials;
import dev.transferkit.core.ClientBuilder;
import dev.transferkit.core.internal.Transport;
import dev.transferkit.core.AutoPaging;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Entry point to Circle: Digital Asset Accounts ({@link #accounts()}), Payouts ({@link #payouts()}) and
 * user-controlled wallets (W3S: {@link #users()}, {@link #wallets()}, {@link #transactions()},
 * {@link #notifications()}).
 *
 * <pre>{@code
 * CircleClient circle = CircleClient.builder()
 *     .apiKey(System.getenv("CIRCLE_API_KEY"))
 *     .environment(CircleClient.Environment.SANDBOX)
 *     .build();
 * AccountTransfer t = circle.accounts().createAccountTransfer(request).execute();
 * }</pre>
 *
 * <p>Every call goes through one runtime: {@code Authorization: Bearer <API key>}, {@code User-Agent:
 * transferkit-java/<version>}, typed exceptions ({@code dev.transferkit.core.exception}), an idempotency key filled
 * with a random UUID when a create request leaves it unset, and automatic retries (default 2, with exponential
 * backoff and jitter) of GETs and of the idempotency-protected creates (account transfers, payouts, user transfer
 * challenges) with the same key. W3S user endpoints take the end user's {@code X-User-Token} as a method parameter;
 * user tokens expire 60 minutes after {@code users().getUserToken} issued them (an expired token fails with an
 * {@link dev.transferkit.core.exception.AuthenticationException}, code 155104).
 *
 * <p>Thread-safe: build one client per API key and share it; the services it hands out are thread-safe too. It holds
 * an OkHttp connection pool and dispatcher, which free themselves when idle.
 */
public final class CircleClient {
  /** Where requests go. Circle's W3S API has one host for both; a TEST_API_KEY key selects its sandbox. */
  public enum Environment {
    SANDBOX("https://api-sandbox.circle.com/", "https://api.circle.com/"),
    PRODUCTION("https://api.circle.com/", "https://api.circle.com/");

    private final String accountsBaseUrl;
    private final String walletsBaseUrl;

    Environment(String accountsBaseUrl, String walletsBaseUrl) {
      this.accountsBaseUrl = accountsBaseUrl;
      this.walletsBaseUrl = walletsBaseUrl;
    }

    /** Base URL of Digital Asset Accounts and Payouts (the specs' servers). */
    public String accountsBaseUrl() {
      return accountsBaseUrl;
    }

    /** Base URL of user-controlled wallets (W3S). */
    public String walletsBaseUrl() {
      return walletsBaseUrl;
    }
  }

  static final String RECONCILE_HINT = "Circle creates carry an idempotency key and are retried automatically;"
      + " repeat the request with the same idempotencyKey to get its original result.";

  private final Environment environment;
  private final HttpUrl accountsBaseUrl;
  private final HttpUrl walletsBaseUrl;
  private final AccountsApi accounts;
  private final PayoutsApi payouts;
  private final UsersApi users;
  private final WalletsApi wallets;
  private final TransactionsApi transactions;
  private final NotificationsApi notifications;
  private final CircleWebhookVerifier webhookVerifier;

  private CircleClient(Builder b, Transport transport, @Nullable HttpUrl override) {
    this.environment = b.environment;
    this.accountsBaseUrl = override != null ? override : HttpUrl.get(environment.accountsBaseUrl());
    this.walletsBaseUrl = override != null ? override : HttpUrl.get(environment.walletsBaseUrl());
    String apiKey = Objects.requireNonNull(b.apiKey, "apiKey"); // build() checked it
    Transport.Services accountsServices = transport.services(accountsBaseUrl, new BearerAuth(apiKey, "apiKey"));
    BearerAuth walletsAuth =
        b.walletsApiKey != null ? new BearerAuth(b.walletsApiKey, "walletsApiKey") : new BearerAuth(apiKey, "apiKey");
    Transport.Services walletsServices = transport.services(walletsBaseUrl, walletsAuth);
    this.accounts = new AccountsApi(accountsServices.retrofit());
    this.payouts = new PayoutsApi(accountsServices.retrofit());
    this.users = new UsersApi(walletsServices.retrofit());
    this.wallets = new WalletsApi(walletsServices.retrofit());
    this.transactions = new TransactionsApi(walletsServices.retrofit());
    this.notifications = new NotificationsApi(walletsServices.retrofit());
    // Key fetches happen while Circle waits (5 s) for the webhook's answer: they get a deadline of their own.
    this.webhookVerifier = CircleWebhookVerifier.create(new NotificationsApi(transport
        .withCallTimeout(CircleWebhookVerifier.KEY_FETCH_TIMEOUT).services(walletsBaseUrl, walletsAuth).retrofit()));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Digital Asset Accounts: balances and account transfers (idempotent creates). */
  public AccountsApi accounts() {
    return accounts;
  }

  /** Crypto payouts (idempotent creates). */
  public PayoutsApi payouts() {
    return payouts;
  }

  /** W3S users and user tokens (tokens expire after 60 minutes). */
  public UsersApi users() {
    return users;
  }

  /** W3S wallets of a user (X-User-Token). */
  public WalletsApi wallets() {
    return wallets;
  }

  /** W3S transactions and transfer challenges (X-User-Token; the transfer challenge is idempotent). */
  public TransactionsApi transactions() {
    return transactions;
  }

  /** W3S notification (webhook) public keys. */
  public NotificationsApi notifications() {
    return notifications;
  }

  /**
   * A webhook verifier that fetches Circle's public keys through this client, with a deadline of
   * {@link CircleWebhookVerifier#KEY_FETCH_TIMEOUT} per fetch, caching and rate-limiting them as its class comment
   * says. Shared and thread-safe.
   */
  public CircleWebhookVerifier webhookVerifier() {
    return webhookVerifier;
  }


  /**
   * All account transfers of {@code accountId}, newest first, fetched {@code pageSize} at a time (null: Circle's
   * default) as they are consumed.
   */
  public AutoPaging<AccountTransfer> listAllAccountTransfers(String accountId, @Nullable Integer pageSize) {
    return CirclePaging.autoPaging("listAccountTransfers",
        after -> accounts.listAccountTransfers(AccountsApi.ListAccountTransfersParams.builder()
            .accountId(accountId).pageAfter(after).pageSize(pageSize).build()),
        page -> page, AccountTransfer::getId);
  }

  /** All payouts, newest first, fetched {@code pageSize} at a time (null: Circle's default). */
  public AutoPaging<Payout> listAllPayouts(@Nullable Integer pageSize) {
    return CirclePaging.autoPaging("listPayouts",
        after -> payouts.listPayouts(
            PayoutsApi.ListPayoutsParams.builder().pageAfter(after).pageSize(pageSize).build()),
        page -> page, Payout::getId);
  }

  /** All wallets of the user holding {@code userToken}, following the {@code Link} header cursors. */
  public AutoPaging<Wallet> listAllWallets(String userToken, @Nullable Integer pageSize) {
    return CirclePaging.autoPaging("listWallets",
        after -> wallets.listWallets(userToken,
            WalletsApi.ListWalletsParams.builder().pageAfter(after).pageSize(pageSize).build()),
        WalletsData::getWallets, Wallet::getId);
  }

  /** All transactions visible to the user holding {@code userToken}, following the {@code Link} header cursors. */
  public AutoPaging<Transaction> listAllTransactions(String userToken, @Nullable Integer pageSize) {
    return CirclePaging.autoPaging("listTransactions",
        after -> transactions.listTransactions(userToken,
            TransactionsApi.ListTransactionsParams.builder().pageAfter(after).pageSize(pageSize).build()),
        TransactionsData::getTransactions, Transaction::getId);
  }

  /** Environment and base URLs; never credentials. */
  @Override
  public String toString() {
    return "CircleClient{environment=" + environment + ", accountsBaseUrl=" + accountsBaseUrl
        + ", walletsBaseUrl=" + walletsBaseUrl + "}";
  }

  /** Builds a {@link CircleClient}. Not thread-safe. */
  public static final class Builder extends ClientBuilder<Builder> {
    private @Nullable String apiKey;
    private @Nullable String walletsApiKey;
    private Environment environment = Environment.SANDBOX;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The Circle API key ({@code PREFIX:ID:SECRET}), sent as {@code Authorization: Bearer}. Required. Refused with an IllegalArgumentException that names the setting, never the value, if empty, surrounded by
     * whitespace, or holding control or non-ASCII characters.
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Credentials.check(apiKey, "apiKey");
      return this;
    }

    /**
     * A different API key for user-controlled wallets (W3S), when it is not the same key as for Digital Asset
     * Accounts and Payouts. Optional: {@link #apiKey} is used by default. Checked like {@link #apiKey}.
     */
    public Builder walletsApiKey(String walletsApiKey) {
      this.walletsApiKey = Credentials.check(walletsApiKey, "walletsApiKey");
      return this;
    }

    /** SANDBOX (the default) or PRODUCTION; ignored when {@link #baseUrl(String)} is set. */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if no API key was set
     */
    public CircleClient build() {
      if (apiKey == null) {
        throw new IllegalStateException("CircleClient needs an apiKey");
      }
      Moshi moshi = Json.moshi(dev.transferkit.circle.wallets.model.JsonAdapters.FACTORY,
          dev.transferkit.circle.accounts.model.JsonAdapters.FACTORY,
          dev.transferkit.circle.payouts.model.JsonAdapters.FACTORY);
      Transport transport =
          transport(new Transport.Provider("Circle", moshi, new CircleErrorDecoder(moshi), RECONCILE_HINT));
      return new CircleClient(this, transport, baseUrlOverride());
    }

    /** Settings; never the API keys. */
    @Override
    public String toString() {
      return super.toString() + "{environment=" + environment + ", apiKey=" + (apiKey == null ? "unset" : "set")
          + "}";
    }
  }
}
