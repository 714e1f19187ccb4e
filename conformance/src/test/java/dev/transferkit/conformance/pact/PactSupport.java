package dev.transferkit.conformance.pact;

import java.util.Map;

/** What every consumer contract shares: the consumer's name and the content-type rules. */
final class PactSupport {
  static final String CONSUMER = "transferkit-java";

  /**
   * Retrofit sends {@code application/json} with or without a charset; providers answer either way.
   */
  /** Circle's ISO-8601 timestamps, with or without fractions of a second. */
  static final String ISO =
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

  static final String ISO_EXAMPLE = "2020-04-10T02:13:30.000Z";
  static final String JSON_TYPE = "application/json(;\\s*charset=[\\w-]+)?";

  private PactSupport() {}

  static Map<String, String> bearer(String key) {
    return Map.of("Authorization", "Bearer " + key);
  }
}
