package dev.transferkit.conformance.control;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The merchant's webhook endpoint: a JDK HTTP server on 127.0.0.1 that answers 200 to every POST
 * and keeps the raw body and headers exactly as received, for the steps to verify. Thread-safe.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One delivery: the exact body bytes and the headers (names lower-cased). */
  public record Delivery(byte[] body, Map<String, String> headers) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  /** Starts a receiver on a free loopback port. */
  public static WebhookReceiver start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.createContext(
          "/",
          exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
              byte[] body = in.readAllBytes();
              Map<String, String> headers = new TreeMap<>();
              exchange
                  .getRequestHeaders()
                  .forEach(
                      (name, values) ->
                          headers.put(
                              name.toLowerCase(java.util.Locale.ROOT),
                              values.isEmpty() ? "" : values.get(0)));
              receiver.deliveries.add(new Delivery(body, headers));
              exchange.sendResponseHeaders(200, -1);
            } finally {
              exchange.close();
            }
          });
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the webhook receiver", e);
    }
  }

  /** The URL to subscribe. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/circle";
  }

  /** Everything received so far, in arrival order. */
  public List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** Forgets what was received. */
  public void clear() {
    deliveries.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
