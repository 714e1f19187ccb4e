package dev.transferkit.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * An ISO-8601 / RFC 3339 date-time exactly as a provider sent it.
 *
 * <p>Providers differ in precision ({@code 2026-03-15T12:00:00Z}, {@code 2020-04-10T02:13:30.000Z},
 * {@code 2023-06-28T21:47:35.107250Z}). A {@code Timestamp} keeps the original text, so a decoded payload re-encodes
 * byte for byte, and exposes the instant it denotes. Two timestamps are equal when their text is equal; compare
 * {@link #toInstant()} values to compare points in time.
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
    try {
      return new Timestamp(text, OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Not an ISO-8601 date-time with offset: '" + abbreviate(text) + "'", e);
    }
  }

  /** A timestamp for {@code instant}, written in UTC as {@link Instant#toString()} writes it. */
  public static Timestamp of(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return new Timestamp(instant.toString(), instant.atOffset(ZoneOffset.UTC));
  }

  /** A timestamp for {@code dateTime}, written as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes it. */
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
