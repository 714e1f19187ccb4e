package dev.transferkit.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's notion of time. Token lifetimes, confirmation windows, expiries and lifecycle steps
 * all run on it, so a test can jump over an hour in a microsecond with {@link #advance(Duration)}
 * instead of sleeping.
 *
 * <p>A clock is either <em>frozen</em> (it only moves when advanced; the default in tests) or
 * <em>ticking</em> (it follows the wall clock and can additionally be advanced; the default of the
 * standalone server). Advancing runs everything that has become due (lifecycle steps, expiries,
 * webhook deliveries) before returning.
 *
 * <p>Thread-safe.
 */
public final class SandboxClock extends Clock {
  private final AtomicReference<Instant> base;
  private final boolean ticking;
  private final long startNanos;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private SandboxClock(Instant start, boolean ticking) {
    this.base = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    this.ticking = ticking;
    this.startNanos = System.nanoTime();
  }

  /** A frozen clock showing {@code start} until it is advanced. */
  public static SandboxClock at(Instant start) {
    return new SandboxClock(start, false);
  }

  /** A frozen clock showing the current wall-clock time (whole seconds) until it is advanced. */
  public static SandboxClock frozenAtNow() {
    return at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** A clock that follows the wall clock and can additionally be advanced. */
  public static SandboxClock ticking() {
    return new SandboxClock(Instant.now(), true);
  }

  /** Whether the clock moves on its own with the wall clock. */
  public boolean isTicking() {
    return ticking;
  }

  @Override
  public Instant instant() {
    Instant b = base.get();
    return ticking ? b.plusNanos(System.nanoTime() - startNanos) : b;
  }

  /**
   * Moves the clock forward and runs, before returning, everything that became due: lifecycle
   * steps, expiries and webhook deliveries (including retries).
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("the sandbox clock only moves forward: " + amount);
    }
    base.updateAndGet(b -> b.plus(amount));
    for (Runnable listener : listeners) {
      listener.run();
    }
  }

  void addListener(Runnable listener) {
    listeners.add(listener);
  }

  void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    SandboxClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }

  @Override
  public String toString() {
    return "SandboxClock[" + instant() + (ticking ? ", ticking" : ", frozen") + "]";
  }
}
