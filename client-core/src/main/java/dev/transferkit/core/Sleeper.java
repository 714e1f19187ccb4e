package dev.transferkit.core;

import java.time.Duration;

/**
 * Waits between retries. The default is {@link Thread#sleep}; tests inject one that records the
 * waits instead.
 */
@FunctionalInterface
public interface Sleeper {
  /** The default sleeper: {@link Thread#sleep(long)}. */
  Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
