package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outgoing notifications (Circle webhooks, Wyre notifyUrl callbacks). A delivery is attempted as
 * soon as it is queued; a failed one (no 2xx within 5 s) is retried with the very same body and
 * headers after 1, 5, 30, 120 and 360 minutes of sandbox time, then given up. Deliveries are sent
 * synchronously by {@link #pump()}, which the engine calls after every state change and clock
 * advance, so when those calls return the delivery has happened.
 */
final class Webhooks {
  private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
  private static final Duration WAIT_FOR_SENDER = Duration.ofSeconds(12);
  private static final Duration[] BACKOFF = {
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofMinutes(30),
    Duration.ofMinutes(120),
    Duration.ofMinutes(360)
  };

  static final class Delivery {
    final long seq;
    final String provider;
    final String kind;
    final String url;
    final byte[] body;
    final Map<String, String> headers;
    final Instant createdAt;
    final List<String> attempts = new ArrayList<>();
    Instant nextAttemptAt;
    String state = "pending"; // pending, delivered, failed

    Delivery(
        long seq,
        String provider,
        String kind,
        String url,
        byte[] body,
        Map<String, String> headers,
        Instant at) {
      this.seq = seq;
      this.provider = provider;
      this.kind = kind;
      this.url = url;
      this.body = body;
      this.headers = headers;
      this.createdAt = at;
      this.nextAttemptAt = at;
    }
  }

  private final Engine engine;
  private final List<Delivery> deliveries = new ArrayList<>();
  private final ReentrantLock sending = new ReentrantLock();
  private final AtomicBoolean requested = new AtomicBoolean();
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private long seq;

  Webhooks(Engine engine) {
    this.engine = engine;
  }

  /** Queues a delivery; call under the engine lock. */
  void enqueue(String provider, String kind, String url, byte[] body, Map<String, String> headers) {
    deliveries.add(
        new Delivery(
            seq++,
            provider,
            kind,
            url,
            body,
            new LinkedHashMap<>(headers),
            engine.clock.instant()));
  }

  void clear() {
    deliveries.clear();
  }

  /** True when a delivery is waiting to be sent (now or after a backoff). */
  boolean anyPending() {
    synchronized (engine) {
      for (Delivery d : deliveries) {
        if (d.state.equals("pending")) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * How many deliveries were ever queued (a request compares it before and after to see if it
   * queued any).
   */
  long queued() {
    synchronized (engine) {
      return seq;
    }
  }

  /**
   * Sends every due delivery, in order; call without holding the engine lock. If another thread is
   * already sending, it is asked to look again and this call returns at once (so a subscriber that
   * calls back into the sandbox from inside a delivery cannot deadlock it).
   */
  void pump() {
    requested.set(true);
    while (requested.get() && sending.tryLock()) {
      try {
        requested.set(false);
        deliverDue();
      } finally {
        sending.unlock();
      }
    }
  }

  /**
   * Like {@link #pump()}, but if another thread is sending, waits for it, so that when this returns
   * everything due by now has been attempted. Gives up waiting after {@link #WAIT_FOR_SENDER} (the
   * sending thread still looks again).
   */
  void pumpAndWait() {
    requested.set(true);
    try {
      while (requested.get()
          && sending.tryLock(WAIT_FOR_SENDER.toMillis(), TimeUnit.MILLISECONDS)) {
        try {
          requested.set(false);
          deliverDue();
        } finally {
          sending.unlock();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliverDue() {
    {
      while (true) {
        Delivery next = null;
        Instant attemptedAt;
        synchronized (engine) {
          Instant now = engine.clock.instant();
          attemptedAt = now;
          for (Delivery d : deliveries) {
            if (d.state.equals("pending") && !d.nextAttemptAt.isAfter(now)) {
              next = d;
              break;
            }
          }
        }
        if (next == null) {
          return;
        }
        String outcome = send(next);
        synchronized (engine) {
          // Backoff counts from when the attempt was made, not from when its outcome was recorded:
          // the clock may
          // have been advanced while the attempt was in flight.
          next.attempts.add(Json.iso(attemptedAt) + " " + outcome);
          if (outcome.startsWith("2")) {
            next.state = "delivered";
          } else if (next.attempts.size() > BACKOFF.length) {
            next.state = "failed";
          } else {
            next.nextAttemptAt = attemptedAt.plus(BACKOFF[next.attempts.size() - 1]);
          }
        }
      }
    }
  }

  private String send(Delivery d) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(d.url))
              .timeout(Duration.ofSeconds(5))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(d.body));
      d.headers.forEach(b::header);
      HttpResponse<Void> r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
      return String.valueOf(r.statusCode());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (Exception e) {
      LOG.debug("webhook delivery to {} failed", d.url, e);
      return "error " + e.getClass().getSimpleName();
    }
  }

  /** The deliveries so far, oldest first; call under the engine lock (and read them under it). */
  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** The delivery log, for the admin API; call under the engine lock. */
  ArrayNode describe() {
    ArrayNode list = Json.array();
    for (Delivery d : deliveries) {
      ObjectNode o = list.addObject();
      o.put("provider", d.provider);
      o.put("kind", d.kind);
      o.put("url", d.url);
      o.put("state", d.state);
      o.put("createdAt", Json.iso(d.createdAt));
      if (d.state.equals("pending")) {
        o.put("nextAttemptAt", Json.iso(d.nextAttemptAt));
      }
      ArrayNode attempts = o.putArray("attempts");
      d.attempts.forEach(attempts::add);
      o.put("body", new String(d.body, java.nio.charset.StandardCharsets.UTF_8));
    }
    return list;
  }
}
