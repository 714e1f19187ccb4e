package dev.transferkit.circle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One model per concept: no two generated Circle model packages ({@code
 * dev.transferkit.circle.model} from {@code specs/circle/common.yaml}, and one per API) define a
 * public class of the same simple name, so a wildcard import of two of them never makes a name
 * ambiguous. A schema the APIs share goes into common.yaml.
 */
class ModelNamesTest {
  @Test
  void noTwoCircleModelPackagesDefineTheSameClassName() throws Exception {
    Map<String, Set<String>> packagesByName = new TreeMap<>();
    List<String> packages = new ArrayList<>();
    for (Path dir : modelPackageDirectories()) {
      String pkg = packageOf(dir);
      packages.add(pkg);
      for (String simple : publicClasses(dir, pkg)) {
        packagesByName.computeIfAbsent(simple, k -> new TreeSet<>()).add(pkg);
      }
    }
    assertTrue(
        packages.contains("dev.transferkit.circle.model") && packages.size() >= 4,
        () -> "expected the shared and the three API model packages, found " + packages);

    Map<String, Set<String>> twice =
        packagesByName.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertTrue(twice.isEmpty(), () -> "classes defined in more than one package: " + twice);
  }

  /** The compiled {@code dev/transferkit/circle/**}{@code /model} directories. */
  private static List<Path> modelPackageDirectories() throws IOException, URISyntaxException {
    // CircleClient is compiled into the same classes directory as the generated models.
    URL self = CircleClient.class.getResource("CircleClient.class");
    Path circle = Path.of(self.toURI()).getParent();
    try (Stream<Path> dirs = Files.walk(circle)) {
      return dirs.filter(Files::isDirectory)
          .filter(d -> d.getFileName().toString().equals("model"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static String packageOf(Path dir) throws URISyntaxException {
    // The classes directory: three levels above dev/transferkit/circle.
    Path root =
        Path.of(CircleClient.class.getResource("CircleClient.class").toURI())
            .getParent()
            .getParent()
            .getParent()
            .getParent();
    return root.relativize(dir).toString().replace(java.io.File.separatorChar, '.');
  }

  private static List<String> publicClasses(Path dir, String pkg) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.collect(Collectors.toList())) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$") || name.equals("package-info.class")) {
          continue;
        }
        String simple = name.substring(0, name.length() - ".class".length());
        try {
          if (Modifier.isPublic(Class.forName(pkg + "." + simple).getModifiers())) {
            names.add(simple);
          }
        } catch (ClassNotFoundException e) {
          throw new AssertionError("cannot load " + pkg + "." + simple, e);
        }
      }
    }
    return names;
  }
}
