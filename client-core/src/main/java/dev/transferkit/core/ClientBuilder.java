package dev.transferkit.core;

import dev.transferkit.core.internal.BaseUrls;
import dev.transferkit.core.internal.Transport;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Settings every provider client shares: base URL override, timeouts and the call deadline, the
 * response size limit, redirects, retries, an optional caller-supplied {@link OkHttpClient} and
 * opt-in HTTP logging. Every call is bounded by default (see {@link #callTimeout} and {@link
 * #maxResponseBodySize}) and redirects are not followed. The provider facades' builders extend it
 * and add credentials and environments. Not thread-safe; the clients it builds are.
 *
 * @param <B> the concrete builder
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  /**
   * The default bound on a whole call, connect, write, read and every retry and wait included: 60
   * s.
   */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  /** The default bound on a response body: 10 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BODY_SIZE = 10L * 1024 * 1024;

  private @Nullable HttpUrl baseUrl;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(30);
  private Duration writeTimeout = Duration.ofSeconds(30);
  private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
  private long maxResponseBodySize = DEFAULT_MAX_RESPONSE_BODY_SIZE;
  private boolean followRedirects;
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private @Nullable OkHttpClient httpClient;
  private @Nullable Consumer<String> httpLogger;

  protected ClientBuilder() {}

  protected abstract B self();

  /**
   * Sends every request to this base URL instead of the environment's (a local sandbox, a proxy, a
   * mock server). A missing trailing '/' is added. Plain {@code http} is accepted only for loopback
   * hosts (127.0.0.1, ::1, localhost).
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

  /**
   * Deadline of a whole call: connecting, writing, the server's work, reading the body, and every
   * retry and wait between retries; default {@link #DEFAULT_CALL_TIMEOUT 60 s}. A server that sends
   * its answer one byte at a time cannot hold a call longer. When it passes, a call that is safe to
   * repeat fails with a {@link dev.transferkit.core.exception.NetworkException}, and a create or
   * confirm that may have reached the provider with an {@link
   * dev.transferkit.core.exception.OutcomeUnknownException}. A retry whose wait would end after the
   * deadline is not attempted. {@link Duration#ZERO} removes the bound (not recommended).
   */
  public B callTimeout(Duration timeout) {
    this.callTimeout = nonNegative(timeout, "callTimeout");
    return self();
  }

  /**
   * The largest response body the client reads, in bytes; default {@link
   * #DEFAULT_MAX_RESPONSE_BODY_SIZE 10 MiB}. A longer body (announced by {@code Content-Length} or
   * found while reading) fails the call with a {@link
   * dev.transferkit.core.exception.ResponseTooLargeException} as soon as the limit is passed; the
   * rest is not read.
   *
   * @throws IllegalArgumentException if {@code bytes} is less than 1
   */
  public B maxResponseBodySize(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxResponseBodySize must be >= 1, was " + bytes);
    }
    this.maxResponseBodySize = bytes;
    return self();
  }

  /**
   * Whether to follow HTTP redirects; default {@code false}: a 3xx answer fails the call with a
   * {@link dev.transferkit.core.exception.RedirectException} (an {@link
   * dev.transferkit.core.exception.OutcomeUnknownException} for a create without idempotency key).
   * When on, a redirect to another origin (scheme, host or port) is followed without any credential
   * header ({@code Authorization}, {@code X-Api-Key}, {@code X-Api-Signature}, {@code
   * X-User-Token}, cookies), and a redirect is never followed if it would send the request body to
   * another origin or change the method (a POST answered with 301, 302 or 303): those fail with a
   * {@code RedirectException} too.
   */
  public B followRedirects(boolean follow) {
    this.followRedirects = follow;
    return self();
  }

  /**
   * Retries for calls that may be retried (GETs and idempotency-protected POSTs); default 2, 0
   * disables.
   */
  public B maxRetries(int maxRetries) {
    this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
    return self();
  }

  /**
   * The full retry policy (backoff, Retry-After cap; tests inject a sleeper and a fixed jitter).
   */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return self();
  }

  /**
   * An OkHttpClient to build on (to share its connection pool and dispatcher, or keep its proxy,
   * TLS and interceptors). The client is not modified: TransferKit derives its own with {@link
   * OkHttpClient#newBuilder()}, sets the timeouts and redirect setting of this builder (the
   * client's own {@code followRedirects} is overridden), turns OkHttp's silent connection-failure
   * retries off (they could send a non-idempotent POST twice; TransferKit retries only what is
   * safe) and adds its interceptors after the caller's.
   */
  public B httpClient(OkHttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    return self();
  }

  /**
   * Turns on HTTP logging: each request and response line, headers and bodies, with credentials and
   * secret fields masked, is passed to {@code logger} (for example {@code line -> log.debug(line)}
   * or {@code System.err::println}). Off by default.
   */
  public B httpLogger(Consumer<String> logger) {
    this.httpLogger = Objects.requireNonNull(logger, "logger");
    return self();
  }

  /** The base URL set with {@link #baseUrl(String)}, or null to use the environment's. */
  protected final @Nullable HttpUrl baseUrlOverride() {
    return baseUrl;
  }

  /** The shared HTTP runtime for a provider, from these settings. */
  protected final Transport transport(Transport.Provider provider) {
    return new Transport(
        new Transport.Settings(
            httpClient,
            connectTimeout,
            readTimeout,
            writeTimeout,
            callTimeout,
            retryPolicy,
            httpLogger,
            maxResponseBodySize,
            followRedirects),
        provider);
  }

  /** Lists the settings; never credentials. */
  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "{baseUrl="
        + baseUrl
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", callTimeout="
        + callTimeout
        + ", maxResponseBodySize="
        + maxResponseBodySize
        + ", followRedirects="
        + followRedirects
        + ", "
        + retryPolicy
        + ", logging="
        + (httpLogger != null)
        + "}";
  }

  private static Duration nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return d;
  }
}
