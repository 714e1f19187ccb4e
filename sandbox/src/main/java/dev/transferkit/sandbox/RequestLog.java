package dev.transferkit.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The most recent provider requests, per provider, for the inspector page. Thread-safe. */
final class RequestLog {
  /** How many requests are kept per provider. */
  static final int KEPT = 50;

  /**
   * One request as answered: when (wall clock), what, the answer's status, how long the sandbox
   * took (from the request read to the answer ready, in microseconds) and what broke the spec, in
   * words (empty when nothing did).
   */
  record Entry(
      Instant at, String method, String path, int status, long micros, List<String> violations) {}

  private final Map<String, ArrayDeque<Entry>> byProvider = new LinkedHashMap<>();

  synchronized void add(String provider, Entry e) {
    ArrayDeque<Entry> q = byProvider.computeIfAbsent(provider, p -> new ArrayDeque<>());
    if (q.size() == KEPT) {
      q.removeFirst();
    }
    q.addLast(e);
  }

  /** The provider's recent requests, newest first. */
  synchronized List<Entry> recent(String provider) {
    List<Entry> out = new ArrayList<>(byProvider.getOrDefault(provider, new ArrayDeque<>()));
    java.util.Collections.reverse(out);
    return out;
  }

  synchronized void clear() {
    byProvider.clear();
  }
}
