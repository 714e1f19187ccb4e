package dev.transferkit.wyre;

import dev.transferkit.core.testing.ApiDump;
import org.junit.jupiter.api.Test;

/**
 * The jar's public API is exactly what api/client-wyre.api says: every API change shows in review.
 */
class PublicApiTest {
  @Test
  void publicApiMatchesTheCheckedInDump() throws Exception {
    ApiDump.assertMatchesCheckedInFile("client-wyre");
  }

  @Test
  void everyPackageIsNullMarked() throws Exception {
    ApiDump.assertEveryPackageNullMarked();
  }
}
