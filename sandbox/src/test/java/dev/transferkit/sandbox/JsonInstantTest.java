package dev.transferkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonInstantTest {
  @Test
  void anOffsetBeyondEighteenHoursIsApplied() {
    assertEquals(Instant.parse("2026-03-14T12:01:00Z"), Json.instant("2026-03-15T12:00:00+23:59"));
    assertEquals(Instant.parse("2026-03-16T11:59:00Z"), Json.instant("2026-03-15T12:00:00-23:59"));
  }

  @Test
  void fractionDigitsBeyondNanosecondsAreDropped() {
    assertEquals(
        Instant.parse("2026-03-15T12:00:00.123456789Z"),
        Json.instant("2026-03-15T12:00:00.1234567899999Z"));
    assertEquals(Instant.parse("2026-03-15T12:00:00.5Z"), Json.instant("2026-03-15T12:00:00.5Z"));
  }

  @Test
  void lowerCaseSeparatorsAndLeapSecondsAreRead() {
    assertEquals(Instant.parse("2026-03-15T12:00:00Z"), Json.instant("2026-03-15t12:00:00z"));
    assertEquals(Instant.parse("2016-12-31T23:59:59Z"), Json.instant("2016-12-31T23:59:60Z"));
  }

  @Test
  void textThatNamesNoInstantIsADateTimeException() {
    for (String text :
        new String[] {
          "2026-02-30T00:00:00Z",
          "2026-03-15T12:00:00",
          "2026-03-15T12:00:00+24:00",
          "2026-03-15T12:60:00Z",
          "",
          "2026-03-15T12:00:00.Z"
        }) {
      assertThrows(DateTimeException.class, () -> Json.instant(text), text);
    }
    assertThrows(DateTimeException.class, () -> Json.instant(null));
  }
}
