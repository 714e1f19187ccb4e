package dev.transferkit.benchmarks;

import static dev.transferkit.benchmarks.Codecs.HAND_WRITTEN_CIRCLE_PAYOUT;
import static dev.transferkit.benchmarks.Codecs.HAND_WRITTEN_STREAMBIRD_TRANSFER;
import static dev.transferkit.benchmarks.Codecs.JACKSON_CIRCLE_BALANCES_READER;
import static dev.transferkit.benchmarks.Codecs.JACKSON_CIRCLE_BALANCES_WRITER;
import static dev.transferkit.benchmarks.Codecs.JACKSON_CIRCLE_PAYOUT_READER;
import static dev.transferkit.benchmarks.Codecs.JACKSON_CIRCLE_PAYOUT_WRITER;
import static dev.transferkit.benchmarks.Codecs.JACKSON_CIRCLE_TRANSFER_READER;
import static dev.transferkit.benchmarks.Codecs.JACKSON_CIRCLE_TRANSFER_WRITER;
import static dev.transferkit.benchmarks.Codecs.JACKSON_STREAMBIRD_TRANSFER_READER;
import static dev.transferkit.benchmarks.Codecs.JACKSON_STREAMBIRD_TRANSFER_WRITER;
import static dev.transferkit.benchmarks.Codecs.JACKSON_WYRE_TRANSFER_READER;
import static dev.transferkit.benchmarks.Codecs.JACKSON_WYRE_TRANSFER_WRITER;
import static dev.transferkit.benchmarks.Codecs.OURS_CIRCLE_BALANCES;
import static dev.transferkit.benchmarks.Codecs.OURS_CIRCLE_PAYOUT;
import static dev.transferkit.benchmarks.Codecs.OURS_CIRCLE_TRANSFER;
import static dev.transferkit.benchmarks.Codecs.OURS_STREAMBIRD_TRANSFER;
import static dev.transferkit.benchmarks.Codecs.OURS_WYRE_TRANSFER;
import static dev.transferkit.benchmarks.Codecs.REFLECTIVE_CIRCLE_BALANCES;
import static dev.transferkit.benchmarks.Codecs.REFLECTIVE_CIRCLE_PAYOUT;
import static dev.transferkit.benchmarks.Codecs.REFLECTIVE_CIRCLE_TRANSFER;
import static dev.transferkit.benchmarks.Codecs.REFLECTIVE_STREAMBIRD_TRANSFER;
import static dev.transferkit.benchmarks.Codecs.REFLECTIVE_WYRE_TRANSFER;
import static dev.transferkit.benchmarks.Codecs.jacksonRoundTrip;
import static dev.transferkit.benchmarks.Codecs.moshiRoundTrip;
import static dev.transferkit.benchmarks.Codecs.oursRoundTrip;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode + re-encode of each documented payload (UTF-8 bytes in, UTF-8 bytes out) through three
 * paths: {@code ours} (generated codecs, as the clients use them), {@code jackson} (databind on
 * hand-written POJOs) and {@code moshiReflective} (Moshi's ClassJsonAdapter on the same POJOs);
 * Streambird and Circle payouts also through {@code moshiHandWritten}, a control adapter without
 * checks. Method names are {@code <payload>_<path>}. {@code JsonRoundTripBenchmarkTest} checks that
 * every method reproduces its payload, so all paths do the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class JsonRoundTripBenchmark {
  byte[] circleTransfer;
  byte[] circleBalances;
  byte[] circlePayout;
  byte[] wyreTransferC;
  byte[] wyreTransferA;
  byte[] streambirdTransfer;

  /**
   * What the measuring JVM has run before the measurement. {@code isolated}: nothing but the
   * measured payload on the measured path, so code every model shares (Moshi's reflective {@code
   * ClassJsonAdapter} and its per-property adapter calls, Jackson's bean deserializer) is compiled
   * for that one model's properties alone. {@code mixed}: first every payload on every path, {@link
   * #MIXED_ROUNDS} times each, as in an application that reads several providers' models, where
   * such shared call sites meet many types. The generated adapters have code of their own per model
   * and are compiled alike in both.
   */
  @Param({"mixed", "isolated"})
  public String jvm = "isolated";

  /** Operations of every payload on every path before a {@code mixed} measurement. */
  static final int MIXED_ROUNDS = 20_000;

  @Setup
  public void setUp() throws ReflectiveOperationException {
    circleTransfer = Payload.CIRCLE_ACCOUNT_TRANSFER.bytes();
    circleBalances = Payload.CIRCLE_ACCOUNT_BALANCES.bytes();
    circlePayout = Payload.CIRCLE_PAYOUT.bytes();
    wyreTransferC = Payload.WYRE_TRANSFER_C.bytes();
    wyreTransferA = Payload.WYRE_TRANSFER_A.bytes();
    streambirdTransfer = Payload.STREAMBIRD_TRANSFER.bytes();
    if (jvm.equals("mixed")) {
      List<Method> every = new ArrayList<>();
      for (Method m : JsonRoundTripBenchmark.class.getMethods()) {
        if (m.isAnnotationPresent(Benchmark.class)) {
          every.add(m);
        }
      }
      for (int i = 0; i < MIXED_ROUNDS; i++) {
        for (Method m : every) {
          m.invoke(this);
        }
      }
    }
  }

  // ---- Circle account transfer response

  @Benchmark
  public byte[] circleTransfer_ours() throws IOException {
    return oursRoundTrip(OURS_CIRCLE_TRANSFER, circleTransfer);
  }

  @Benchmark
  public byte[] circleTransfer_jackson() throws IOException {
    return jacksonRoundTrip(
        JACKSON_CIRCLE_TRANSFER_READER, JACKSON_CIRCLE_TRANSFER_WRITER, circleTransfer);
  }

  @Benchmark
  public byte[] circleTransfer_moshiReflective() throws IOException {
    return moshiRoundTrip(REFLECTIVE_CIRCLE_TRANSFER, circleTransfer);
  }

  // ---- Circle account balances response

  @Benchmark
  public byte[] circleBalances_ours() throws IOException {
    return oursRoundTrip(OURS_CIRCLE_BALANCES, circleBalances);
  }

  @Benchmark
  public byte[] circleBalances_jackson() throws IOException {
    return jacksonRoundTrip(
        JACKSON_CIRCLE_BALANCES_READER, JACKSON_CIRCLE_BALANCES_WRITER, circleBalances);
  }

  @Benchmark
  public byte[] circleBalances_moshiReflective() throws IOException {
    return moshiRoundTrip(REFLECTIVE_CIRCLE_BALANCES, circleBalances);
  }

  // ---- Circle payout response

  @Benchmark
  public byte[] circlePayout_ours() throws IOException {
    return oursRoundTrip(OURS_CIRCLE_PAYOUT, circlePayout);
  }

  @Benchmark
  public byte[] circlePayout_jackson() throws IOException {
    return jacksonRoundTrip(
        JACKSON_CIRCLE_PAYOUT_READER, JACKSON_CIRCLE_PAYOUT_WRITER, circlePayout);
  }

  @Benchmark
  public byte[] circlePayout_moshiReflective() throws IOException {
    return moshiRoundTrip(REFLECTIVE_CIRCLE_PAYOUT, circlePayout);
  }

  /**
   * The control: a hand-written adapter without checks ({@code CirclePayoutHandWrittenAdapter}).
   */
  @Benchmark
  public byte[] circlePayout_moshiHandWritten() throws IOException {
    return moshiRoundTrip(HAND_WRITTEN_CIRCLE_PAYOUT, circlePayout);
  }

  // ---- Wyre transfer response C (exchange, 36-digit rate)

  @Benchmark
  public byte[] wyreTransferC_ours() throws IOException {
    return oursRoundTrip(OURS_WYRE_TRANSFER, wyreTransferC);
  }

  @Benchmark
  public byte[] wyreTransferC_jackson() throws IOException {
    return jacksonRoundTrip(
        JACKSON_WYRE_TRANSFER_READER, JACKSON_WYRE_TRANSFER_WRITER, wyreTransferC);
  }

  @Benchmark
  public byte[] wyreTransferC_moshiReflective() throws IOException {
    return moshiRoundTrip(REFLECTIVE_WYRE_TRANSFER, wyreTransferC);
  }

  // ---- Wyre transfer response A (payment method)

  @Benchmark
  public byte[] wyreTransferA_ours() throws IOException {
    return oursRoundTrip(OURS_WYRE_TRANSFER, wyreTransferA);
  }

  @Benchmark
  public byte[] wyreTransferA_jackson() throws IOException {
    return jacksonRoundTrip(
        JACKSON_WYRE_TRANSFER_READER, JACKSON_WYRE_TRANSFER_WRITER, wyreTransferA);
  }

  @Benchmark
  public byte[] wyreTransferA_moshiReflective() throws IOException {
    return moshiRoundTrip(REFLECTIVE_WYRE_TRANSFER, wyreTransferA);
  }

  // ---- Streambird transfer response

  @Benchmark
  public byte[] streambirdTransfer_ours() throws IOException {
    return oursRoundTrip(OURS_STREAMBIRD_TRANSFER, streambirdTransfer);
  }

  @Benchmark
  public byte[] streambirdTransfer_jackson() throws IOException {
    return jacksonRoundTrip(
        JACKSON_STREAMBIRD_TRANSFER_READER, JACKSON_STREAMBIRD_TRANSFER_WRITER, streambirdTransfer);
  }

  @Benchmark
  public byte[] streambirdTransfer_moshiReflective() throws IOException {
    return moshiRoundTrip(REFLECTIVE_STREAMBIRD_TRANSFER, streambirdTransfer);
  }

  /**
   * The control: a hand-written adapter with none of the generated adapter's checks, on Moshi's
   * reader and writer ({@code StreambirdHandWrittenAdapter}). How fast any Moshi adapter can be
   * here.
   */
  @Benchmark
  public byte[] streambirdTransfer_moshiHandWritten() throws IOException {
    return moshiRoundTrip(HAND_WRITTEN_STREAMBIRD_TRANSFER, streambirdTransfer);
  }
}
