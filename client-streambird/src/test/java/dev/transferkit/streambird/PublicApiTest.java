package dev.transferkit.streambird;

import dev.transferkit.core.testing.ApiDump;
import org.junit.jupiter.api.Test;

/**
 * The jar's public API is exactly what api/client-streambird.api says: every API change shows in
 * review.
 */
class PublicApiTest {
  @Test
  void publicApiMatchesTheCheckedInDump() throws Exception {
    ApiDump.assertMatchesCheckedInFile("client-streambird");
  }

  @Test
  void everyPackageIsNullMarked() throws Exception {
    ApiDump.assertEveryPackageNullMarked();
  }
}
