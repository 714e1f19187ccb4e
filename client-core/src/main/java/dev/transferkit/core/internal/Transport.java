package dev.transferkit.core.internal;

import com.squareup.moshi.Moshi;
import dev.transferkit.core.ClientBuilder;
import dev.transferkit.core.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;

/**
 * The HTTP runtime a provider facade is built on: one OkHttpClient (connection pool, dispatcher,
 * timeouts) shared by all of the provider's services, TransferKit's interceptors (User-Agent,
 * request id, idempotency keys, safe retries, call deadline and body size bound, redirect guard,
 * logging) and Retrofit with the provider's JSON adapters and {@link ErrorDecoder}. Immutable and
 * thread-safe.
 */
public final class Transport {
  /** What the runtime needs to know about a provider. */
  public static final class Provider {
    final String name;
    final Moshi moshi;
    final ErrorDecoder errorDecoder;
    final String reconcileHint;
    final Redaction redaction;

    /**
     * @param name for messages ("Circle")
     * @param moshi with the provider's generated adapters
     * @param errorDecoder decodes the provider's error bodies
     * @param reconcileHint how to find out whether a create with an unknown outcome happened (ends
     *     an {@link dev.transferkit.core.exception.OutcomeUnknownException} message)
     * @param redaction the provider's secrets (its generated {@code internal.Secrets.REDACTION}),
     *     masked in logs and exception messages
     */
    public Provider(
        String name,
        Moshi moshi,
        ErrorDecoder errorDecoder,
        String reconcileHint,
        Redaction redaction) {
      this.name = Objects.requireNonNull(name, "name");
      this.moshi = Objects.requireNonNull(moshi, "moshi");
      this.errorDecoder = Objects.requireNonNull(errorDecoder, "errorDecoder");
      this.reconcileHint = Objects.requireNonNull(reconcileHint, "reconcileHint");
      this.redaction = Objects.requireNonNull(redaction, "redaction");
    }
  }

  private final OkHttpClient base;
  private final Provider provider;
  private final RuntimeInterceptor runtime;
  private final @Nullable Consumer<String> logger;

  /** What a client's builder was given; see {@link ClientBuilder}. */
  public static final class Settings {
    final @Nullable OkHttpClient httpClient;
    final Duration connectTimeout;
    final Duration readTimeout;
    final Duration writeTimeout;
    final Duration callTimeout;
    final RetryPolicy retryPolicy;
    final @Nullable Consumer<String> httpLogger;
    final long maxResponseBodySize;
    final boolean followRedirects;

    public Settings(
        @Nullable OkHttpClient httpClient,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        Duration callTimeout,
        RetryPolicy retryPolicy,
        @Nullable Consumer<String> httpLogger,
        long maxResponseBodySize,
        boolean followRedirects) {
      this.maxResponseBodySize = maxResponseBodySize;
      this.followRedirects = followRedirects;
      this.httpClient = httpClient;
      this.connectTimeout = connectTimeout;
      this.readTimeout = readTimeout;
      this.writeTimeout = writeTimeout;
      this.callTimeout = callTimeout;
      this.retryPolicy = retryPolicy;
      this.httpLogger = httpLogger;
    }
  }

  public Transport(Settings settings, Provider provider) {
    this.provider = provider;
    OkHttpClient.Builder b =
        settings.httpClient == null ? new OkHttpClient.Builder() : settings.httpClient.newBuilder();
    this.base =
        b.connectTimeout(settings.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(settings.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .writeTimeout(settings.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .callTimeout(settings.callTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .retryOnConnectionFailure(false)
            .followRedirects(settings.followRedirects)
            .followSslRedirects(settings.followRedirects)
            .build();
    this.runtime =
        new RuntimeInterceptor(
            UserAgent.VALUE,
            settings.retryPolicy,
            provider.name,
            provider.reconcileHint,
            provider.errorDecoder,
            new RuntimeInterceptor.Bounds(settings.callTimeout, settings.maxResponseBodySize));
    this.logger = settings.httpLogger;
  }

  private Transport(
      OkHttpClient base,
      Provider provider,
      RuntimeInterceptor runtime,
      @Nullable Consumer<String> logger) {
    this.base = base;
    this.provider = provider;
    this.runtime = runtime;
    this.logger = logger;
  }

  /**
   * The same runtime (sharing connection pool and dispatcher) with another call deadline, for calls
   * that must end sooner than the client's, such as webhook key fetches made while a provider waits
   * for the webhook's answer.
   */
  public Transport withCallTimeout(Duration callTimeout) {
    return new Transport(
        base.newBuilder().callTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS).build(),
        provider,
        runtime.withCallTimeout(callTimeout),
        logger);
  }

  /**
   * A factory of generated services for {@code baseUrl}, authenticating with {@code auth} (an
   * interceptor that adds credentials; it runs on every attempt, after idempotency keys are filled,
   * so it sees the exact bytes sent). A {@link BearerAuth} needs no per-attempt work: its header is
   * set with the runtime's own, once per call.
   */
  public Services services(HttpUrl baseUrl, Interceptor auth) {
    OkHttpClient.Builder b = base.newBuilder();
    if (auth instanceof BearerAuth) {
      b.addInterceptor(runtime.withAuthorization(((BearerAuth) auth).headerValue()));
    } else {
      b.addInterceptor(runtime).addInterceptor(auth);
    }
    if (logger != null) {
      b.addInterceptor(new HttpLogger(logger, provider.redaction));
    }
    b.addNetworkInterceptor(new SendMarker());
    b.addNetworkInterceptor(new RedirectGuard());
    OkHttpClient client = b.build();
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(client)
            .addConverterFactory(new JsonBodies(provider.moshi, runtime.keys(), provider.redaction))
            .addCallAdapterFactory(new ApiCallAdapterFactory(provider.errorDecoder))
            .build();
    return new Services(retrofit);
  }

  /** The provider's Moshi (generated adapters registered). */
  public Moshi moshi() {
    return provider.moshi;
  }

  /** Creates the generated services for one base URL, through Retrofit. Thread-safe. */
  public static final class Services {
    private final Retrofit retrofit;

    Services(Retrofit retrofit) {
      this.retrofit = retrofit;
    }

    /** The Retrofit the generated services are created on (their constructors take it). */
    public Retrofit retrofit() {
      return retrofit;
    }

    public HttpUrl baseUrl() {
      return retrofit.baseUrl();
    }
  }
}
