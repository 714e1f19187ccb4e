package dev.transferkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JmhForkRatiosTest {
  private static final String RESULT =
      "[{\"benchmark\": \"x.JsonRoundTripBenchmark.a_ours\", \"mode\": \"thrpt\","
          + " \"primaryMetric\": {\"score\": 110, \"rawData\": [[90, 110], [120, 120]]}},"
          + " {\"benchmark\": \"x.JsonRoundTripBenchmark.a_moshiReflective\","
          + " \"primaryMetric\": {\"rawData\": [[100, 100], [100, 100, 100]]}}]";

  @Test
  void ratioIsOverForkMeansWithTheForksSpread() throws Exception {
    String report = JmhForkRatios.report(RESULT);
    // Fork means 100 and 120 against 100 and 100: 1.100, and with the forks' sd of 14.14 (12.9%
    // of 110) the interval 1.96 x 1.1 x 0.129 / sqrt(2) = 0.196.
    assertTrue(
        report.contains(
            "a_ours / moshiReflective: 1.100 ± 0.196 (95%, 2+2 forks); with 2+2 forks ± 0.196"),
        report);
    assertTrue(report.contains("a_moshiReflective"), report);
    assertFalse(report.contains("a_moshiReflective / moshiReflective"), report);
  }
}
