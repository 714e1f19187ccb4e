package dev.transferkit.specs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every spec in specs/ parses, validates and passes our lint; a failure names the file and the
 * problem.
 */
class SpecLintTest {
  static Stream<String> specs() {
    return Provider.allSpecFiles().stream();
  }

  @ParameterizedTest
  @MethodSource("specs")
  void specPassesTheLint(String spec) {
    Path file = Paths.get(System.getProperty("specs.dir", ".")).resolve(spec);
    List<String> problems = SpecLint.lint(file, "specs/" + spec);
    assertTrue(
        problems.isEmpty(),
        () -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
  }

  static Stream<String> sharedFiles() {
    return Provider.allSharedFiles().stream();
  }

  @ParameterizedTest
  @MethodSource("sharedFiles")
  void sharedFilePassesTheLint(String shared) {
    Path file = Paths.get(System.getProperty("specs.dir", ".")).resolve(shared);
    List<String> problems = SpecLint.lintShared(file, "specs/" + shared);
    assertTrue(
        problems.isEmpty(),
        () -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
  }
}
