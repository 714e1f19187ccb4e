package dev.transferkit.sandbox;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * {@link SandboxValidationBenchmark}'s two paths (networknt json-schema-validator, the sandbox's;
 * swagger-request-validator, the baseline) measured in CPU time of the calling thread, interleaved
 * in one JVM: on a machine shared with other builds, wall time (what JMH reports) mostly measures
 * the scheduler, while the thread's own CPU time stays close to the work done. Each round runs a
 * block of calls of each path in random order; the figure is the median over rounds of each path's
 * CPU time per call, and the median of the per-round ratios.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar
 * dev.transferkit.sandbox.SandboxValidationPaired [rounds] [calls per block] [warm-up rounds]}
 */
public final class SandboxValidationPaired {
  private SandboxValidationPaired() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    SandboxValidationBenchmark b = new SandboxValidationBenchmark();
    b.setUp();
    List<String> names = List.of("sandboxChecks", "interactionValidator");
    List<Supplier<List<String>>> paths = List.of(b::sandboxChecks, b::interactionValidator);
    for (Supplier<List<String>> path : paths) {
      if (!path.get().isEmpty()) {
        throw new IllegalStateException("the documented exchange must pass: " + path.get());
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[][] perCall = new double[paths.size()][rounds];
    Random random = new Random(42);
    List<Integer> order = new ArrayList<>(List.of(0, 1));
    long sink = 0;
    for (int round = -warmUp; round < rounds; round++) {
      Collections.shuffle(order, random);
      for (int p : order) {
        Supplier<List<String>> path = paths.get(p);
        long t0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
          sink += path.get().size();
        }
        long cpu = threads.getCurrentThreadCpuTime() - t0;
        if (round >= 0) {
          perCall[p][round] = cpu / 1000.0 / calls;
        }
      }
    }
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      ratios[r] = perCall[0][r] / perCall[1][r];
    }
    System.out.printf(
        "rounds %d x %d calls per path (after %d warm-up rounds); caller CPU time per call%n",
        rounds, calls, warmUp);
    for (int p = 0; p < paths.size(); p++) {
      System.out.printf(
          "%-22s median %.1f us (quartiles %.1f - %.1f)%n",
          names.get(p), median(perCall[p]), quantile(perCall[p], 0.25), quantile(perCall[p], 0.75));
    }
    System.out.printf(
        "sandboxChecks / interactionValidator: median %.3f (quartiles %.3f - %.3f)%s%n",
        median(ratios),
        quantile(ratios, 0.25),
        quantile(ratios, 0.75),
        sink == 0 ? "" : " (problems found: " + sink + ")");
  }

  private static double median(double[] values) {
    return quantile(values, 0.5);
  }

  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.round(q * (sorted.length - 1))];
  }
}
