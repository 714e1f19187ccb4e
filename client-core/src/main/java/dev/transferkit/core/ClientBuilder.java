package dev.transferkit.core;

import dev.transferkit.core.internal.Transport;
import dev.transferkit.core.internal.BaseUrls;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Settings every provider client shares: base URL override, timeouts, retries, an optional caller-supplied
 * {@link OkHttpClient} and opt-in HTTP logging. The provider facades' builders extend it and add credentials and
 * environments. Not thread-safe; the clients it builds are.
 *
 * @param <B> the concrete builder
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  private HttpUrl baseUrl;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(30);
  private Duration writeTimeout = Duration.ofSeconds(30);
  private Duration callTimeout = Duration.ZERO;
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private OkHttpClient httpClient;
  private Consumer<String> httpLogger;

  protected ClientBuilder() {}

  protected abstract B self();

  /**
   * Sends every request to this base URL instead of the environment's (a local sandbox, a proxy, a mock server). A
   * missing trailing '/' is added. Plain {@code http} is accepted only for loopback hosts (127.0.0.1, ::1, localhost).
   *
   * @throws IllegalArgumentException if the URL is malformed or plain HTTP to a non-loopback host
   */
  public B baseUrl(String baseUrl) {
    this.baseUrl = BaseUrls.normalize(baseUrl);
    return self();
  }

  /** Timeout for establishing a connection; default 10 s. */
  public B connectTimeout(Duration timeout) {
    this.connectTimeout = nonNegative(timeout, "connectTimeout");
    return self();
  }

  /** Timeout between bytes while reading a response; default 30 s. */
  public B readTimeout(Duration timeout) {
    this.readTimeout = nonNegative(timeout, "readTimeout");
    return self();
  }

  /** Timeout between bytes while writing a request; default 30 s. */
  public B writeTimeout(Duration timeout) {
    this.writeTimeout = nonNegative(timeout, "writeTimeout");
    return self();
  }

  /** Limit on a whole call, retries and waits included; default none ({@link Duration#ZERO}). */
  public B callTimeout(Duration timeout) {
    this.callTimeout = nonNegative(timeout, "callTimeout");
    return self();
  }

  /** Retries for calls that may be retried (GETs and idempotency-protected POSTs); default 2, 0 disables. */
  public B maxRetries(int maxRetries) {
    this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
    return self();
  }

  /** The full retry policy (backoff, Retry-After cap; tests inject a sleeper and a fixed jitter). */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return self();
  }

  /**
   * An OkHttpClient to build on (to share its connection pool and dispatcher, or keep its proxy, TLS and
   * interceptors). The client is not modified: TransferKit derives its own with {@link OkHttpClient#newBuilder()},
   * sets the timeouts of this builder, turns OkHttp's silent connection-failure retries off (they could send a
   * non-idempotent POST twice; TransferKit retries only what is safe) and adds its interceptors after the caller's.
   */
  public B httpClient(OkHttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    return self();
  }

  /**
   * Turns on HTTP logging: each request and response line, headers and bodies, with credentials and secret fields
   * masked, is passed to {@code logger} (for example {@code line -> log.debug(line)} or {@code System.err::println}).
   * Off by default.
   */
  public B httpLogger(Consumer<String> logger) {
    this.httpLogger = Objects.requireNonNull(logger, "logger");
    return self();
  }

  /** The base URL set with {@link #baseUrl(String)}, or null to use the environment's. */
  protected final HttpUrl baseUrlOverride() {
    return baseUrl;
  }

  /** The shared HTTP runtime for a provider, from these settings. */
  protected final Transport transport(Transport.Provider provider) {
    return new Transport(new Transport.Settings(httpClient, connectTimeout, readTimeout, writeTimeout, callTimeout,
        retryPolicy, httpLogger), provider);
  }








  /** Lists the settings; never credentials. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "{baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout + ", " + retryPolicy
        + ", logging=" + (httpLogger != null) + "}";
  }

  private static Duration nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return d;
  }
}
