package dev.transferkit.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.squareup.moshi.JsonAdapter;

/**
 * Fuzz tests of the generated models' decoding, through {@code Json.moshi().adapter(X.class)}
 * exactly as the clients use it. Raw-byte targets start from the documented payloads (seeds in
 * {@code src/test/resources/dev/transferkit/fuzz/ModelDecodingFuzzTestInputs/<method>/}); the
 * {@code *Structured} targets apply structured mutations to a documented payload. See {@link
 * Decoding#check} for the property.
 *
 * <p>CI fuzzes {@link #anyModel} only (bounded by its {@code maxDuration}); the {@code fuzz-long}
 * profile fuzzes every target for an execution count (see the pom). All targets always run in
 * regression mode.
 */
class ModelDecodingFuzzTest {
  private static final byte[] CIRCLE_TRANSFER =
      Decoding.payload("circle-account-transfer-response.json");
  private static final byte[] CIRCLE_PAYOUT = Decoding.payload("circle-payout-response.json");
  private static final byte[] WYRE_C = Decoding.payload("wyre-transfer-response-c.json");
  private static final byte[] WYRE_A = Decoding.payload("wyre-transfer-response-a.json");
  private static final byte[] STREAMBIRD = Decoding.payload("streambird-transfer-response.json");

  // ---- all models in one target: the one CI fuzzes (Jazzer JUnit fuzzes one @FuzzTest per JVM)

  private static final JsonAdapter<?>[] ADAPTERS = {
    Decoding.CIRCLE_ACCOUNT_TRANSFER,
    Decoding.CIRCLE_ACCOUNT_BALANCES,
    Decoding.CIRCLE_PAYOUT,
    Decoding.WYRE_TRANSFER,
    Decoding.STREAMBIRD_TRANSFER,
  };
  private static final byte[][] SEEDS = {
    CIRCLE_TRANSFER,
    Decoding.payload("circle-account-balances-response.json"),
    CIRCLE_PAYOUT,
    WYRE_C,
    STREAMBIRD,
  };

  @FuzzTest(maxDuration = "20s")
  void anyModel(FuzzedDataProvider data) {
    int target = data.consumeInt(0, ADAPTERS.length - 1);
    byte[] input =
        data.consumeBoolean()
            ? Mutator.mutate(SEEDS[target], data)
            : data.consumeRemainingAsBytes();
    Decoding.check(ADAPTERS[target], input);
  }

  // ---- arbitrary bytes (seeded with the documented payloads)

  @FuzzTest(maxDuration = "30s")
  void circleAccountTransfer(byte[] data) {
    Decoding.check(Decoding.CIRCLE_ACCOUNT_TRANSFER, data);
  }

  @FuzzTest(maxDuration = "30s")
  void circleAccountBalances(byte[] data) {
    Decoding.check(Decoding.CIRCLE_ACCOUNT_BALANCES, data);
  }

  @FuzzTest(maxDuration = "30s")
  void circlePayout(byte[] data) {
    Decoding.check(Decoding.CIRCLE_PAYOUT, data);
  }

  @FuzzTest(maxDuration = "30s")
  void wyreTransfer(byte[] data) {
    Decoding.check(Decoding.WYRE_TRANSFER, data);
  }

  @FuzzTest(maxDuration = "30s")
  void streambirdTransfer(byte[] data) {
    Decoding.check(Decoding.STREAMBIRD_TRANSFER, data);
  }

  // ---- structured mutations of the documented payloads

  @FuzzTest(maxDuration = "30s")
  void circleStructured(FuzzedDataProvider data) {
    if (data.consumeBoolean()) {
      Decoding.check(Decoding.CIRCLE_PAYOUT, Mutator.mutate(CIRCLE_PAYOUT, data));
    } else {
      Decoding.check(Decoding.CIRCLE_ACCOUNT_TRANSFER, Mutator.mutate(CIRCLE_TRANSFER, data));
    }
  }

  @FuzzTest(maxDuration = "30s")
  void wyreStructured(FuzzedDataProvider data) {
    Decoding.check(
        Decoding.WYRE_TRANSFER, Mutator.mutate(data.consumeBoolean() ? WYRE_C : WYRE_A, data));
  }

  @FuzzTest(maxDuration = "30s")
  void streambirdStructured(FuzzedDataProvider data) {
    Decoding.check(Decoding.STREAMBIRD_TRANSFER, Mutator.mutate(STREAMBIRD, data));
  }
}
