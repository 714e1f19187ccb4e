package dev.transferkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link JsonRoundTripBenchmark}'s methods measured in pairs, for a loaded machine: in every round
 * each path of a payload runs {@code ops} decode+encode operations back to back, timed by the
 * thread's CPU time (time the thread was descheduled does not count), and the round gives one ratio
 * per path against Moshi's reflective adapter. Before any measurement, {@code warmup} rounds of
 * every path of every payload run uncounted. The default of 40 is what the generated adapters need:
 * each model has its own adapter methods for the JIT to compile, while the reflective path shares
 * one {@code ClassJsonAdapter} for all; after 10 rounds ours still ran partly unoptimized and
 * measured 5-10% slower than it does compiled. JMH's wall-clock throughput on a machine whose other
 * builders come and go swings by more than the difference measured; a ratio taken within one round,
 * on CPU time, does not.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.transferkit.benchmarks.JsonRoundTripPaired [rounds] [ops] [warmup]
 * </pre>
 *
 * <p>It calls the benchmark methods by name, so it also runs against the benchmarks jar of an
 * earlier commit (put this class first on the class path): before and after in one session.
 */
public final class JsonRoundTripPaired {
  private static final String[] PAYLOADS = {
    "circleTransfer",
    "circleBalances",
    "circlePayout",
    "wyreTransferC",
    "wyreTransferA",
    "streambirdTransfer"
  };
  private static final String[] PATHS = {"ours", "moshiReflective", "jackson"};

  private JsonRoundTripPaired() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int ops = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 40;
    JsonRoundTripBenchmark b = new JsonRoundTripBenchmark();
    b.setUp();
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    Object sink = null;
    // Warm-up of every path of every payload first: the JIT compiles the code they share before any
    // is measured.
    for (int round = 0; round < warmup; round++) {
      for (String payload : PAYLOADS) {
        for (String path : PATHS) {
          Method m = JsonRoundTripBenchmark.class.getMethod(payload + "_" + path);
          for (int i = 0; i < ops; i++) {
            sink = m.invoke(b);
          }
        }
      }
    }
    System.out.printf(
        "rounds=%d (after %d warm-up rounds of every payload), ops per path and round=%d%n%n",
        rounds, warmup, ops);
    System.out.println(
        "| payload | ours CPU µs/op | reflective CPU µs/op | Jackson CPU µs/op | ours/reflective"
            + " (95% CI) | ours/Jackson (95% CI) | ours B/op | reflective B/op |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (String payload : PAYLOADS) {
      Map<String, Method> methods = new LinkedHashMap<>();
      for (String path : PATHS) {
        methods.put(path, JsonRoundTripBenchmark.class.getMethod(payload + "_" + path));
      }
      Map<String, List<double[]>> results = new LinkedHashMap<>();
      for (String path : PATHS) {
        results.put(path, new ArrayList<>());
      }
      for (int round = 0; round < rounds; round++) {
        for (int p = 0; p < PATHS.length; p++) {
          // Each round starts with the next path, so no path always runs right after another.
          String path = PATHS[(round + p) % PATHS.length];
          Method m = methods.get(path);
          long cpu0 = mx.getCurrentThreadCpuTime();
          long alloc0 = mx.getThreadAllocatedBytes(self);
          for (int i = 0; i < ops; i++) {
            sink = m.invoke(b);
          }
          long cpu = mx.getCurrentThreadCpuTime() - cpu0;
          long alloc = mx.getThreadAllocatedBytes(self) - alloc0;
          results.get(path).add(new double[] {cpu / 1e3 / ops, (double) alloc / ops});
        }
      }
      List<double[]> ours = results.get("ours");
      List<double[]> reflective = results.get("moshiReflective");
      List<double[]> jackson = results.get("jackson");
      double[] vsReflective = ratio(reflective, ours);
      double[] vsJackson = ratio(jackson, ours);
      System.out.printf(
          "| %s | %.2f | %.2f | %.2f | %.3f ± %.3f | %.3f ± %.3f | %,.0f | %,.0f |%n",
          payload,
          mean(ours, 0),
          mean(reflective, 0),
          mean(jackson, 0),
          vsReflective[0],
          vsReflective[1],
          vsJackson[0],
          vsJackson[1],
          mean(ours, 1),
          mean(reflective, 1));
    }
    if (sink == null) {
      throw new IllegalStateException();
    }
    System.out.println();
    System.out.println(
        "Ratios are throughput ratios (baseline CPU time / ours), > 1 means ours is faster.");
  }

  /**
   * Mean and 95% half-width of the per-round throughput ratio {@code base / ours} (CPU time per
   * op).
   */
  private static double[] ratio(List<double[]> base, List<double[]> ours) {
    List<double[]> r = new ArrayList<>();
    for (int i = 0; i < ours.size(); i++) {
      r.add(new double[] {base.get(i)[0] / ours.get(i)[0]});
    }
    double m = mean(r, 0);
    double ss = 0;
    for (double[] x : r) {
      ss += (x[0] - m) * (x[0] - m);
    }
    return new double[] {m, 1.96 * Math.sqrt(ss / (r.size() - 1)) / Math.sqrt(r.size())};
  }

  private static double mean(List<double[]> rows, int i) {
    double s = 0;
    for (double[] r : rows) {
      s += r[i];
    }
    return s / rows.size();
  }
}
