package dev.transferkit.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The compatibility gate of every build (docs/releasing.md). Compares each spec under {@code
 * specs/} with its copy in {@code release-baseline/specs/} (the last release, written by the
 * release command), and each client jar with the released jar of version {@code
 * release-baseline/VERSION} in the release repository, when that repository holds it. Writes a
 * Markdown report; a breaking change fails unless the version was raised (the major version, or the
 * minor one while the major is 0) over the baseline's and CHANGELOG.md has a section for the new
 * version.
 */
public final class ApiGate {
  static final String BASELINE = "release-baseline";

  /** What the gate found. */
  public record Result(
      String baselineVersion,
      String version,
      List<Change> changes,
      List<String> notes,
      boolean versionRaised,
      boolean changelogHasSection) {
    public List<Change> breaking() {
      return changes.stream().filter(Change::breaking).collect(Collectors.toList());
    }

    /** Whether the build may pass. */
    public boolean passes() {
      return breaking().isEmpty() || (versionRaised && changelogHasSection);
    }
  }

  private ApiGate() {}

  /**
   * Runs the gate.
   *
   * @param root the project folder (specs/, release-baseline/, CHANGELOG.md)
   * @param version the version being built ({@code 0.2.0-SNAPSHOT})
   * @param releaseRepository the file-based Maven repository releases are deployed to; may lack the
   *     baseline jars
   * @param jars the modules whose jars are compared ({@code client-circle}), at {@code
   *     <module>/target/<module>-<version>.jar}
   */
  public static Result check(Path root, String version, Path releaseRepository, List<String> jars)
      throws IOException {
    Path baseline = root.resolve(BASELINE);
    Path versionFile = baseline.resolve("VERSION");
    if (!Files.isRegularFile(versionFile)) {
      throw new IllegalStateException(
          versionFile
              + " is missing: the release command (build-support/release.sh)"
              + " writes it with the specs of the last release");
    }
    String baselineVersion = Files.readString(versionFile).trim();
    List<Change> changes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Path specs = root.resolve("specs");
    List<String> current = yamlFiles(specs);
    List<String> released = yamlFiles(baseline.resolve("specs"));
    for (String spec : released) {
      if (!current.contains(spec)) {
        changes.add(new Change("specs/" + spec, "(whole spec)", "spec removed", true));
      }
    }
    for (String spec : current) {
      if (!released.contains(spec)) {
        changes.add(new Change("specs/" + spec, "(whole spec)", "spec added", false));
      } else {
        changes.addAll(
            SpecDiff.compare(
                "specs/" + spec, baseline.resolve("specs").resolve(spec), specs.resolve(spec)));
      }
    }
    for (String module : jars) {
      Path now = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
      Path dir =
          releaseRepository.resolve("dev/transferkit").resolve(module).resolve(baselineVersion);
      Path then = releasedJar(dir, module);
      if (then == null) {
        notes.add(
            module
                + ": Java API not compared, no released jar in "
                + dir
                + " (the release command deploys it there; docs/releasing.md)");
      } else if (!Files.exists(now)) {
        notes.add(module + ": Java API not compared, " + now + " was not built");
      } else {
        changes.addAll(JavaApiDiff.compare(module + ".jar", then, now));
      }
    }
    String release = version.replace("-SNAPSHOT", "");
    Path changelog = root.resolve("CHANGELOG.md");
    boolean section =
        Files.exists(changelog)
            && Pattern.compile("^## \\[" + Pattern.quote(release) + "\\]", Pattern.MULTILINE)
                .matcher(Files.readString(changelog))
                .find();
    return new Result(
        baselineVersion, version, changes, notes, raised(baselineVersion, release), section);
  }

  /**
   * The main jar in a repository folder; a SNAPSHOT deployment names it with a timestamp (the
   * newest wins).
   */
  private static Path releasedJar(Path dir, String module) throws IOException {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f -> {
                String name = f.getFileName().toString();
                return name.startsWith(module + "-")
                    && name.endsWith(".jar")
                    && !name.endsWith("-sources.jar")
                    && !name.endsWith("-javadoc.jar")
                    && !name.endsWith("-tests.jar");
              })
          .max(java.util.Comparator.comparing(Path::toString))
          .orElse(null);
    }
  }

  /**
   * Whether {@code next} raises {@code released} enough for a breaking change: major, or minor
   * while major is 0.
   */
  static boolean raised(String released, String next) {
    int[] a = parse(released);
    int[] b = parse(next);
    return a[0] == 0 ? b[0] > 0 || b[1] > a[1] : b[0] > a[0];
  }

  private static int[] parse(String version) {
    Matcher m = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*").matcher(version);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a version: " + version);
    }
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  private static List<String> yamlFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .map(f -> dir.relativize(f).toString().replace('\\', '/'))
          .filter(f -> !f.startsWith("src/") && !f.startsWith("target/"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** The Markdown report. */
  public static String markdown(Result result) {
    StringBuilder md = new StringBuilder();
    md.append("# API changes since ").append(result.baselineVersion()).append("\n\n");
    md.append("Building ")
        .append(result.version())
        .append(" against the last release, ")
        .append(result.baselineVersion())
        .append(" (`")
        .append(BASELINE)
        .append("/`).\n\n");
    List<Change> breaking = result.breaking();
    md.append(
            breaking.isEmpty()
                ? "**No breaking change.**"
                : "**"
                    + breaking.size()
                    + " breaking change(s).** "
                    + (result.passes()
                        ? "Allowed: the version was raised and CHANGELOG.md has its section."
                        : "Not allowed: " + why(result)))
        .append("\n\n");
    section(md, "Breaking", breaking);
    section(
        md,
        "Compatible",
        result.changes().stream().filter(c -> !c.breaking()).collect(Collectors.toList()));
    if (!result.notes().isEmpty()) {
      md.append("## Not compared\n\n");
      result.notes().forEach(n -> md.append("- ").append(n).append('\n'));
      md.append('\n');
    }
    return md.toString();
  }

  private static String why(Result result) {
    List<String> missing = new ArrayList<>();
    if (!result.versionRaised()) {
      missing.add(
          "raise the version above "
              + result.baselineVersion()
              + " (the major version, or the minor one while the major is 0)");
    }
    if (!result.changelogHasSection()) {
      missing.add(
          "add a section `## [" + result.version().replace("-SNAPSHOT", "") + "]` to CHANGELOG.md");
    }
    return String.join(" and ", missing) + ".";
  }

  private static void section(StringBuilder md, String title, List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    md.append("## ").append(title).append("\n\n| where | change |\n|---|---|\n");
    for (Change c : changes) {
      md.append("| `")
          .append(c.subject())
          .append("` ")
          .append(escape(c.where()))
          .append(" | ")
          .append(escape(c.what()))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }

  /**
   * {@code ApiGate <root> <version> <release repository> <report.md> <module>...}: writes the
   * report, and throws (failing the Maven build that runs it) when a breaking change is not
   * allowed.
   */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    Result result = check(root, args[1], Path.of(args[2]), List.of(args).subList(4, args.length));
    Path report = Path.of(args[3]);
    Files.createDirectories(report.getParent());
    Files.writeString(report, markdown(result), StandardCharsets.UTF_8);
    System.out.println(
        "[api-gate] "
            + result.changes().size()
            + " change(s), "
            + result.breaking().size()
            + " breaking; report: "
            + report);
    result.notes().forEach(n -> System.out.println("[api-gate] " + n));
    if (!result.passes()) {
      throw new IllegalStateException(
          "Breaking API changes since "
              + result.baselineVersion()
              + ": "
              + why(result)
              + "\n"
              + result.breaking().stream()
                  .map(c -> "  " + c.subject() + " " + c.where() + ": " + c.what())
                  .collect(Collectors.joining("\n"))
              + "\nReport: "
              + report);
    }
  }
}
