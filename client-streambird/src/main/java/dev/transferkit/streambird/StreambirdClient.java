package dev.transferkit.streambird;

import com.squareup.moshi.Moshi;
import dev.transferkit.core.ClientBuilder;
import dev.transferkit.core.internal.BearerAuth;
import dev.transferkit.core.internal.Credentials;
import dev.transferkit.core.internal.Json;
import dev.transferkit.core.internal.Transport;
import dev.transferkit.streambird.api.TransfersApi;
import dev.transferkit.streambird.api.WalletsApi;
import dev.transferkit.streambird.internal.Secrets;
import dev.transferkit.streambird.internal.Servers;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Entry point to Streambird's transfers ({@link #transfers()}) and managed wallets ({@link
 * #wallets()}).
 *
 * <pre>{@code
 * StreambirdClient streambird = StreambirdClient.builder()
 *     .apiKey(System.getenv("STREAMBIRD_API_KEY"))   // sk_test_... selects test mode
 *     .build();
 * Transfer t = streambird.transfers().createTransfer(request).execute();
 * }</pre>
 *
 * <p>Authentication: {@code Authorization: Bearer <secret key>}. Streambird creates and confirms
 * carry no idempotency key, so they are <b>never retried automatically</b>; a failure after the
 * request may have reached Streambird throws {@link
 * dev.transferkit.core.exception.OutcomeUnknownException}: check with getTransfer or the transfer
 * list before sending it again. GETs are retried (default 2 retries, backoff with jitter).
 *
 * <p>Thread-safe: build one client and share it.
 */
public final class StreambirdClient {
  /**
   * Streambird's environments: the spec's {@code servers}, named by their {@code
   * x-transferkit-environment} (the URLs are generated from the spec). Both are one host; the key
   * (sk_test_ or live) selects test mode.
   */
  public enum Environment {
    SANDBOX(Servers.SANDBOX),
    PRODUCTION(Servers.PRODUCTION);

    private final String baseUrl;

    Environment(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** The base URL of the environment's server. */
    public String baseUrl() {
      return baseUrl;
    }
  }

  static final String RECONCILE_HINT =
      "for a confirm, fetch the transfer with transfers().getTransfer(transferId)"
          + " and check its status; for a create, list the user's or wallet's transfers (transfers().listTransfers or"
          + " transfers().listAllTransfers, filtered by user_id or source) and look for one with the same dest and amount"
          + " created just now. An unconfirmed transfer that you do not confirm expires on its own.";

  private final Environment environment;
  private final HttpUrl baseUrl;
  private final TransfersApi transfers;
  private final WalletsApi wallets;

  private StreambirdClient(Builder b, Transport transport, @Nullable HttpUrl override) {
    this.environment = b.environment;
    this.baseUrl = override != null ? override : HttpUrl.get(environment.baseUrl());
    Transport.Services services =
        transport.services(
            baseUrl, new BearerAuth(Objects.requireNonNull(b.apiKey, "apiKey"), "apiKey"));
    this.transfers = new TransfersApi(services.retrofit());
    this.wallets = new WalletsApi(services.retrofit());
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Create, confirm, get and list transfers. Creates and confirms are never retried automatically.
   */
  public TransfersApi transfers() {
    return transfers;
  }

  /** Create and fetch managed wallets, read balances. */
  public WalletsApi wallets() {
    return wallets;
  }

  /** Environment and base URL; never credentials. */
  @Override
  public String toString() {
    return "StreambirdClient{environment=" + environment + ", baseUrl=" + baseUrl + "}";
  }

  /** Builds a {@link StreambirdClient}. Not thread-safe. */
  public static final class Builder extends ClientBuilder<Builder> {
    private @Nullable String apiKey;
    private Environment environment = Environment.SANDBOX;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * The app's secret API key ({@code sk_test_...} or live), sent as {@code Authorization:
     * Bearer}. Required. Refused with an IllegalArgumentException that names the setting, never the
     * value, if empty, surrounded by whitespace, or holding control or non-ASCII characters.
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Credentials.check(apiKey, "apiKey");
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
    public StreambirdClient build() {
      if (apiKey == null) {
        throw new IllegalStateException("StreambirdClient needs an apiKey");
      }
      Moshi moshi = Json.moshi();
      Transport transport =
          transport(
              new Transport.Provider(
                  "Streambird",
                  moshi,
                  new StreambirdErrorDecoder(moshi, Secrets.REDACTION),
                  RECONCILE_HINT,
                  Secrets.REDACTION));
      return new StreambirdClient(this, transport, baseUrlOverride());
    }

    /** Settings; never the API key. */
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
