package dev.transferkit.resilience;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A fault layer on loopback between a client and the sandbox. It forwards each request to the
 * sandbox unchanged (the Host header too, so Wyre signatures still match) and, for a configurable
 * share of them, injects a fault: drops the connection before the sandbox saw the request, drops it
 * after the sandbox processed it, answers 500, 503 (after processing) or 429 itself, or delays the
 * sandbox's answer past the client's read timeout.
 */
final class FaultProxy implements AutoCloseable {
  enum Fault {
    /** Connection dropped after the request was read; the sandbox never saw it. */
    DROP_BEFORE_PROCESSING,
    /**
     * The sandbox processed the request; the client's connection is dropped instead of answered.
     */
    DROP_AFTER_PROCESSING,
    /** HTTP 500 from the fault layer; the sandbox never saw the request. */
    ERROR_500_BEFORE_PROCESSING,
    /** The sandbox processed the request; the client gets HTTP 503 instead of its answer. */
    ERROR_503_AFTER_PROCESSING,
    /** HTTP 429 with Retry-After: 0 from the fault layer; the sandbox never saw the request. */
    RATE_LIMITED,
    /**
     * The sandbox processed the request; its answer is held back past the client's read timeout.
     */
    DELAY_PAST_READ_TIMEOUT
  }

  private final MockWebServer server = new MockWebServer();
  private final HttpUrl upstream;
  private final OkHttpClient forwarder =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .readTimeout(30, TimeUnit.SECONDS)
          .build();
  private final double faultRate;
  private final long delayMillis;
  private final Random random;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger forwarded = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Map<Fault, AtomicInteger> faults = new EnumMap<>(Fault.class);
  private final Map<String, AtomicInteger> forwardedPerPath = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> receivedPerPath = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> faultsPerPath = new ConcurrentHashMap<>();
  private volatile boolean enabled = true;

  /**
   * @param upstream the sandbox root (e.g. http://127.0.0.1:PORT/)
   * @param faultRate share of requests that get a fault, e.g. 0.2
   * @param delayMillis how long a delayed answer is held back (must exceed the client's read
   *     timeout)
   * @param seed seed of the fault choice, so a failing run can be repeated
   */
  FaultProxy(String upstream, double faultRate, long delayMillis, long seed) throws IOException {
    this.upstream = HttpUrl.get(upstream);
    this.faultRate = faultRate;
    this.delayMillis = delayMillis;
    this.random = new Random(seed);
    for (Fault f : Fault.values()) {
      faults.put(f, new AtomicInteger());
    }
    // Connections the client opens and then abandons (timeouts, pooled spares) are expected here.
    java.util.logging.Logger.getLogger(MockWebServer.class.getName())
        .setLevel(java.util.logging.Level.SEVERE);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return handle(request);
          }
        });
    // MockWebServer flushes the headers and the body of an answer separately; with Nagle's
    // algorithm on, every
    // answer would then wait for the client's delayed ACK (about 40 ms). Accepted sockets get
    // TCP_NODELAY.
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  /** Server sockets whose accepted connections have TCP_NODELAY set. */
  static final class NoDelayServerSocketFactory extends javax.net.ServerSocketFactory {
    @Override
    public java.net.ServerSocket createServerSocket() throws IOException {
      return new java.net.ServerSocket() {
        @Override
        public java.net.Socket accept() throws IOException {
          java.net.Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
    }

    @Override
    public java.net.ServerSocket createServerSocket(
        int port, int backlog, java.net.InetAddress address) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds the unbound socket itself");
    }
  }

  /** Base URL of the proxy with the given provider prefix, e.g. {@code circle/}. */
  String url(String prefix) {
    return server.url("/" + prefix).toString();
  }

  /**
   * Waits (at most 10 s) until no request is being forwarded to the sandbox. A reconciler that
   * looks a create up while that create is still being carried out finds nothing and would create
   * it again; a real one waits for the request to settle (or keeps looking for a while) before
   * concluding it did not happen. The client's read timeout is 250 ms, shorter than a cold
   * sandbox's first answers on a loaded machine.
   */
  void awaitIdle() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
  }

  /** Turns fault injection off (for the reconciliation phase) or on again. */
  void faultsEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  int requests() {
    return requests.get();
  }

  int forwarded() {
    return forwarded.get();
  }

  int injected(Fault fault) {
    return faults.get(fault).get();
  }

  int injectedTotal() {
    return faults.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /**
   * How many requests with this method and path reached the sandbox, e.g. {@code POST
   * /wyre/v3/transfers}.
   */
  int forwardedTo(String methodAndPath) {
    AtomicInteger n = forwardedPerPath.get(methodAndPath);
    return n == null ? 0 : n.get();
  }

  /**
   * How many requests with this method and path the client sent (whether or not they reached the
   * sandbox).
   */
  int receivedOn(String methodAndPath) {
    AtomicInteger n = receivedPerPath.get(methodAndPath);
    return n == null ? 0 : n.get();
  }

  /**
   * Requests received whose method and path start with {@code prefix} and end with {@code suffix}.
   */
  int receivedPerPrefix(String prefix, String suffix) {
    return receivedPerPath.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith(suffix))
        .mapToInt(e -> e.getValue().get())
        .sum();
  }

  /**
   * Faults of this kind injected on requests whose method and path start with prefix and end with
   * suffix.
   */
  int injectedPerPrefix(String prefix, String suffix, Fault fault) {
    String start = fault + " " + prefix;
    return faultsPerPath.entrySet().stream()
        .filter(e -> e.getKey().startsWith(start) && e.getKey().endsWith(suffix))
        .mapToInt(e -> e.getValue().get())
        .sum();
  }

  /** How many faults of this kind were injected on requests with this method and path. */
  int injectedOn(String methodAndPath, Fault fault) {
    AtomicInteger n = faultsPerPath.get(fault + " " + methodAndPath);
    return n == null ? 0 : n.get();
  }

  private MockResponse handle(RecordedRequest request) {
    requests.incrementAndGet();
    String methodAndPath = request.getMethod() + " " + request.getRequestUrl().encodedPath();
    receivedPerPath.computeIfAbsent(methodAndPath, k -> new AtomicInteger()).incrementAndGet();
    Fault fault = chooseFault();
    if (fault != null) {
      faults.get(fault).incrementAndGet();
      faultsPerPath
          .computeIfAbsent(fault + " " + methodAndPath, k -> new AtomicInteger())
          .incrementAndGet();
    }
    if (fault == Fault.DROP_BEFORE_PROCESSING) {
      return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
    }
    if (fault == Fault.ERROR_500_BEFORE_PROCESSING) {
      return new MockResponse()
          .setResponseCode(500)
          .setHeader("Content-Type", "text/html")
          .setBody("<html><body>Internal Server Error (injected)</body></html>");
    }
    if (fault == Fault.RATE_LIMITED) {
      return new MockResponse().setResponseCode(429).setHeader("Retry-After", "0");
    }
    MockResponse answer;
    inFlight.incrementAndGet();
    try {
      answer = forward(request);
    } finally {
      inFlight.decrementAndGet();
    }
    if (fault == Fault.DROP_AFTER_PROCESSING) {
      return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
    }
    if (fault == Fault.ERROR_503_AFTER_PROCESSING) {
      return new MockResponse()
          .setResponseCode(503)
          .setHeader("Content-Type", "text/plain")
          .setBody("Service Unavailable (injected)");
    }
    if (fault == Fault.DELAY_PAST_READ_TIMEOUT) {
      answer.setHeadersDelay(delayMillis, TimeUnit.MILLISECONDS);
    }
    return answer;
  }

  private synchronized Fault chooseFault() {
    if (!enabled || random.nextDouble() >= faultRate) {
      return null;
    }
    Fault[] all = Fault.values();
    return all[random.nextInt(all.length)];
  }

  private MockResponse forward(RecordedRequest in) {
    HttpUrl url =
        upstream
            .newBuilder()
            .encodedPath(in.getRequestUrl().encodedPath())
            .encodedQuery(in.getRequestUrl().encodedQuery())
            .build();
    Headers.Builder headers = new Headers.Builder();
    for (String name : in.getHeaders().names()) {
      if (!name.equalsIgnoreCase("Content-Length")
          && !name.equalsIgnoreCase("Connection")
          && !name.equalsIgnoreCase("Accept-Encoding")) {
        for (String value : in.getHeaders().values(name)) {
          headers.add(name, value);
        }
      }
    }
    byte[] body = in.getBody().readByteArray();
    String contentType = in.getHeader("Content-Type");
    RequestBody requestBody =
        in.getMethod().equals("GET") || in.getMethod().equals("HEAD")
            ? null
            : RequestBody.create(body, contentType == null ? null : MediaType.get(contentType));
    Request out =
        new Request.Builder()
            .url(url)
            .headers(headers.build())
            .method(in.getMethod(), requestBody)
            .build();
    forwarded.incrementAndGet();
    forwardedPerPath
        .computeIfAbsent(
            in.getMethod() + " " + in.getRequestUrl().encodedPath(), k -> new AtomicInteger())
        .incrementAndGet();
    try (Response response = forwarder.newCall(out).execute()) {
      MockResponse answer = new MockResponse().setResponseCode(response.code());
      for (String name : response.headers().names()) {
        if (!name.equalsIgnoreCase("Content-Length")
            && !name.equalsIgnoreCase("Transfer-Encoding")
            && !name.equalsIgnoreCase("Connection")) {
          for (String value : response.headers().values(name)) {
            answer.addHeader(name, value);
          }
        }
      }
      return answer.setBody(new okio.Buffer().write(response.body().bytes()));
    } catch (IOException e) {
      return new MockResponse()
          .setResponseCode(502)
          .setBody("fault proxy could not reach the sandbox: " + e);
    }
  }

  /** One line per fault kind, for the test report. */
  String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(requests())
        .append(" requests, ")
        .append(forwarded())
        .append(" reached the sandbox, ")
        .append(injectedTotal())
        .append(" faults injected:");
    faults.forEach((f, n) -> sb.append(' ').append(f).append('=').append(n.get()));
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
