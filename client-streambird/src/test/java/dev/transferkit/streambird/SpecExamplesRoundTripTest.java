package dev.transferkit.streambird;

import dev.transferkit.core.internal.Json;
import dev.transferkit.core.testing.SpecExamples;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example in specs/streambird/transfers.yaml decodes with its generated model and re-encodes
 * unchanged.
 */
class SpecExamplesRoundTripTest {
  @TestFactory
  Stream<DynamicTest> everySpecExampleRoundTrips() {
    return SpecExamples.roundTripTests(
        "streambird/transfers.yaml", Json.moshi(), "dev.transferkit.streambird.model");
  }
}
