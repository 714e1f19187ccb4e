package dev.transferkit.benchmarks;

import com.squareup.moshi.JsonReader;
import dev.transferkit.core.Timestamp;
import dev.transferkit.core.internal.JsonCodecs;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Isolates two per-value costs of the generated adapters that the baselines do not pay, to explain
 * the JSON results (see README "Where the time goes"): parsing a Circle timestamp into {@link
 * Timestamp}, and reading an amount with {@code JsonCodecs.DECIMAL_STRING} (which builds the JSON
 * path string on every read) versus a plain {@code new BigDecimal(reader.nextString())}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class CostAttributionBenchmark {
  String timestampText = "2020-04-10T02:13:30.000Z";
  byte[] amountJson =
      "{\"data\":{\"amount\":{\"amount\":\"2500.00\"}}}"
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);

  @Benchmark
  public Timestamp timestampParse() {
    return Timestamp.parse(timestampText);
  }

  @Benchmark
  public String timestampAsString() {
    return new String(timestampText); // the baselines' cost: keep the text
  }

  @Benchmark
  public BigDecimal amountWithJsonCodecs() throws IOException {
    try (JsonReader reader = openAtAmount()) {
      return JsonCodecs.DECIMAL_STRING.fromJson(reader);
    }
  }

  @Benchmark
  public BigDecimal amountPlain() throws IOException {
    try (JsonReader reader = openAtAmount()) {
      return new BigDecimal(reader.nextString());
    }
  }

  private JsonReader openAtAmount() throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().write(amountJson));
    // Skips {"data": {"amount": {"amount": ...: the names are known.
    for (int depth = 0; depth < 3; depth++) {
      reader.beginObject();
      reader.skipName();
    }
    return reader;
  }
}
