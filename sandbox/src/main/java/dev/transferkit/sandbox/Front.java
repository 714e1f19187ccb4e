package dev.transferkit.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side, on the JDK's built-in server ({@code com.sun.net.httpserver}): routes for every provider operation
 * and the admin API. Each provider request goes through the same pipeline: authenticate, validate against the spec,
 * handle, validate the response against the spec, write.
 */
final class Front {
  private static final Logger LOG = LoggerFactory.getLogger(Front.class);
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
  private static final int MAX_BODY = 1_000_000;

  /** What the admin API registers: a handler of the path parameters and the parsed body. */
  interface AdminHandler {
    void handle(HttpExchange exchange, Map<String, String> pathParams, byte[] body) throws IOException;
  }

  private sealed interface Target permits ProviderTarget, AdminTarget {}

  private record ProviderTarget(ProviderApi provider, ProviderApi.Route route) implements Target {}

  private record AdminTarget(AdminHandler handler) implements Target {}

  private final Engine engine;
  private final CompletableFuture<Specs> specsLoading;
  private volatile Specs specs;
  private final boolean strictResponses;
  final List<ResponseViolation> violations = new CopyOnWriteArrayList<>();
  final Specs.Stats stats = new Specs.Stats();
  private final Router<Target> router = new Router<>();
  static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
  private static final String BEFORE_RESPONSE = "transferkit.beforeResponse";
  private HttpServer server;
  private ExecutorService executor;

  Front(Engine engine, CompletableFuture<Specs> specs, boolean strictResponses) {
    this.engine = engine;
    this.specsLoading = specs;
    this.strictResponses = strictResponses;
  }

  void admin(String method, String path, AdminHandler handler) {
    router.add(method, "/__admin/" + path, new AdminTarget(handler));
  }

  int start(String host, int port, List<ProviderApi> providers, AdminApi admin) throws IOException {
    for (ProviderApi provider : providers) {
      for (ProviderApi.Route route : provider.routes) {
        router.add(route.method(), "/" + provider.prefix() + route.path(), new ProviderTarget(provider, route));
      }
    }
    admin.register(this);
    for (ProviderApi provider : providers) {
      for (String method : METHODS) {
        router.add(method, "/" + provider.prefix() + "/*", new ProviderTarget(provider, null));
      }
    }
    AtomicInteger threads = new AtomicInteger();
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Worker(r, "sandbox-http-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    // The JDK server writes the status line and headers apart from the body; with Nagle's algorithm on, each
    // keep-alive response then waits for the client's delayed ACK (about 40 ms a request, measured). The JDK reads
    // this setting once, when its first server is created in the JVM.
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
    server = HttpServer.create(new InetSocketAddress(host, port), 256);
    // A request on the only active connection is handled on the server's dispatcher thread: handing each one to a
    // worker thread and back cost a quarter of the throughput with one connection (measured). With several active
    // connections, workers handle them in parallel. What may block never runs on the dispatcher: admin calls and
    // answers that must wait for webhook deliveries (a subscriber may call back into the sandbox, which needs the
    // dispatcher) move to a worker, and deliveries always run on workers.
    server.setExecutor(Runnable::run);
    server.createContext("/", this::handle);
    server.start();
    return server.getAddress().getPort();
  }

  void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /** The worker pool's threads; handle() runs on the server's dispatcher thread otherwise. */
  private static final class Worker extends Thread {
    Worker(Runnable r, String name) {
      super(r, name);
    }
  }

  private static final String DEFERRED = "transferkit.deferred";

  /**
   * Runs before a response is written: admin calls and requests that queued notifications answer only after those
   * notifications were attempted, so that a caller who gets the answer can rely on them. Other requests do not wait:
   * a subscriber that calls back into the sandbox (to fetch the signing key) while a delivery is in flight must not
   * wait for that delivery. On the dispatcher thread the wait and the response move to a worker ({@code handOff}).
   */
  private final class BeforeResponse {
    final boolean adminCall;
    final long queuedBefore;
    final java.util.concurrent.Executor handOff;
    private final java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();

    BeforeResponse(boolean adminCall, long queuedBefore, java.util.concurrent.Executor handOff) {
      this.adminCall = adminCall;
      this.queuedBefore = queuedBefore;
      this.handOff = handOff;
    }

    /** True (once) when the response must wait for deliveries. */
    boolean mustWait() {
      return done.compareAndSet(false, true) && (adminCall || engine.webhooks.queued() != queuedBefore);
    }

    void await() {
      engine.webhooks.pumpAndWait();
    }

    void afterResponse() {
      engine.webhooks.pump();
    }
  }

  /** The connection of the last request the dispatcher saw, and when (only the dispatcher thread uses these). */
  private java.net.InetSocketAddress lastRemote;
  private long lastNanos;
  private static final long CONCURRENT_WITHIN_NANOS = 1_000_000L;

  /**
   * True when this request's connection is the only one active: the last request came from the same connection, or
   * more than a millisecond ago. Then handling it right here is fastest; with several connections active the
   * dispatcher only routes and worker threads handle (on two or more cores, in parallel).
   */
  private boolean alone(HttpExchange exchange) {
    java.net.InetSocketAddress remote = exchange.getRemoteAddress();
    long now = System.nanoTime();
    boolean alone = remote.equals(lastRemote) || now - lastNanos > CONCURRENT_WITHIN_NANOS;
    lastRemote = remote;
    lastNanos = now;
    return alone;
  }

  private void handle(HttpExchange exchange) throws IOException {
    boolean onDispatcher = !(Thread.currentThread() instanceof Worker);
    String method = exchange.getRequestMethod().toUpperCase();
    String rawPath = exchange.getRequestURI().getRawPath();
    Router.Match<Target> match = router.match(method, rawPath);
    boolean adminCall = match != null && match.handler() instanceof AdminTarget;
    if (onDispatcher && (adminCall || !alone(exchange))) {
      executor.execute(() -> {
        try {
          handle(exchange);
        } catch (IOException | RuntimeException e) {
          LOG.warn("{} {} failed", method, rawPath, e);
          exchange.close();
        }
      });
      return;
    }
    try {
      byte[] body = readBody(exchange);
      if (body == null) {
        send(exchange, 413, new byte[0], Map.of());
        return;
      }
      exchange.setAttribute(BEFORE_RESPONSE,
          new BeforeResponse(adminCall, engine.webhooks.queued(), onDispatcher ? executor : null));
      if (match == null) {
        send(exchange, 404, Json.bytes(Json.object().put("error", "no such path: " + method + " " + rawPath)),
            Map.of());
      } else if (match.handler() instanceof AdminTarget admin) {
        admin.handler().handle(exchange, match.pathParams(), body);
      } else {
        ProviderTarget p = (ProviderTarget) match.handler();
        dispatch(p.provider(), p.route(), toCall(p.provider(), exchange, match.pathParams(), body), exchange);
      }
    } catch (RuntimeException e) {
      LOG.error("sandbox failure on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      if (exchange.getResponseCode() < 0 && exchange.getAttribute(DEFERRED) == null) {
        send(exchange, 500, Json.bytes(Json.object().put("error", "sandbox failure: " + e)), Map.of());
      }
    } finally {
      if (exchange.getAttribute(DEFERRED) == null) {
        exchange.close();
        // State may have changed and queued notifications: deliver them now, outside the engine lock (on a worker
        // when this is the dispatcher thread, and only if there is anything to deliver).
        if (!onDispatcher) {
          engine.webhooks.pump();
        } else if (engine.webhooks.anyPending()) {
          executor.execute(engine.webhooks::pump);
        }
      }
    }
  }

  private void dispatch(ProviderApi provider, ProviderApi.Route route, Call call, HttpExchange exchange)
      throws IOException {
    Specs specs = this.specs;
    if (specs == null) {
      // Only while start() is still loading the specs in parallel with the server start.
      specs = this.specs = specsLoading.join();
    }
    Reply reply;
    try {
      if (route == null) {
        throw provider.unknownPath(call);
      }
      synchronized (engine) {
        provider.authenticate(call, route);
      }
      List<Errors.Problem> problems = specs.validateRequest(route.spec(), route.path(), call, stats);
      if (!problems.isEmpty()) {
        throw provider.invalid(route, call, problems);
      }
      reply = route.op().handle(call);
    } catch (ApiError e) {
      reply = e.reply();
    } catch (NumberFormatException | ArithmeticException e) {
      // Input the schema check let through but that is not a usable number (an integer query parameter with
      // surrounding whitespace, an amount with an exponent beyond BigDecimal's range): the caller's error, not ours.
      reply = provider.invalid(route, call, List.of(new Errors.Problem("invalid_value", "request",
          "A number in the request cannot be used: " + e.getMessage(), ""))).reply();
    } catch (Exception e) {
      LOG.error("sandbox failure on {} {}", call.method, call.path, e);
      reply = provider.internal("Sandbox failure: " + e).reply();
    }
    String requestId = call.header("X-Request-Id");
    if (requestId != null) {
      reply.header("X-Request-Id", requestId);
    }
    byte[] body = reply.body == null ? new byte[0] : Json.bytes(reply.body);
    if (route != null) {
      List<String> problems = specs.validateResponse(route.spec(), route.path(), call, reply, body, stats);
      if (!problems.isEmpty()) {
        ResponseViolation v = new ResponseViolation(provider.prefix(), call.method, call.path, reply.status, problems,
            new String(body, StandardCharsets.UTF_8));
        violations.add(v);
        if (strictResponses) {
          Reply failure =
              provider.internal("Sandbox response violates " + route.spec() + ": " + String.join("; ", problems))
                  .reply();
          failure.headers.putAll(reply.headers);
          reply = failure;
          body = Json.bytes(reply.body);
        } else {
          LOG.warn("response violates the spec: {}", v);
        }
      }
    }
    send(exchange, reply.status, body, reply.headers);
  }

  static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
    Object hook = exchange.getAttribute(BEFORE_RESPONSE);
    if (hook instanceof BeforeResponse before && before.mustWait()) {
      if (before.handOff != null) {
        // On the dispatcher thread: wait for the deliveries and answer on a worker; handle() leaves the exchange open.
        exchange.setAttribute(DEFERRED, Boolean.TRUE);
        before.handOff.execute(() -> {
          try (exchange) {
            before.await();
            write(exchange, status, body, headers);
          } catch (IOException | RuntimeException e) {
            LOG.warn("answer to {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
          } finally {
            before.afterResponse();
          }
        });
        return;
      }
      before.await();
    }
    write(exchange, status, body, headers);
  }

  private static void write(HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
      throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (body.length > 0) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    boolean noBody = body.length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      String length = exchange.getRequestHeaders().getFirst("Content-Length");
      if (length != null && length.length() <= 7) { // the usual case: read exactly the announced bytes in one go
        int n;
        try {
          n = Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
          n = -1;
        }
        if (n >= 0 && n <= MAX_BODY) {
          return in.readNBytes(n); // the server's stream ends after the announced length
        }
      }
      byte[] body = in.readNBytes(MAX_BODY + 1);
      return body.length > MAX_BODY ? null : body;
    }
  }

  static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static Call toCall(ProviderApi provider, HttpExchange exchange, Map<String, String> pathParams, byte[] body) {
    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    String prefix = "/" + provider.prefix();
    String path = rawPath.startsWith(prefix) ? rawPath.substring(prefix.length()) : rawPath;
    if (path.isEmpty()) {
      path = "/";
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null) {
      host = exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
    }
    String fullUrl = "http://" + host + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
    return new Call(exchange.getRequestMethod().toUpperCase(), path, fullUrl, parseQuery(rawQuery), headers,
        pathParams, body);
  }
}
