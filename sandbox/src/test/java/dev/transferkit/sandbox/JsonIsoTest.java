package dev.transferkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's hand-written timestamp rendering writes exactly what {@link
 * DateTimeFormatter#ISO_INSTANT} writes.
 */
class JsonIsoTest {
  private static String expected(Instant i) {
    return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void rendersLikeIsoInstantToTheMillisecond() {
    Instant[] edges = {
      Instant.EPOCH,
      Instant.parse("1970-01-01T00:00:00.001Z"),
      Instant.parse("2000-02-29T23:59:59.999Z"),
      Instant.parse("2026-11-22T04:29:00.123456789Z"),
      Instant.parse("9999-12-31T23:59:59.999Z"),
      Instant.parse("1969-12-31T23:59:59.5Z"),
      Instant.parse("+10000-01-01T00:00:00Z"),
      Instant.parse("0001-01-01T00:00:00Z"),
    };
    for (Instant i : edges) {
      assertEquals(expected(i), Json.iso(i), i.toString());
    }
    Random random = new Random(3);
    for (int n = 0; n < 100_000; n++) {
      Instant i =
          Instant.ofEpochSecond(
              random.nextLong() % 300_000_000_000L, random.nextInt(1_000_000_000));
      if (n % 3 == 0) {
        i = i.truncatedTo(ChronoUnit.SECONDS);
      }
      assertEquals(expected(i), Json.iso(i), i.toString());
    }
  }
}
