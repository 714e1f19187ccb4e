package dev.transferkit.core;

import java.time.Instant;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
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
  /** What {@link #scan} answers for valid text when it is not asked to build the value. */
  private static final OffsetDateTime CHECKED = OffsetDateTime.MIN;

  private final String text;

  /**
   * The date-time, built on first use when the text was only checked ({@link #parse} of the common
   * RFC 3339 shape: decoding checks every timestamp of a payload, few are ever read as instants).
   * Racy single-check: {@link OffsetDateTime} is immutable, so a thread that sees it sees it whole,
   * and at worst two threads build equal values.
   */
  private @Nullable OffsetDateTime value;

  private Timestamp(String text, @Nullable OffsetDateTime value) {
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
    if (scan(text, false) != null) {
      return new Timestamp(text, null);
    }
    return new Timestamp(text, parseWithFormatter(text));
  }

  private static OffsetDateTime parseWithFormatter(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "Not an ISO-8601 date-time with offset: '" + abbreviate(text) + "'", e);
    }
  }

  /**
   * The common RFC 3339 shape ({@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm|-hh:mm)}, fraction up
   * to 9 digits) parsed by hand, several times faster than {@link DateTimeFormatter}; null for any
   * other shape or an out-of-range field, which then goes through {@link
   * DateTimeFormatter#ISO_OFFSET_DATE_TIME} (and its error message).
   */
  static @Nullable OffsetDateTime parseRfc3339(String s) {
    return scan(s, true);
  }

  /**
   * {@link #parseRfc3339}'s grammar and range checks, in one place: with {@code build} false, valid
   * text answers {@link #CHECKED} and nothing is allocated.
   */
  private static @Nullable OffsetDateTime scan(String s, boolean build) {
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
    if ((year | month | day | hour | minute | second) < 0
        || month < 1
        || month > 12
        || day < 1
        || (day > 28 && day > Month.of(month).length(Year.isLeap(year)))
        || hour > 23
        || minute > 59
        || second > 59) {
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
    int offsetSeconds;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      int total = oh * 3600 + om * 60;
      if ((oh | om) < 0 || om > 59 || total > MAX_OFFSET_SECONDS) {
        return null;
      }
      offsetSeconds = s.charAt(i) == '-' ? -total : total;
    } else {
      return null;
    }
    if (!build) {
      return CHECKED;
    }
    return OffsetDateTime.of(
        year, month, day, hour, minute, second, nano, ZoneOffset.ofTotalSeconds(offsetSeconds));
  }

  /** {@link ZoneOffset}'s limit, +-18:00. */
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

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
    return toOffsetDateTime().toInstant();
  }

  public OffsetDateTime toOffsetDateTime() {
    OffsetDateTime v = value;
    if (v == null) {
      v = parseRfc3339(text);
      if (v == null) { // not reached: parse() built the value unless the text has this shape
        v = parseWithFormatter(text);
      }
      value = v;
    }
    return v;
  }

  /** The text exactly as received (or as produced by {@link #of}). */
  public String text() {
    return text;
  }

  @Override
  public int compareTo(Timestamp other) {
    int byInstant = toInstant().compareTo(other.toInstant());
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
