package dev.transferkit.sandbox;

import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point: {@code java -jar transferkit-sandbox.jar [--port 8080] [--host 127.0.0.1]
 * [--frozen-clock] [--strict-responses] [--admin-token T] [--exit-when-ready]}. Prints the base
 * URLs and the seeded API keys, then serves until killed.
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    long started = System.nanoTime();
    Sandbox.Builder builder = Sandbox.builder().port(8080).clock(SandboxClock.ticking());
    boolean exitWhenReady = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> builder.port(Integer.parseInt(args[++i]));
        case "--host" -> builder.host(args[++i]);
        case "--frozen-clock" -> builder.clock(SandboxClock.frozenAtNow());
        case "--strict-responses" -> builder.strictResponses(true);
        case "--admin-token" -> builder.adminToken(args[++i]);
        case "--exit-when-ready" -> exitWhenReady = true; // for measuring the start time
        case "--help", "-h" -> {
          System.out.println(
              "usage: java -jar transferkit-sandbox.jar [--port 8080] [--host 127.0.0.1] [--frozen-clock]"
                  + " [--strict-responses] [--admin-token T] [--exit-when-ready]");
          return;
        }
        default -> {
          System.err.println("unknown argument: " + args[i] + " (try --help)");
          System.exit(2);
        }
      }
    }
    Sandbox sandbox = builder.build().start();
    long millis = (System.nanoTime() - started) / 1_000_000;
    long sinceJvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
    System.out.println(
        "TransferKit sandbox ready in "
            + millis
            + " ms ("
            + sinceJvmStart
            + " ms after JVM start; clock: "
            + sandbox.clock()
            + ")");
    System.out.println("Circle     " + sandbox.circleBaseUrl());
    System.out.println("Wyre       " + sandbox.wyreBaseUrl());
    System.out.println("Streambird " + sandbox.streambirdBaseUrl());
    System.out.println("Admin      " + sandbox.adminBaseUrl());
    if (sandbox.adminToken() != null) {
      System.out.println(
          "Admin token (send Authorization: Bearer <token> to the admin API and the seed listing): "
              + sandbox.adminToken());
    }
    System.out.println(sandbox.seed().describe());
    System.out.flush();
    if (exitWhenReady) {
      sandbox.close();
      return;
    }
    new CountDownLatch(1).await();
  }
}
