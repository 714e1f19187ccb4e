package dev.transferkit.wyre;

import com.squareup.moshi.Moshi;
import dev.transferkit.core.ClientBuilder;
import dev.transferkit.core.internal.BearerAuth;
import dev.transferkit.core.internal.Credentials;
import dev.transferkit.core.internal.Json;
import dev.transferkit.core.internal.Transport;
import dev.transferkit.wyre.api.TransfersApi;
import dev.transferkit.wyre.internal.Secrets;
import dev.transferkit.wyre.internal.Servers;
import java.time.Clock;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import org.jspecify.annotations.Nullable;

/**
 * Entry point to Wyre's v3 transfers ({@link #transfers()}).
 *
 * <pre>{@code
 * WyreClient wyre = WyreClient.builder()
 *     .hmac(System.getenv("WYRE_API_KEY"), System.getenv("WYRE_SECRET_KEY"))   // or .secretKey(...) for Bearer
 *     .environment(WyreClient.Environment.SANDBOX)
 *     .build();
 * Transfer t = wyre.transfers().createTransfer(request).execute();
 * }</pre>
 *
 * <p>Authentication is either {@code Authorization: Bearer <secret key>} ({@link
 * Builder#secretKey}) or Wyre's HMAC signing ({@link Builder#hmac}): {@code X-Api-Key}, {@code
 * X-Api-Version: 2} and {@code X-Api-Signature} over the full URL (with the {@code timestamp} query
 * parameter the client adds, and any {@code masqueradeAs}) followed by the exact body bytes sent.
 *
 * <p>Wyre creates and confirms carry no idempotency key, so they are <b>never retried
 * automatically</b>. If one fails after the request may have reached Wyre, it throws {@link
 * dev.transferkit.core.exception.OutcomeUnknownException}: look the transfer up (by id, or in the
 * list by the {@code customId} you set) before sending it again. Give every create a unique {@code
 * customId} so that this is possible. GETs are retried (default 2 retries, backoff with jitter).
 *
 * <p>Thread-safe: build one client and share it.
 */
public final class WyreClient {
  /**
   * Wyre's environments: the spec's {@code servers}, named by their {@code
   * x-transferkit-environment} (the URLs are generated from the spec).
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
      "fetch the transfer with transfers().getTransfer(id) if you know its id (for a"
          + " confirm, check its status); otherwise list recent transfers (transfers().listTransfers or"
          + " transfers().listAllTransfers) and look for the customId you set on the create request. Only if it is not"
          + " there, create it again.";

  private final Environment environment;
  private final HttpUrl baseUrl;
  private final boolean hmac;
  private final TransfersApi transfers;

  private WyreClient(Builder b, Transport transport, @Nullable HttpUrl override) {
    this.environment = b.environment;
    this.baseUrl = override != null ? override : HttpUrl.get(environment.baseUrl());
    String secretKey = Objects.requireNonNull(b.secretKey, "secretKey"); // build() checked it
    this.hmac = b.apiKey != null;
    Interceptor auth =
        b.apiKey != null
            ? new WyreHmacSigner(b.apiKey, secretKey, b.clock)
            : new BearerAuth(secretKey, "secretKey");
    this.transfers = new TransfersApi(transport.services(baseUrl, auth).retrofit());
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

  /** Environment, base URL and auth mode; never credentials. */
  @Override
  public String toString() {
    return "WyreClient{environment="
        + environment
        + ", baseUrl="
        + baseUrl
        + ", auth="
        + (hmac ? "HMAC" : "Bearer")
        + "}";
  }

  /** Builds a {@link WyreClient}. Not thread-safe. */
  public static final class Builder extends ClientBuilder<Builder> {
    private @Nullable String apiKey;
    private @Nullable String secretKey;
    private Environment environment = Environment.SANDBOX;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Bearer mode: {@code Authorization: Bearer <secretKey>}. Refused with an
     * IllegalArgumentException that names the setting, never the value, if empty, surrounded by
     * whitespace, or holding control or non-ASCII characters.
     */
    public Builder secretKey(String secretKey) {
      this.secretKey = requireText(secretKey, "secretKey");
      this.apiKey = null;
      return this;
    }

    /**
     * HMAC mode: every request is signed with {@code secretKey} and carries {@code X-Api-Key:
     * apiKey}. Both keys are checked like {@link #secretKey}'s.
     */
    public Builder hmac(String apiKey, String secretKey) {
      this.apiKey = requireText(apiKey, "apiKey");
      this.secretKey = requireText(secretKey, "secretKey");
      return this;
    }

    /** SANDBOX (the default) or PRODUCTION; ignored when {@link #baseUrl(String)} is set. */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** The clock for HMAC {@code timestamp}s (tests inject a fixed one). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if neither {@link #secretKey} nor {@link #hmac} was called
     */
    public WyreClient build() {
      if (secretKey == null) {
        throw new IllegalStateException(
            "WyreClient needs credentials: secretKey(...) or hmac(apiKey, secretKey)");
      }
      Moshi moshi = Json.moshi();
      Transport transport =
          transport(
              new Transport.Provider(
                  "Wyre",
                  moshi,
                  new WyreErrorDecoder(moshi, Secrets.REDACTION),
                  RECONCILE_HINT,
                  Secrets.REDACTION));
      return new WyreClient(this, transport, baseUrlOverride());
    }

    /** Settings; never the keys. */
    @Override
    public String toString() {
      return super.toString()
          + "{environment="
          + environment
          + ", auth="
          + (secretKey == null ? "unset" : apiKey != null ? "HMAC" : "Bearer")
          + "}";
    }

    private static String requireText(String value, String name) {
      return Credentials.check(value, name);
    }
  }
}
