package dev.transferkit.wyre;

import dev.transferkit.core.internal.Json;
import dev.transferkit.core.testing.SpecExamples;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example in specs/wyre/transfers.yaml decodes with its generated model and re-encodes
 * unchanged.
 */
class SpecExamplesRoundTripTest {
  @TestFactory
  Stream<DynamicTest> everySpecExampleRoundTrips() {
    return SpecExamples.roundTripTests(
        "wyre/transfers.yaml", Json.moshi(), "dev.transferkit.wyre.model");
  }
}
