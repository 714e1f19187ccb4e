package dev.transferkit.conformance.spec;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where the spec check hands every exchange it saw (masked, with its verdict) to whoever reports on
 * them: the HTML report and the drift recorder. Static because both ends are created by Cucumber
 * (plugins by their class name, the clients by the glue) and meet nowhere else; a listener
 * subscribes for the run it reports on. Thread-safe.
 */
public final class ExchangeLog {
  private static final List<Consumer<RecordedExchange>> LISTENERS = new CopyOnWriteArrayList<>();

  private ExchangeLog() {}

  /** Subscribes {@code listener}; the returned handle unsubscribes it. */
  public static AutoCloseable subscribe(Consumer<RecordedExchange> listener) {
    LISTENERS.add(listener);
    return () -> LISTENERS.remove(listener);
  }

  static void publish(RecordedExchange exchange) {
    LISTENERS.forEach(l -> l.accept(exchange));
  }

  static boolean hasListeners() {
    return !LISTENERS.isEmpty();
  }
}
