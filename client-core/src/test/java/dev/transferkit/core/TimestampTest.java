package dev.transferkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-15T12:00:00Z", "2020-04-10T02:13:30.000Z", "2023-06-28T21:47:35.107250Z",
        "2023-07-28T15:02:14.123456789Z", "2024-02-29T23:59:59+05:30",
            "1999-12-31T00:00:00.5-08:00",
        "2026-04-30T00:00:00-18:00"
      })
  void fastParserAgreesWithTheFormatterAndKeepsTheText(String text) {
    OffsetDateTime expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    assertEquals(expected, Timestamp.parseRfc3339(text));
    Timestamp t = Timestamp.parse(text);
    assertEquals(text, t.text());
    assertEquals(expected.toInstant(), t.toInstant());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T12:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-03-15T24:00:00Z",
        "2026-03-15 12:00:00Z",
        "2026-03-15T12:00:00",
        "2026-03-15T12:00:00.1234567890Z",
        "2026-03-15T12:00:00+25:00",
        "2026-03-15T12:00:00+18:30",
        "2025-02-29T12:00:00Z",
        "2026-03-15T12:60:00Z",
        "yesterday at noon, UTC",
        "2026-0a-15T12:00:00Z"
      })
  void malformedOrOutOfRangeTextIsRefused(String text) {
    assertNull(Timestamp.parseRfc3339(text));
    assertThrows(IllegalArgumentException.class, () -> Timestamp.parse(text));
  }
}
