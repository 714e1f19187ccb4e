package dev.transferkit.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local, stateful simulator of the Circle, Wyre and Streambird APIs described in {@code specs/}:
 * balances move, idempotency keys hold, transfers walk their documented lifecycles on a {@link
 * SandboxClock}, webhooks are sent and signed. Every request and every response is validated
 * against the spec of the provider it addresses.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().port(0).strictResponses(true).build().start()) {
 *   String circle = sandbox.circleBaseUrl();   // http://127.0.0.1:<port>/circle
 *   sandbox.clock().advance(Duration.ofMinutes(61));
 *   assertTrue(sandbox.responseViolations().isEmpty());
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of clients may call it concurrently.
 */
public final class Sandbox implements AutoCloseable {
  // Initialised here, on the caller's thread, before the parallel spec loading logs anything.
  private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

  private final String host;
  private final int requestedPort;
  private final SandboxClock clock;
  private final boolean strictResponses;
  private final String adminToken;
  private Engine engine;
  private Front front;
  private int port = -1;
  private Runnable clockListener;
  private ScheduledExecutorService ticker;
  private boolean closed;

  private Sandbox(Builder b) {
    this.host = b.host;
    this.requestedPort = b.port;
    this.clock = b.clock != null ? b.clock : SandboxClock.frozenAtNow();
    this.strictResponses = b.strictResponses;
    this.adminToken = b.adminToken != null ? b.adminToken : loopback(host) ? null : newToken();
  }

  /** True when {@code host} names only loopback interfaces (0.0.0.0, "any", is not loopback). */
  static boolean loopback(String host) {
    try {
      for (java.net.InetAddress a : java.net.InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (java.net.UnknownHostException e) {
      return false; // binding will fail anyway; never open the admin API on a guess
    }
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.HexFormat.of().formatHex(bytes);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Loads the specs, seeds the books and starts listening. Returns this sandbox. */
  public synchronized Sandbox start() {
    if (front != null) {
      throw new IllegalStateException("already started");
    }
    long t0 = System.nanoTime();
    // The specs are parsed while the server starts; start() returns when both are done.
    CompletableFuture<Specs> specs = Specs.loadShared(Sandbox::daemon);
    engine = new Engine(clock);
    engine.circle = new CircleApi(engine);
    engine.wyre = new WyreApi(engine);
    engine.streambird = new StreambirdApi(engine);
    engine.reset();
    front = new Front(engine, specs, strictResponses, adminToken);
    try {
      port =
          front.start(
              host,
              requestedPort,
              List.of(engine.circle, engine.wyre, engine.streambird),
              new AdminApi(engine, this));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while starting to listen on " + host + ":" + requestedPort, e);
    } catch (
        Exception
            e) { // Netty's bind throws the socket's checked exception (BindException) undeclared
      front.stop();
      throw new IllegalStateException(
          "cannot listen on " + host + ":" + requestedPort + ": " + e, e);
    }
    long t1 = System.nanoTime();
    try {
      front.awaitRoutes();
    } catch (RuntimeException e) {
      front.stop();
      throw e;
    }
    clockListener = engine::tick;
    clock.addListener(clockListener);
    if (clock.isTicking()) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "sandbox-clock");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleWithFixedDelay(engine::tick, 1, 1, TimeUnit.SECONDS);
    }
    LOG.debug(
        "sandbox listening on {}:{}: books and server ready in {} ms, specs {} ms later",
        host,
        port,
        (t1 - t0) / 1_000_000,
        (System.nanoTime() - t1) / 1_000_000);
    return this;
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "sandbox-spec-loader");
    t.setDaemon(true);
    t.start();
  }

  /** The port the sandbox listens on. */
  public int port() {
    requireStarted();
    return port;
  }

  /** {@code http://<host>:<port>/} */
  public String baseUrl() {
    requireStarted();
    return "http://" + host + ":" + port + "/";
  }

  /*
   * The provider base URLs have no trailing '/', like the servers the providers document (https://api.circle.com):
   * they go wherever a provider's base URL goes, and SDKs that append "/v1/..." to it (Circle's Node SDKs do) would
   * otherwise ask for "//v1/...".
   */

  /**
   * Base URL of the simulated Circle APIs, without a trailing '/': append e.g. {@code
   * /v1/accounts/transfers}.
   */
  public String circleBaseUrl() {
    return baseUrl() + "circle";
  }

  /**
   * Base URL of the simulated Wyre API, without a trailing '/': append e.g. {@code /v3/transfers}.
   */
  public String wyreBaseUrl() {
    return baseUrl() + "wyre";
  }

  /**
   * Base URL of the simulated Streambird API, without a trailing '/': append e.g. {@code
   * /v1/transfers/create}.
   */
  public String streambirdBaseUrl() {
    return baseUrl() + "streambird";
  }

  /** Base URL of the sandbox-only admin API (see the module README), ending with '/'. */
  public String adminBaseUrl() {
    return baseUrl() + "__admin/";
  }

  /**
   * The token the admin API (under {@link #adminBaseUrl()}, the seed listing included) requires as
   * {@code Authorization: Bearer <token>}, or null when it is open. It is open on a loopback
   * address unless a token was given; bound to any other address it always requires one (given, or
   * generated here).
   */
  public String adminToken() {
    return adminToken;
  }

  /** The clock all sandbox behaviour runs on. */
  public SandboxClock clock() {
    return clock;
  }

  /** The seeded keys and ids. */
  public SandboxSeed seed() {
    requireStarted();
    return new SandboxSeed(engine.notificationKeyId);
  }

  /**
   * Every response so far that broke the spec (each was replaced by a 500 when {@code
   * strictResponses} is on). Tests should assert this is empty.
   */
  /**
   * The operations of the specs that no handler simulates (answered 501), as {@code provider
   * operationId (METHOD path in file)}; logged at start-up too. Empty when the sandbox covers the
   * whole contract.
   */
  public List<String> unhandledOperations() {
    requireStarted();
    return List.copyOf(front.unhandled);
  }

  public List<ResponseViolation> responseViolations() {
    requireStarted();
    return List.copyOf(front.violations);
  }

  /**
   * Back to the seed: all providers' books, pending lifecycle steps and webhooks. The clock is left
   * as it is.
   */
  public void reset() {
    requireStarted();
    engine.reset();
  }

  /** Stops the server. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (clockListener != null) {
      clock.removeListener(clockListener);
    }
    if (front != null) {
      front.stop();
    }
  }

  private void requireStarted() {
    if (front == null) {
      throw new IllegalStateException("the sandbox is not started");
    }
  }

  /** Configures a {@link Sandbox}. Not thread-safe. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 0;
    private SandboxClock clock;
    private boolean strictResponses;
    private String adminToken;

    private Builder() {}

    /**
     * The admin API's token (see {@link Sandbox#adminToken()}); by default none on loopback and a
     * random one on any other address.
     */
    public Builder adminToken(String token) {
      if (token.isBlank()) {
        throw new IllegalArgumentException("the admin token must not be blank");
      }
      this.adminToken = token;
      return this;
    }

    /** TCP port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Interface to bind; the default is {@code 127.0.0.1} (loopback only). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    /** The clock to run on; the default is a frozen clock at the current time. */
    public Builder clock(SandboxClock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * When true, a response that breaks the spec is replaced by a 500 naming the problem (and
     * recorded in {@link Sandbox#responseViolations()}); when false (the default) it is sent as-is,
     * logged and recorded.
     */
    public Builder strictResponses(boolean strict) {
      this.strictResponses = strict;
      return this;
    }

    public Sandbox build() {
      return new Sandbox(this);
    }
  }
}
