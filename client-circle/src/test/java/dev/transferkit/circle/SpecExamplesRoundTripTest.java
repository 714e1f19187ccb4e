package dev.transferkit.circle;

import dev.transferkit.core.internal.Json;
import dev.transferkit.core.testing.SpecExamples;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example in the three Circle specs decodes with its generated model and re-encodes
 * unchanged. An example's schema is generated in its API's model package or, for a schema of {@code
 * circle/common.yaml} (the error body, money), once in {@code dev.transferkit.circle.model}.
 */
class SpecExamplesRoundTripTest {
  private static final String SHARED_MODEL_PACKAGE = "dev.transferkit.circle.model";

  @TestFactory
  Stream<DynamicTest> userControlledWalletsExamplesRoundTrip() {
    return SpecExamples.roundTripTests(
        "circle/user-controlled-wallets.yaml",
        Json.moshi(),
        "dev.transferkit.circle.wallets.model",
        SHARED_MODEL_PACKAGE);
  }

  @TestFactory
  Stream<DynamicTest> digitalAssetAccountsExamplesRoundTrip() {
    return SpecExamples.roundTripTests(
        "circle/digital-asset-accounts.yaml",
        Json.moshi(),
        "dev.transferkit.circle.accounts.model",
        SHARED_MODEL_PACKAGE);
  }

  @TestFactory
  Stream<DynamicTest> payoutsExamplesRoundTrip() {
    return SpecExamples.roundTripTests(
        "circle/payouts.yaml",
        Json.moshi(),
        "dev.transferkit.circle.payouts.model",
        SHARED_MODEL_PACKAGE);
  }
}
