package dev.transferkit.conformance.runner;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of the conformance runner ({@code java -jar
 * conformance/target/transferkit-conformance.jar}): reads the options, turns them into a {@link
 * RunOptions} and hands it to {@link ConformanceRun}. Credentials are read from the environment
 * only (never from the command line, where {@code ps} and shell history would show them).
 */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = ConformanceMain.Version.class,
    description =
        "Runs the providers' documented walkthroughs against the embedded sandbox or a real sandbox.",
    footer = {
      "",
      "Credentials (environment or -D): CIRCLE_API_KEY, WYRE_API_KEY + WYRE_SECRET_KEY, STREAMBIRD_API_KEY.",
      "Exit status: 0 nothing failed, 1 a scenario failed, 2 bad usage, 3 nothing ran (--fail-if-all-skipped)."
    })
public final class ConformanceMain implements Callable<Integer> {
  @Option(
      names = "--provider",
      split = ",",
      paramLabel = "circle|wyre|streambird",
      description = "Only this provider's walkthroughs (repeatable, or comma-separated).")
  private List<String> providers = new ArrayList<>();

  @Option(
      names = "--tags",
      paramLabel = "EXPR",
      description = "A Cucumber tag expression, e.g. '@payouts and not @sandbox-control'.")
  private String tags;

  @Option(
      names = "--target",
      paramLabel = "local|sandbox",
      defaultValue = "local",
      description =
          "local: an embedded sandbox (default); sandbox: the providers' sandboxes or the base URLs given.")
  private String target;

  @Option(
      names = "--circle-base-url",
      paramLabel = "URL",
      description = "Send Circle's requests here.")
  private String circleBaseUrl;

  @Option(names = "--wyre-base-url", paramLabel = "URL", description = "Send Wyre's requests here.")
  private String wyreBaseUrl;

  @Option(
      names = "--streambird-base-url",
      paramLabel = "URL",
      description = "Send Streambird's requests here.")
  private String streambirdBaseUrl;

  @Option(
      names = "--fixtures",
      paramLabel = "FILE",
      description = "Properties file mapping the docs' ids to yours.")
  private Path fixtures;

  @Option(
      names = "--fail-if-all-skipped",
      description = "Exit 3 when no scenario passed or failed.")
  private boolean failIfAllSkipped;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      defaultValue = "target/conformance-report",
      description = "Where the reports go (default: ${DEFAULT-VALUE}).")
  private Path report;

  @Option(
      names = "--record",
      paramLabel = "DIR",
      description =
          "Record every exchange (secrets masked, ids kept) under DIR, one file per scenario.")
  private Path record;

  @Option(
      names = "--compare",
      paramLabel = "DIR",
      description =
          "Instead of a run: replay the recordings in DIR against the local sandbox and report, per"
              + " operation, where its answers differ (status, fields, types, enumerated values).")
  private Path compare;

  private ConformanceMain() {}

  /** The version the jar's manifest states. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ConformanceMain.class.getPackage().getImplementationVersion();
      return new String[] {
        "TransferKit conformance runner "
            + (v == null ? "(version unknown: not run from its jar)" : v)
      };
    }
  }

  public static void main(String[] args) {
    // The console's encoding, as PrintWriter(OutputStream) would pick it, stated.
    Charset console = Charset.defaultCharset();
    System.exit(
        execute(
            new PrintWriter(new OutputStreamWriter(System.out, console), true),
            new PrintWriter(new OutputStreamWriter(System.err, console), true),
            args));
  }

  /** Runs the command; the exit status. */
  static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new ConformanceMain()).setOut(out).setErr(err);
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof IllegalArgumentException) {
            line.getErr().println(e.getMessage());
            line.usage(line.getErr());
            return ConformanceRun.EXIT_USAGE;
          }
          throw e;
        });
    cli.setExitCodeExceptionMapper(e -> ConformanceRun.EXIT_USAGE);
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    if (compare != null) {
      if (record != null) {
        throw new IllegalArgumentException(
            "--compare replays recordings: it cannot be combined with --record");
      }
      return DriftRun.compare(compare, fixtures, report, System.out);
    }
    RunOptions.Builder b =
        RunOptions.builder()
            .target(target.toLowerCase(Locale.ROOT))
            .tags(tags)
            .reportDir(report)
            .failIfAllSkipped(failIfAllSkipped)
            .recordDir(record)
            .fixtures(fixtures)
            .baseUrl("circle", circleBaseUrl)
            .baseUrl("wyre", wyreBaseUrl)
            .baseUrl("streambird", streambirdBaseUrl);
    providers.forEach(b::provider);
    return new ConformanceRun(b.build()).run().exitStatus();
  }
}
