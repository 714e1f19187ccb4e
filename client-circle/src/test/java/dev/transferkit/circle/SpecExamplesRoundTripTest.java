package dev.transferkit.circle;

import com.squareup.moshi.Moshi;
import dev.transferkit.core.internal.Json;
import dev.transferkit.core.testing.RoundTrip;
import dev.transferkit.core.testing.SpecExamples;
import java.util.List;
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
    return roundTrips(
        "circle/user-controlled-wallets.yaml",
        "dev.transferkit.circle.wallets.model",
        Json.moshi());
  }

  @TestFactory
  Stream<DynamicTest> digitalAssetAccountsExamplesRoundTrip() {
    return roundTrips(
        "circle/digital-asset-accounts.yaml",
        "dev.transferkit.circle.accounts.model",
        Json.moshi());
  }

  @TestFactory
  Stream<DynamicTest> payoutsExamplesRoundTrip() {
    return roundTrips("circle/payouts.yaml", "dev.transferkit.circle.payouts.model", Json.moshi());
  }

  private static Stream<DynamicTest> roundTrips(String spec, String modelPackage, Moshi moshi) {
    List<SpecExamples.Example> examples = SpecExamples.of(SpecExamples.spec(spec));
    if (examples.isEmpty()) {
      throw new AssertionError("No examples found in " + spec);
    }
    return examples.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.toString(),
                    () -> {
                      if (e.schema == null) {
                        throw new AssertionError(e.location + ": example without a schema $ref");
                      }
                      RoundTrip.assertRoundTrip(moshi, model(modelPackage, e.schema), e.json);
                    }));
  }

  /** The generated class of {@code schema}: the API's own, else the shared one. */
  private static Class<?> model(String modelPackage, String schema) throws ClassNotFoundException {
    // The codegen names Circle's Error and ErrorDetail after the provider
    // (TransferKitJavaCodegen#toModelName).
    String simple = schema.startsWith("Error") ? "Circle" + schema : schema;
    try {
      return Class.forName(modelPackage + "." + simple);
    } catch (ClassNotFoundException notInTheApisPackage) {
      return Class.forName(SHARED_MODEL_PACKAGE + "." + simple);
    }
  }
}
