package dev.transferkit.circle;

import com.squareup.moshi.Moshi;
import dev.transferkit.circle.accounts.api.AccountsApi;
import dev.transferkit.circle.payouts.api.PayoutsApi;
import dev.transferkit.circle.wallets.api.HealthApi;
import dev.transferkit.circle.wallets.api.NotificationsApi;
import dev.transferkit.circle.wallets.api.TokensApi;
import dev.transferkit.circle.wallets.api.TransactionsApi;
import dev.transferkit.circle.wallets.api.UsersApi;
import dev.transferkit.circle.wallets.api.WalletsApi;
import dev.transferkit.circle.webhook.CircleWebhookVerifier;
import dev.transferkit.core.ClientBuilder;
import dev.transferkit.core.internal.BearerAuth;
import dev.transferkit.core.internal.Credentials;
import dev.transferkit.core.internal.Json;
import dev.transferkit.core.internal.Redaction;
import dev.transferkit.core.internal.Transport;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Entry point to Circle: Digital Asset Accounts ({@link #accounts()}), Payouts ({@link #payouts()})
 * and user-controlled wallets (W3S: {@link #users()}, {@link #wallets()}, {@link #transactions()},
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
 * <p>Every call goes through one runtime: {@code Authorization: Bearer <API key>}, {@code
 * User-Agent: transferkit-java/<version>}, typed exceptions ({@code
 * dev.transferkit.core.exception}), an idempotency key filled with a random UUID when a create
 * request leaves it unset, and automatic retries (default 2, with exponential backoff and jitter)
 * of GETs and of the idempotency-protected creates (account transfers, payouts, user transfer
 * challenges) with the same key. W3S user endpoints take the end user's {@code X-User-Token} as a
 * method parameter; user tokens expire 60 minutes after {@code users().getUserToken} issued them
 * (an expired token fails with an {@link dev.transferkit.core.exception.AuthenticationException},
 * code 155104).
 *
 * <p>Thread-safe: build one client per API key and share it; the services it hands out are
 * thread-safe too. It holds an OkHttp connection pool and dispatcher, which free themselves when
 * idle.
 */
public final class CircleClient {
  /**
   * Where requests go: each Circle API's server for the environment, as its spec's {@code servers}
   * name it ({@code x-transferkit-environment}; the URLs are generated from the specs). Circle's
   * W3S API has one host for both; a TEST_API_KEY key selects its sandbox.
   */
  public enum Environment {
    SANDBOX(
        dev.transferkit.circle.accounts.internal.Servers.SANDBOX,
        dev.transferkit.circle.payouts.internal.Servers.SANDBOX,
        dev.transferkit.circle.wallets.internal.Servers.SANDBOX),
    PRODUCTION(
        dev.transferkit.circle.accounts.internal.Servers.PRODUCTION,
        dev.transferkit.circle.payouts.internal.Servers.PRODUCTION,
        dev.transferkit.circle.wallets.internal.Servers.PRODUCTION);

    private final String accountsBaseUrl;
    private final String payoutsBaseUrl;
    private final String walletsBaseUrl;

    Environment(String accountsBaseUrl, String payoutsBaseUrl, String walletsBaseUrl) {
      this.accountsBaseUrl = accountsBaseUrl;
      this.payoutsBaseUrl = payoutsBaseUrl;
      this.walletsBaseUrl = walletsBaseUrl;
    }

    /** Base URL of Digital Asset Accounts (its spec's server for this environment). */
    public String accountsBaseUrl() {
      return accountsBaseUrl;
    }

    /** Base URL of Payouts (its spec's server for this environment). */
    public String payoutsBaseUrl() {
      return payoutsBaseUrl;
    }

    /** Base URL of user-controlled wallets, W3S (its spec's server for this environment). */
    public String walletsBaseUrl() {
      return walletsBaseUrl;
    }
  }

  static final String RECONCILE_HINT =
      "Circle creates carry an idempotency key and are retried automatically;"
          + " repeat the request with the same idempotencyKey to get its original result.";

  private final Environment environment;
  private final HttpUrl accountsBaseUrl;
  private final HttpUrl payoutsBaseUrl;
  private final HttpUrl walletsBaseUrl;
  private final AccountsApi accounts;
  private final PayoutsApi payouts;
  private final UsersApi users;
  private final WalletsApi wallets;
  private final TransactionsApi transactions;
  private final NotificationsApi notifications;
  private final TokensApi tokens;
  private final HealthApi health;
  private final CircleWebhookVerifier webhookVerifier;

  private CircleClient(Builder b, Transport transport, @Nullable HttpUrl override) {
    this.environment = b.environment;
    this.accountsBaseUrl = override != null ? override : HttpUrl.get(environment.accountsBaseUrl());
    this.payoutsBaseUrl = override != null ? override : HttpUrl.get(environment.payoutsBaseUrl());
    this.walletsBaseUrl = override != null ? override : HttpUrl.get(environment.walletsBaseUrl());
    String apiKey = Objects.requireNonNull(b.apiKey, "apiKey"); // build() checked it
    BearerAuth auth = new BearerAuth(apiKey, "apiKey");
    BearerAuth walletsAuth =
        b.walletsApiKey != null ? new BearerAuth(b.walletsApiKey, "walletsApiKey") : auth;
    Transport.Services walletsServices = transport.services(walletsBaseUrl, walletsAuth);
    this.accounts = new AccountsApi(transport.services(accountsBaseUrl, auth).retrofit());
    this.payouts = new PayoutsApi(transport.services(payoutsBaseUrl, auth).retrofit());
    this.users = new UsersApi(walletsServices.retrofit());
    this.wallets = new WalletsApi(walletsServices.retrofit());
    this.transactions = new TransactionsApi(walletsServices.retrofit());
    this.notifications = new NotificationsApi(walletsServices.retrofit());
    this.tokens = new TokensApi(walletsServices.retrofit());
    this.health = new HealthApi(walletsServices.retrofit());
    // Key fetches happen while Circle waits (5 s) for the webhook's answer: they get a deadline of
    // their own.
    this.webhookVerifier =
        CircleWebhookVerifier.create(
            new NotificationsApi(
                transport
                    .withCallTimeout(CircleWebhookVerifier.KEY_FETCH_TIMEOUT)
                    .services(walletsBaseUrl, walletsAuth)
                    .retrofit()));
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

  /**
   * W3S transactions and transfer challenges (X-User-Token; the transfer challenge is idempotent).
   */
  public TransactionsApi transactions() {
    return transactions;
  }

  /** W3S notification (webhook) subscriptions and public keys. */
  public NotificationsApi notifications() {
    return notifications;
  }

  /** W3S token look-up by Circle's token ID. */
  public TokensApi tokens() {
    return tokens;
  }

  /** Circle's health check ({@code ping}, which needs no API key). */
  public HealthApi health() {
    return health;
  }

  /**
   * A webhook verifier that fetches Circle's public keys through this client, with a deadline of
   * {@link CircleWebhookVerifier#KEY_FETCH_TIMEOUT} per fetch, caching and rate-limiting them as
   * its class comment says. Shared and thread-safe.
   */
  public CircleWebhookVerifier webhookVerifier() {
    return webhookVerifier;
  }

  /** Environment and base URLs; never credentials. */
  @Override
  public String toString() {
    return "CircleClient{environment="
        + environment
        + ", accountsBaseUrl="
        + accountsBaseUrl
        + ", payoutsBaseUrl="
        + payoutsBaseUrl
        + ", walletsBaseUrl="
        + walletsBaseUrl
        + "}";
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
     * The Circle API key ({@code PREFIX:ID:SECRET}), sent as {@code Authorization: Bearer}.
     * Required. Refused with an IllegalArgumentException that names the setting, never the value,
     * if empty, surrounded by whitespace, or holding control or non-ASCII characters.
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Credentials.check(apiKey, "apiKey");
      return this;
    }

    /**
     * A different API key for user-controlled wallets (W3S), when it is not the same key as for
     * Digital Asset Accounts and Payouts. Optional: {@link #apiKey} is used by default. Checked
     * like {@link #apiKey}.
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
      Moshi moshi =
          Json.moshi(
              dev.transferkit.circle.wallets.model.JsonAdapters.FACTORY,
              dev.transferkit.circle.accounts.model.JsonAdapters.FACTORY,
              dev.transferkit.circle.payouts.model.JsonAdapters.FACTORY,
              dev.transferkit.circle.model.JsonAdapters.FACTORY);
      Redaction secrets =
          dev.transferkit.circle.wallets.internal.Secrets.REDACTION
              .and(dev.transferkit.circle.accounts.internal.Secrets.REDACTION)
              .and(dev.transferkit.circle.payouts.internal.Secrets.REDACTION);
      Transport transport =
          transport(
              new Transport.Provider(
                  "Circle",
                  moshi,
                  new CircleErrorDecoder(moshi, secrets),
                  RECONCILE_HINT,
                  secrets));
      return new CircleClient(this, transport, baseUrlOverride());
    }

    /** Settings; never the API keys. */
    @Override
    public String toString() {
      return super.toString()
          + "{environment="
          + environment
          + ", apiKey="
          + (apiKey == null ? "unset" : "set")
          + "}";
    }
  }
}
