package dev.transferkit.core.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Conversions for providers that send time as integers since the Unix epoch. */
public final class Epoch {
  private Epoch() {}

  /** Wyre's convention: milliseconds since the epoch; {@code null} stays {@code null}. */
  public static @Nullable Instant fromMillis(@Nullable Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  /**
   * Streambird's convention: seconds since the epoch, where {@code 0} means "not set"; both give
   * {@code null}.
   */
  public static @Nullable Instant fromSecondsOrUnset(@Nullable Long seconds) {
    return seconds == null || seconds == 0L ? null : Instant.ofEpochSecond(seconds);
  }

  /**
   * Converts an epoch value in the given unit ({@code "millis"}, or {@code "seconds"} where 0 means
   * unset), as named by the spec's {@code x-transferkit-epoch} extension.
   */
  public static @Nullable Instant toInstant(String unit, @Nullable Long value) {
    switch (unit) {
      case "millis":
        return fromMillis(value);
      case "seconds":
        return fromSecondsOrUnset(value);
      default:
        throw new IllegalArgumentException("Unknown epoch unit '" + unit + "'");
    }
  }
}
