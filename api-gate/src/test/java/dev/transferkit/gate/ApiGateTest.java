package dev.transferkit.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate driven by edits of a fixture spec (and of a small Java API), as a spec change reaches a
 * user.
 */
class ApiGateTest {
  @TempDir Path root;

  @Test
  void anAddedOptionalResponseFieldIsCompatible() throws Exception {
    ApiGate.Result result =
        gate(
            "0.1.0",
            "0.1.0-SNAPSHOT",
            spec ->
                spec.replace(
                    """
                status:
                  $ref: '#/components/schemas/TransferStatus'
            """
                        .stripIndent()
                        .indent(4),
                    """
                status:
                  $ref: '#/components/schemas/TransferStatus'
                note:
                  type: string
            """
                        .stripIndent()
                        .indent(4)));
    assertEquals(List.of(), result.breaking());
    assertTrue(result.passes());
    assertTrue(
        ApiGate.markdown(result).contains(".note | property added, optional"),
        ApiGate.markdown(result));
  }

  @Test
  void aRenamedRequiredResponseFieldFailsAndTheMessageNamesIt() throws Exception {
    ApiGate.Result result = gate("0.1.0", "0.1.0-SNAPSHOT", ApiGateTest::renameTransferAmount);
    assertFalse(result.passes());
    assertTrue(
        result.breaking().stream()
            .anyMatch(
                c ->
                    c.where()
                            .equals(
                                "GET /v1/transfers/{id} response 200 " + "application/json .amount")
                        && c.what().equals("property removed")),
        result.breaking().toString());
    assertTrue(
        result
            .changes()
            .contains(
                new Change(
                    "specs/demo/transfers.yaml",
                    "GET /v1/transfers/{id} response 200 application/json .value",
                    "property added, required",
                    false)),
        "a field the server adds to a response breaks no client: " + result.changes());
    assertEquals(
        2, result.breaking().size(), "amount removed from both responses: " + result.breaking());
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> ApiGate.main(args("0.1.0-SNAPSHOT")));
    assertTrue(
        failure
            .getMessage()
            .contains(
                "specs/demo/transfers.yaml GET /v1/transfers/{id} response 200 "
                    + "application/json .amount: property removed"),
        failure.getMessage());
    assertTrue(
        Files.readString(root.resolve("target/api-changes.md"))
            .contains(".amount | property removed"));
  }

  @Test
  void aRemovedResponseEnumValueFails() throws Exception {
    ApiGate.Result result =
        gate(
            "0.1.0",
            "0.1.0-SNAPSHOT",
            spec -> spec.replace("enum: [pending, complete, failed]", "enum: [pending, complete]"));
    assertFalse(result.passes());
    assertTrue(
        result.breaking().stream()
            .anyMatch(
                c ->
                    c.where().endsWith(".status")
                        && c.what().equals("enum value removed: [failed]")),
        result.breaking().toString());
  }

  @Test
  void aRequestFieldBecomingRequiredFails() throws Exception {
    ApiGate.Result result =
        gate(
            "0.1.0",
            "0.1.0-SNAPSHOT",
            spec -> spec.replace("required: [amount]", "required: [amount, memo]"));
    assertTrue(
        result.breaking().stream()
            .anyMatch(
                c ->
                    c.where().endsWith("request application/json .memo")
                        && c.what().equals("became required")),
        result.changes().toString());
  }

  @Test
  void aBreakingChangePassesOnlyWithTheMinorRaisedWhileZeroAndAChangelogSection() throws Exception {
    assertFalse(
        gate("0.1.0", "0.2.0-SNAPSHOT", ApiGateTest::renameTransferAmount).passes(),
        "no CHANGELOG section");
    Files.writeString(
        root.resolve("CHANGELOG.md"),
        "# Changelog\n\n## [0.2.0] - unreleased\n\n- amount renamed\n");
    assertTrue(gate("0.1.0", "0.2.0-SNAPSHOT", ApiGateTest::renameTransferAmount).passes());
    assertFalse(
        gate("0.1.0", "0.1.1-SNAPSHOT", ApiGateTest::renameTransferAmount).passes(), "patch only");
    assertTrue(ApiGate.raised("1.4.2", "2.0.0"));
    assertFalse(ApiGate.raised("1.4.2", "1.5.0"), "a minor raise is not enough from 1.x");
  }

  @Test
  void aRemovedPublicMethodIsBreakingAndInternalPackagesAreNotApi() throws Exception {
    Path released =
        jar(
            "released",
            """
        package demo; public class Client { public String name() { return "a"; } public void gone() {} }
        """,
            """
        package demo.internal; public class Plumbing { public void gone() {} }
        """);
    Path current =
        jar(
            "current",
            """
        package demo; public class Client { public String name() { return "a"; } }
        """,
            """
        package demo.internal; public class Plumbing { }
        """);
    List<Change> changes = JavaApiDiff.compare("demo.jar", released, current);
    assertEquals(
        List.of(
            new Change("demo.jar", "demo.Client#gone()", "method removed: METHOD_REMOVED", true)),
        changes);
  }

  private static String renameTransferAmount(String spec) {
    String transfer = spec.substring(spec.indexOf("    Transfer:"));
    return spec.replace(
        transfer,
        transfer
            .replace("required: [id, amount, status]", "required: [id, value, status]")
            .replaceFirst("        amount:", "        value:"));
  }

  private ApiGate.Result gate(String released, String version, UnaryOperator<String> edit)
      throws IOException {
    String spec;
    try (InputStream in = ApiGateTest.class.getResourceAsStream("/fixture/transfers.yaml")) {
      spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path baseline = root.resolve("release-baseline/specs/demo/transfers.yaml");
    Files.createDirectories(baseline.getParent());
    Files.writeString(baseline, spec);
    Files.writeString(root.resolve("release-baseline/VERSION"), released + "\n");
    Path current = root.resolve("specs/demo/transfers.yaml");
    Files.createDirectories(current.getParent());
    String edited = edit.apply(spec);
    assertFalse(edited.equals(spec), "the edit changed nothing");
    Files.writeString(current, edited);
    return ApiGate.check(root, version, root.resolve("releases"), List.of());
  }

  private String[] args(String version) {
    return new String[] {
      root.toString(),
      version,
      root.resolve("releases").toString(),
      root.resolve("target/api-changes.md").toString()
    };
  }

  private Path jar(String name, String... sources) throws IOException {
    Path src = root.resolve(name + "-src");
    Path classes = root.resolve(name + "-classes");
    Files.createDirectories(classes);
    List<String> arguments = new java.util.ArrayList<>();
    // One public class per file: name each file after its class.
    arguments.addAll(List.of("-d", classes.toString()));
    for (String source : sources) {
      String type = source.replaceAll("(?s).*public class (\\w+).*", "$1");
      String pkg = source.replaceAll("(?s)\\s*package ([\\w.]+);.*", "$1");
      Path file = src.resolve(pkg.replace('.', '/')).resolve(type + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      arguments.add(file.toString());
    }
    assertEquals(
        0,
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, arguments.toArray(new String[0])));
    Path jar = root.resolve(name + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        var files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    return jar;
  }
}
