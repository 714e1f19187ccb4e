package dev.transferkit.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ISO-8601 / RFC 3339 date-time exactly as a provider sent it.
 *
 * <p>Providers differ in precision ({@code 2026-03-15T12:00:00Z}, {@code 2020-04-10T02:13:30.000Z},
 * {@code 2023-06-28T21:47:35.107250Z}). A {@code Timestamp} keeps the original text, so a decoded
 * payload re-encodes byte for byte, and exposes the instant it denotes. Two timestamps are equal
 * when their text is equal; compare {@link #toInstant()} values to compare points in time.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Timestamp implements Comparable<Timestamp> {
  private final String text;
  private final OffsetDateTime value;

  private Timestamp(String text, OffsetDateTime value) {
    this.text = text;
    this.value = value;
  }

  /**
   * Parses an ISO-8601 date-time with an offset, such as {@code 2026-03-15T12:00:00Z}.
   *
   * @throws IllegalArgumentException if the text is not such a date-time
   */
  public static Timestamp parse(String text) {
    Objects.requireNonNull(text, "text");
    OffsetDateTime fast = parseRfc3339(text);
    if (fast != null) {
      return new Timestamp(text, fast);
    }
    try {
      return new Timestamp(
          text, OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Not an ISO-8601 date-time with offset: '" + abbreviate(text) + "'", e);
    }
  }

  /**
   * The common RFC 3339 shape ({@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm|-hh:mm)}, fraction up
   * to 9 digits) parsed by hand, several times faster than {@link DateTimeFormatter}; null for any
   * other shape, which then goes through {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} (and its
   * error message).
   */
  static @Nullable OffsetDateTime parseRfc3339(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nano = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int count = i - start;
      if (count == 0 || count > 9) {
        return null;
      }
      nano = digits(s, start, count);
      for (int k = count; k < 9; k++) {
        nano *= 10;
      }
    }
    ZoneOffset offset;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if ((oh | om) < 0 || oh > 18 || om > 59) {
        return null;
      }
      int total = oh * 3600 + om * 60;
      offset = ZoneOffset.ofTotalSeconds(s.charAt(i) == '-' ? -total : total);
    } else {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
    } catch (java.time.DateTimeException e) {
      return null; // out-of-range field: let the formatter produce its message
    }
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int k = from; k < from + count; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** A timestamp for {@code instant}, written in UTC as {@link Instant#toString()} writes it. */
  public static Timestamp of(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return new Timestamp(instant.toString(), instant.atOffset(ZoneOffset.UTC));
  }

  /**
   * A timestamp for {@code dateTime}, written as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}
   * writes it.
   */
  public static Timestamp of(OffsetDateTime dateTime) {
    Objects.requireNonNull(dateTime, "dateTime");
    return new Timestamp(dateTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), dateTime);
  }

  public Instant toInstant() {
    return value.toInstant();
  }

  public OffsetDateTime toOffsetDateTime() {
    return value;
  }

  /** The text exactly as received (or as produced by {@link #of}). */
  public String text() {
    return text;
  }

  @Override
  public int compareTo(Timestamp other) {
    int byInstant = value.toInstant().compareTo(other.value.toInstant());
    return byInstant != 0 ? byInstant : text.compareTo(other.text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Timestamp && ((Timestamp) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
