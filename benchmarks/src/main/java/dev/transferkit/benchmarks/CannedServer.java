package dev.transferkit.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process HTTP/1.1 server on 127.0.0.1 that answers every request with the same canned
 * response: HTTP 201, {@code Content-Type: application/json} and the documented Circle
 * create-account-transfer response ({@code payloads/circle-account-transfer-response.json}), after
 * reading the request body completely. It does no other work, so that a benchmark measures the
 * client.
 *
 * <p>The JDK server writes the status line and headers apart from the body. Without TCP_NODELAY,
 * every keep-alive response would wait for the client's delayed ACK (about 40 ms on Linux
 * loopback), so this class sets {@code sun.net.httpserver.nodelay=true} before the first server of
 * the JVM is created (the JDK reads it once). The benchmarks also pass it on the fork's command
 * line. {@link #start} fails if the setting did not take effect.
 */
public final class CannedServer implements AutoCloseable {
  static final String NODELAY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[] response;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong requestBytes = new AtomicLong();
  private final java.util.Set<java.net.InetSocketAddress> clients =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile String lastBody = "";

  private CannedServer(HttpServer server, ExecutorService executor, byte[] response) {
    this.server = server;
    this.executor = executor;
    this.response = response;
  }

  /** Starts a server on an ephemeral loopback port. */
  public static CannedServer start(byte[] response) throws IOException {
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    if (!Boolean.getBoolean(NODELAY)) {
      throw new IllegalStateException(
          NODELAY + " must be true (each response would wait ~40 ms otherwise)");
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    // One handler thread per connection in use; the benchmarks use one connection per client
    // thread.
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "canned-server");
              t.setDaemon(true);
              return t;
            });
    CannedServer canned = new CannedServer(server, executor, response.clone());
    server.setExecutor(executor);
    server.createContext("/", canned::handle);
    server.start();
    return canned;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      requests.incrementAndGet();
      clients.add(exchange.getRemoteAddress());
      requestBytes.addAndGet(body.length);
      if ((requests.get() & 0x3FF) == 1) {
        lastBody =
            new String(body, java.nio.charset.StandardCharsets.UTF_8); // sampled, for the checks
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(201, response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    }
  }

  /** {@code http://127.0.0.1:<port>/} */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  public long requests() {
    return requests.get();
  }

  /** Distinct client connections (remote address and port) seen so far. */
  public int connections() {
    return clients.size();
  }

  public long requestBytes() {
    return requestBytes.get();
  }

  /** A sampled request body (the first, then every 1024th). */
  public String sampledBody() {
    return lastBody;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
