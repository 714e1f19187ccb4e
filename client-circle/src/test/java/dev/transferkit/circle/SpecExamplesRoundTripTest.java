package dev.transferkit.circle;

import dev.transferkit.core.internal.Json;
import dev.transferkit.core.testing.SpecExamples;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example in the three Circle specs decodes with its generated model and re-encodes
 * unchanged.
 */
class SpecExamplesRoundTripTest {
  @TestFactory
  Stream<DynamicTest> userControlledWalletsExamplesRoundTrip() {
    return SpecExamples.roundTripTests(
        "circle/user-controlled-wallets.yaml",
        "dev.transferkit.circle.wallets.model",
        Json.moshi());
  }

  @TestFactory
  Stream<DynamicTest> digitalAssetAccountsExamplesRoundTrip() {
    return SpecExamples.roundTripTests(
        "circle/digital-asset-accounts.yaml",
        "dev.transferkit.circle.accounts.model",
        Json.moshi());
  }

  @TestFactory
  Stream<DynamicTest> payoutsExamplesRoundTrip() {
    return SpecExamples.roundTripTests(
        "circle/payouts.yaml", "dev.transferkit.circle.payouts.model", Json.moshi());
  }
}
