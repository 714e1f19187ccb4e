package dev.transferkit.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local endpoint that records what is POSTed to it; it can be told to fail the next few
 * deliveries.
 */
final class WebhookReceiver implements AutoCloseable {
  record Received(byte[] body, Map<String, List<String>> headers) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  final AtomicInteger failNext = new AtomicInteger();

  /**
   * Runs on each delivery before it is answered (a subscriber that calls back into the sandbox,
   * say).
   */
  volatile java.util.function.Consumer<Received> onDelivery = r -> {};

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Received r = new Received(body, Map.copyOf(exchange.getRequestHeaders()));
          synchronized (received) {
            received.add(r);
          }
          onDelivery.accept(r);
          int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
