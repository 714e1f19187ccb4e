package dev.transferkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A paired complement to {@link ClientOverheadBenchmark}: all paths in one JVM against literally
 * one {@link CannedServer}, interleaved in blocks (each round runs a block of {@code calls} calls
 * per path, in a random order), so that slow drifts of the machine (steal time on a VM, frequency,
 * the other process) hit every path alike. Per path and round it records wall time and the calling
 * thread's CPU time and allocated bytes (OkHttp's synchronous {@code execute()} runs the
 * interceptors, encoding and decoding on the caller's thread; the server's work is not counted).
 * Prints per-path means with 95% confidence intervals over rounds and the per-round paired ratios.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.transferkit.benchmarks.ClientOverheadPaired [rounds] [calls] [warmupRounds]
 * </pre>
 */
public final class ClientOverheadPaired {
  private ClientOverheadPaired() {}

  interface Path {
    Object call() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    ClientOverheadBenchmark b = new ClientOverheadBenchmark();
    b.setUp();
    Map<String, Path> paths = new LinkedHashMap<>();
    paths.put("raw", b::raw);
    paths.put("rawDecode", b::rawDecode);
    paths.put("rawEncodeDecode", b::rawEncodeDecode);
    paths.put("facadeKeySet", b::facadeKeySet);
    paths.put("facade", b::facade);
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    Map<String, List<double[]>> results = new LinkedHashMap<>();
    paths.keySet().forEach(k -> results.put(k, new ArrayList<>()));
    List<String> order = new ArrayList<>(paths.keySet());
    Random random = new Random(42);
    Object sink = null;
    for (int round = 0; round < warmup + rounds; round++) {
      Collections.shuffle(order, random);
      for (String name : order) {
        Path p = paths.get(name);
        long cpu0 = mx.getCurrentThreadCpuTime();
        long alloc0 = mx.getThreadAllocatedBytes(self);
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          sink = p.call();
        }
        long wall = System.nanoTime() - t0;
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long alloc = mx.getThreadAllocatedBytes(self) - alloc0;
        if (round >= warmup) {
          results
              .get(name)
              .add(new double[] {wall / 1e3 / calls, cpu / 1e3 / calls, (double) alloc / calls});
        }
      }
    }
    if (sink == null) {
      throw new IllegalStateException();
    }
    System.out.printf(
        "rounds=%d (after %d warm-up rounds), calls per path and round=%d, server requests=%d,"
            + " connections=%d%n%n",
        rounds, warmup, calls, b.server.requests(), b.server.connections());
    System.out.println(
        "| path | wall µs/call (95% CI) | calls/s | caller CPU µs/call (95% CI) | caller alloc B/call |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (String name : paths.keySet()) {
      double[] wall = stats(results.get(name), 0);
      double[] cpu = stats(results.get(name), 1);
      double[] alloc = stats(results.get(name), 2);
      System.out.printf(
          "| %s | %.1f ± %.1f | %,.0f | %.1f ± %.1f | %,.0f |%n",
          name, wall[0], wall[1], 1e6 / wall[0], cpu[0], cpu[1], alloc[0]);
    }
    System.out.println();
    System.out.println(
        "| paired ratio (per round) | wall (95% CI) | caller CPU difference µs/call (95% CI) |");
    System.out.println("|---|---:|---:|");
    String[][] pairs = {
      {"facade", "raw"},
      {"facade", "rawDecode"},
      {"facade", "rawEncodeDecode"},
      {"facade", "facadeKeySet"},
      {"facadeKeySet", "rawEncodeDecode"},
      {"rawDecode", "raw"},
      {"rawEncodeDecode", "rawDecode"}
    };
    for (String[] pair : pairs) {
      List<double[]> a = results.get(pair[0]);
      List<double[]> c = results.get(pair[1]);
      List<double[]> ratios = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        ratios.add(new double[] {a.get(i)[0] / c.get(i)[0], a.get(i)[1] - c.get(i)[1]});
      }
      double[] r = stats(ratios, 0);
      double[] d = stats(ratios, 1);
      System.out.printf(
          "| %s / %s | %.3f ± %.3f | %+.1f ± %.1f |%n", pair[0], pair[1], r[0], r[1], d[0], d[1]);
    }
    b.tearDown();
  }

  /**
   * Mean and half-width of the 95% confidence interval (normal approximation) of column {@code i}.
   */
  private static double[] stats(List<double[]> rows, int i) {
    double sum = 0;
    for (double[] r : rows) {
      sum += r[i];
    }
    double mean = sum / rows.size();
    double ss = 0;
    for (double[] r : rows) {
      ss += (r[i] - mean) * (r[i] - mean);
    }
    double sd = Math.sqrt(ss / (rows.size() - 1));
    return new double[] {mean, 1.96 * sd / Math.sqrt(rows.size())};
  }
}
