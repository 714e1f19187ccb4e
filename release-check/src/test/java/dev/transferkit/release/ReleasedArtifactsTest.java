package dev.transferkit.release;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxSeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The artifacts as a user gets them. Once per run (about a minute and a half on two cores): copies
 * the project (without build output) to another folder and runs the documented release command
 * there, {@code build-support/deploy-local.sh <folder>}, into a file-based Maven repository. Then
 * checks that repository, compares its client jars with the ones this build made (reproducibility),
 * and builds and runs two consumers from it: a Maven project that imports the BOM and calls the
 * embedded sandbox, and a program on the module path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleasedArtifactsTest {
  private static final Map<String, String> CLIENTS =
      Map.of(
          "client-core", "dev.transferkit.core",
          "client-circle", "dev.transferkit.circle",
          "client-wyre", "dev.transferkit.wyre",
          "client-streambird", "dev.transferkit.streambird");
  private static final List<String> CHECKSUMS = List.of("md5", "sha1", "sha256", "sha512");
  private static final long MINUTES = 10;

  private final Path root = Path.of(System.getProperty("transferkit.root"));
  private final String version = System.getProperty("transferkit.version");
  private final Path work = Path.of(System.getProperty("transferkit.work"));
  private final Path repository = work.resolve("repository");
  private Path consumerRuntimePath;

  @BeforeAll
  void deployACopyOfTheProjectIntoAFileRepository() throws Exception {
    deleteTree(work);
    Path source = work.resolve("source");
    // Build output is the root's and each module's target/ (as in .gitignore), not a package named
    // "target".
    copyTree(
        root,
        source,
        path -> {
          Path relative = root.relativize(path);
          String name = relative.getFileName().toString();
          boolean output = name.equals("target") && relative.getNameCount() <= 2;
          return !output && !name.equals(".git") && !name.equals("node_modules");
        });
    run(
        source,
        work.resolve("deploy.log"),
        "bash",
        "build-support/deploy-local.sh",
        repository.toString(),
        "-DskipTests");
  }

  @Test
  void everyPublishedFileHasItsChecksumsAndClientsHaveSourcesAndJavadoc() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String artifact :
        List.of(
            "transferkit-bom",
            "transferkit-parent",
            "client-core",
            "client-circle",
            "client-wyre",
            "client-streambird",
            "sandbox")) {
      Path dir = artifactDir(artifact);
      List<Path> files = published(dir);
      if (files.stream().noneMatch(f -> f.toString().endsWith(".pom"))) {
        problems.add(artifact + ": no POM in " + dir);
      }
      boolean client = CLIENTS.containsKey(artifact);
      for (String classifier : client ? List.of("", "-sources", "-javadoc") : List.<String>of()) {
        if (files.stream()
            .noneMatch(
                f ->
                    f.getFileName().toString().endsWith(classifier + ".jar")
                        && (!classifier.isEmpty() || isMainJar(f)))) {
          problems.add(artifact + ": no " + (classifier.isEmpty() ? "main" : classifier) + " jar");
        }
      }
      for (Path file : files) {
        for (String algorithm : CHECKSUMS) {
          Path sum = Path.of(file + "." + algorithm);
          if (!Files.exists(sum)) {
            problems.add(repository.relativize(sum) + " is missing");
          } else if (!Files.readString(sum).trim().startsWith(digest(algorithm, file))) {
            problems.add(repository.relativize(sum) + " does not match " + file.getFileName());
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theReleaseCommandRanTheCompatibilityGateAndRecordsTheNewBaseline() throws Exception {
    Path source = work.resolve("source");
    assertTrue(
        Files.readString(work.resolve("deploy.log")).contains("[api-gate] "),
        "the gate did not run before deploying");
    run(source, work.resolve("baseline.log"), "bash", "build-support/record-baseline.sh", "9.9.9");
    assertEquals("9.9.9", Files.readString(source.resolve("release-baseline/VERSION")).trim());
    List<String> specs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(source.resolve("specs"))) {
      for (Path spec :
          files.filter(f -> f.toString().endsWith(".yaml")).collect(Collectors.toList())) {
        String relative = source.resolve("specs").relativize(spec).toString();
        if (relative.startsWith("src") || relative.startsWith("target")) {
          continue; // the spec checks' own test fixtures, and the module's build output
        }
        specs.add(relative);
        assertArrayEquals(
            Files.readAllBytes(spec),
            Files.readAllBytes(source.resolve("release-baseline/specs").resolve(relative)),
            relative);
      }
    }
    assertTrue(specs.size() >= 5, "specs found: " + specs);
  }

  @Test
  void clientJarsBuiltInAnotherFolderAreByteIdenticalToThisBuilds() throws Exception {
    for (String artifact : CLIENTS.keySet()) {
      Path here =
          root.resolve(artifact).resolve("target").resolve(artifact + "-" + version + ".jar");
      assertTrue(
          Files.exists(here), here + " is missing: run this test within the reactor build (-am)");
      assertArrayEquals(
          Files.readAllBytes(here),
          Files.readAllBytes(mainJar(artifact)),
          artifact + ": the jar deployed from the copy differs from " + here);
    }
  }

  @Test
  void clientManifestsNameTheModuleEverySpecWithItsSha256AndTheGenerator() throws Exception {
    String generator = "openapi-generator " + System.getProperty("transferkit.generator.version");
    for (Map.Entry<String, String> client : CLIENTS.entrySet()) {
      Manifest manifest;
      try (JarFile jar = new JarFile(mainJar(client.getKey()).toFile())) {
        manifest = jar.getManifest();
      }
      assertEquals(
          client.getValue(), manifest.getMainAttributes().getValue("Automatic-Module-Name"));
      if (client.getKey().equals("client-core")) {
        continue;
      }
      String group = client.getKey().substring("client-".length());
      Map<String, String> expected = new TreeMap<>();
      try (Stream<Path> specs = Files.list(root.resolve("specs").resolve(group))) {
        for (Path spec :
            specs.filter(p -> p.toString().endsWith(".yaml")).collect(Collectors.toList())) {
          expected.put(
              "specs/" + group + "/" + spec.getFileName(), "sha256:" + digest("sha256", spec));
        }
      }
      Map<String, String> recorded = new TreeMap<>();
      for (String entry :
          manifest.getMainAttributes().getValue("TransferKit-Specs").split(",\\s*")) {
        String[] pathAndHash = entry.trim().split(" ");
        recorded.put(pathAndHash[0], pathAndHash[1]);
      }
      assertAll(
          client.getKey(),
          () -> assertEquals(expected, recorded),
          () ->
              assertEquals(
                  generator, manifest.getMainAttributes().getValue("TransferKit-Generator")));
    }
  }

  @Test
  void aFreshProjectResolvesTheClientThroughTheBomAndCallsTheEmbeddedSandbox() throws Exception {
    Path consumer = consumerProject();
    Path report =
        consumer.resolve("target/surefire-reports/TEST-consumer.BalancesAgainstTheSandboxTest.xml");
    assertTrue(
        Files.readString(report).contains("tests=\"1\" errors=\"0\" skipped=\"0\" failures=\"0\""),
        "the consumer's test did not pass: " + report);
    Path resolved =
        work.resolve("consumer-local-repository/dev/transferkit/client-circle").resolve(version);
    assertTrue(Files.isDirectory(resolved), "client-circle was not resolved from " + repository);
  }

  @Test
  void aModularProgramRunsOnTheModulePathWithoutAddModules() throws Exception {
    consumerProject();
    String modulePath = consumerRuntimePath.toString();
    Path sources = resource("/modular");
    Path classes = work.resolve("modular-classes");
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "--module-path",
                modulePath,
                "--module-source-path",
                sources.toString(),
                "-m",
                "consumer.app",
                "-d",
                classes.toString());
    assertEquals(0, compiled, "javac of the modular consumer failed");
    try (Sandbox sandbox = Sandbox.builder().port(0).build().start()) {
      Path log = work.resolve("modular-run.log");
      run(
          work,
          log,
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "--module-path",
          classes + java.io.File.pathSeparator + modulePath,
          "-m",
          "consumer.app/consumer.app.Main",
          sandbox.circleBaseUrl(),
          SandboxSeed.CIRCLE_API_KEY,
          SandboxSeed.CIRCLE_SOURCE_ACCOUNT);
      assertTrue(
          Files.readString(log).startsWith("module dev.transferkit.circle: "),
          Files.readString(log));
    }
  }

  /**
   * Builds the consumer project once (Maven, fresh local repository backed read-only by this
   * build's).
   */
  private synchronized Path consumerProject() throws Exception {
    Path consumer = work.resolve("consumer");
    if (consumerRuntimePath == null) {
      copyTree(resource("/consumer"), consumer, path -> true);
      Path pom = consumer.resolve("pom.xml");
      Files.writeString(
          pom,
          Files.readString(pom)
              .replace("@REPOSITORY_URL@", repository.toUri().toString())
              .replace("@TRANSFERKIT_VERSION@", version));
      run(
          consumer,
          work.resolve("consumer.log"),
          root.resolve("mvnw").toString(),
          "-B",
          "--no-transfer-progress",
          "verify",
          "-Dmaven.repo.local=" + work.resolve("consumer-local-repository"),
          "-Dmaven.repo.local.tail=" + localRepositoryWithoutTransferKit());
      consumerRuntimePath = consumer.resolve("target/runtime-path.txt");
      consumerRuntimePath = Path.of(Files.readString(consumerRuntimePath).trim());
    }
    return consumer;
  }

  /**
   * This build's local repository as a read-only tail for the consumer (third-party jars without
   * downloads), minus {@code dev/transferkit}: TransferKit itself must come from the deployed
   * repository, never from an earlier install. A folder of symbolic links, one per group folder.
   */
  private Path localRepositoryWithoutTransferKit() throws IOException {
    Path local = Path.of(System.getProperty("transferkit.localRepository"));
    Path tail = work.resolve("local-repository-tail");
    Files.createDirectories(tail.resolve("dev"));
    try (Stream<Path> top = Files.list(local)) {
      for (Path entry : top.collect(Collectors.toList())) {
        if (!entry.getFileName().toString().equals("dev")) {
          Files.createSymbolicLink(tail.resolve(entry.getFileName().toString()), entry);
        }
      }
    }
    if (Files.isDirectory(local.resolve("dev"))) {
      try (Stream<Path> dev = Files.list(local.resolve("dev"))) {
        for (Path entry : dev.collect(Collectors.toList())) {
          if (!entry.getFileName().toString().equals("transferkit")) {
            Files.createSymbolicLink(
                tail.resolve("dev").resolve(entry.getFileName().toString()), entry);
          }
        }
      }
    }
    return tail;
  }

  private Path artifactDir(String artifact) {
    return repository.resolve("dev/transferkit").resolve(artifact).resolve(version);
  }

  private List<Path> published(Path dir) throws IOException {
    assertTrue(Files.isDirectory(dir), dir + " was not deployed");
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".jar") || f.toString().endsWith(".pom"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static boolean isMainJar(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".jar")
        && !name.endsWith("-sources.jar")
        && !name.endsWith("-javadoc.jar")
        && !name.endsWith("-tests.jar");
  }

  private Path mainJar(String artifact) throws IOException {
    List<Path> jars =
        published(artifactDir(artifact)).stream()
            .filter(ReleasedArtifactsTest::isMainJar)
            .collect(Collectors.toList());
    assertEquals(1, jars.size(), artifact + ": main jars " + jars);
    return jars.get(0);
  }

  private Path resource(String name) throws URISyntaxException {
    return Path.of(ReleasedArtifactsTest.class.getResource(name).toURI());
  }

  private static String digest(String algorithm, Path file) throws IOException {
    String name =
        Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha512", "SHA-512")
            .get(algorithm);
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance(name);
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void run(Path dir, Path log, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " took more than " + MINUTES + " minutes; output in " + log);
    }
    if (process.exitValue() != 0) {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      fail(
          String.join(" ", command)
              + " failed (exit "
              + process.exitValue()
              + "); end of "
              + log
              + ":\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
    }
  }

  private static void copyTree(Path from, Path to, java.util.function.Predicate<Path> keep)
      throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      paths
          .filter(
              p -> {
                for (Path part = p;
                    part != null && part.startsWith(from) && !part.equals(from);
                    part = part.getParent()) {
                  if (!keep.test(part)) {
                    return false;
                  }
                }
                return true;
              })
          .forEach(
              p -> {
                try {
                  Path target = to.resolve(from.relativize(p).toString());
                  if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                  } else {
                    Files.copy(
                        p,
                        target,
                        StandardCopyOption.COPY_ATTRIBUTES,
                        StandardCopyOption.REPLACE_EXISTING);
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.delete(p);
        }
      }
    }
  }
}
