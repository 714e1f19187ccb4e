package dev.transferkit.circle;

import dev.transferkit.core.testing.ApiDump;
import org.junit.jupiter.api.Test;

/**
 * The jar's public API is exactly what api/client-circle.api says: every API change shows in
 * review.
 */
class PublicApiTest {
  @Test
  void publicApiMatchesTheCheckedInDump() throws Exception {
    ApiDump.assertMatchesCheckedInFile("client-circle");
  }

  @Test
  void everyPackageIsNullMarked() throws Exception {
    ApiDump.assertEveryPackageNullMarked();
  }
}
