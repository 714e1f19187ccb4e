package dev.transferkit.core;

import dev.transferkit.core.testing.ApiDump;
import org.junit.jupiter.api.Test;

/**
 * The jar's public API is exactly what api/client-core.api says: every API change shows in review.
 */
class PublicApiTest {
  @Test
  void publicApiMatchesTheCheckedInDump() throws Exception {
    ApiDump.assertMatchesCheckedInFile("client-core");
  }

  @Test
  void clientCoreHasAtMostThirtyPublicTypes() throws Exception {
    long types = ApiDump.typeCount(ApiDump.of(java.nio.file.Paths.get("target", "classes")));
    org.junit.jupiter.api.Assertions.assertTrue(
        types <= 30, "client-core exposes " + types + " public types");
  }

  @Test
  void everyPackageIsNullMarked() throws Exception {
    ApiDump.assertEveryPackageNullMarked();
  }
}
