package dev.transferkit.sandbox;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Work due at a sandbox-clock instant (lifecycle steps, expiries). Tasks run in due order with
 * their own due time, so one large clock jump replays every intermediate step with the timestamps
 * it would have had. Not thread-safe: used under the engine lock.
 */
final class Scheduler {
  interface Task {
    void run(Instant due);
  }

  private record Entry(Instant due, long seq, Task task) {}

  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(
          (a, b) -> a.due.equals(b.due) ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
  private long seq;

  void at(Instant due, Task task) {
    queue.add(new Entry(due, seq++, task));
  }

  void runDue(Instant now) {
    while (!queue.isEmpty() && !queue.peek().due.isAfter(now)) {
      Entry e = queue.poll();
      e.task.run(e.due);
    }
  }

  void clear() {
    queue.clear();
  }
}
