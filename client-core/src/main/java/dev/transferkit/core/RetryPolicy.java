package dev.transferkit.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before retrying a call that may be retried (GETs and POSTs protected by
 * an idempotency key; never other POSTs). Retried: connection failures and timeouts, HTTP 408, 429
 * and 5xx.
 *
 * <p>The wait before retry {@code n} (0-based) is exponential backoff with full jitter: {@code
 * random[0,1) * min(maxBackoff, initialBackoff * 2^n)}. When the response carries {@code
 * Retry-After}, that wait is used instead; if it is longer than {@link #maxRetryAfter()}, the
 * client stops retrying and reports the error (with {@link
 * dev.transferkit.core.exception.RateLimitException#retryAfter()}) rather than block that long.
 *
 * <p>Waits happen on the calling thread for {@code execute()}, and on an OkHttp dispatcher thread
 * for {@code executeAsync()}. A client's {@code callTimeout} bounds the whole call, waits included.
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final Clock clock;

  private RetryPolicy(Builder b) {
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.sleeper = b.sleeper;
    this.random = b.random;
    this.clock = b.clock;
  }

  /** 2 retries, 500 ms initial backoff, 8 s maximum backoff, Retry-After honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxRetries = maxRetries;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.maxRetryAfter = maxRetryAfter;
    b.sleeper = sleeper;
    b.random = random;
    b.clock = clock;
    return b;
  }

  public int maxRetries() {
    return maxRetries;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** How the client waits between attempts (the runtime calls it). */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** The clock {@code Retry-After} dates are read against. */
  public Clock clock() {
    return clock;
  }

  /** The jittered wait before retry number {@code retry} (0 for the first retry). */
  /** The pause before retry number {@code retry} (0 for the first), with jitter. */
  public Duration backoff(int retry) {
    long ceiling = initialBackoff.toMillis();
    for (int i = 0; i < retry && ceiling < maxBackoff.toMillis(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, maxBackoff.toMillis());
    double r = random.getAsDouble();
    if (!(r >= 0.0 && r < 1.0)) {
      r = 0.0;
    }
    return Duration.ofMillis((long) (r * ceiling));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries="
        + maxRetries
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxRetryAfter="
        + maxRetryAfter
        + "}";
  }

  /** Builds a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {
    private int maxRetries = 2;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Sleeper sleeper = Sleeper.THREAD_SLEEP;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Retries after the first attempt (0 disables retries); default 2. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
      return this;
    }

    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * The longest {@code Retry-After} the client waits for; longer requests end the retries.
     * Default 60 s.
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /** How to wait (tests inject a recording sleeper). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Source of jitter in [0, 1) (tests inject a fixed value). */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Clock used to read HTTP-date {@code Retry-After} values. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must be >= initialBackoff");
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }
}
