package dev.transferkit.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JMH JSON result ({@code -rf json -rff F}) of {@link JsonRoundTripBenchmark} and prints,
 * per payload, each path's throughput against {@code moshiReflective} with a 95% interval taken
 * over forks: one fork's score depends on how that JVM's JIT compiled the path, so the forks, not
 * the iterations inside one, are the samples. Also the interval a two-forks-per-path run would have
 * under the same spread, to say how far such a run's ratio can move.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.transferkit.benchmarks.JmhForkRatios F
 * </pre>
 */
public final class JmhForkRatios {
  private JmhForkRatios() {}

  /** The part of a JMH result row this reads. */
  static final class Row {
    String benchmark;
    Metric primaryMetric;
  }

  /** JMH's primary metric: per fork, the scores of its measured iterations. */
  static final class Metric {
    List<List<Double>> rawData;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: JmhForkRatios <jmh-result.json>");
      System.exit(2);
    }
    System.out.print(report(Files.readString(Path.of(args[0]))));
  }

  /** The report of one JMH JSON result. */
  static String report(String jmhJson) throws IOException {
    JsonAdapter<List<Row>> adapter =
        new Moshi.Builder().build().adapter(Types.newParameterizedType(List.class, Row.class));
    List<Row> rows = adapter.fromJson(jmhJson);
    if (rows == null) {
      throw new IOException("no JMH result");
    }
    StringBuilder out = new StringBuilder();
    Map<String, double[]> forkMeans = new LinkedHashMap<>();
    for (Row row : rows) {
      String name = row.benchmark.substring(row.benchmark.lastIndexOf('.') + 1);
      double[] means = new double[row.primaryMetric.rawData.size()];
      for (int f = 0; f < means.length; f++) {
        means[f] = mean(row.primaryMetric.rawData.get(f));
      }
      forkMeans.put(name, means);
      out.append(
          String.format(
              "%-40s forks=%d mean=%,.0f ops/s sd between forks=%.1f%%%n",
              name, means.length, mean(means), 100 * sd(means) / mean(means)));
    }
    out.append('\n');
    List<String> names = new ArrayList<>(forkMeans.keySet());
    for (String name : names) {
      int cut = name.indexOf('_');
      String base = name.substring(0, cut) + "_moshiReflective";
      if (name.equals(base) || !forkMeans.containsKey(base)) {
        continue;
      }
      double[] path = forkMeans.get(name);
      double[] reflective = forkMeans.get(base);
      double ratio = mean(path) / mean(reflective);
      double cvPath = sd(path) / mean(path);
      double cvReflective = sd(reflective) / mean(reflective);
      // Delta method: the relative error of a ratio of two independent means.
      double half =
          1.96
              * ratio
              * Math.sqrt(
                  cvPath * cvPath / path.length + cvReflective * cvReflective / reflective.length);
      double halfTwoForks =
          1.96 * ratio * Math.sqrt(cvPath * cvPath / 2 + cvReflective * cvReflective / 2);
      out.append(
          String.format(
              "%s / moshiReflective: %.3f ± %.3f (95%%, %d+%d forks); with 2+2 forks ± %.3f%n",
              name, ratio, half, path.length, reflective.length, halfTwoForks));
    }
    return out.toString();
  }

  private static double mean(List<Double> xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.size();
  }

  private static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.length;
  }

  private static double sd(double[] xs) {
    if (xs.length < 2) {
      return 0;
    }
    double m = mean(xs);
    double ss = 0;
    for (double x : xs) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (xs.length - 1));
  }
}
