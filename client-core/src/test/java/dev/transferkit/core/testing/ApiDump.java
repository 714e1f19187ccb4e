package dev.transferkit.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of a module's jar as text, one line per public type and per public or protected
 * member, like OkHttp's {@code api/*.api} files: every package except {@code *.internal}, types in
 * name order, members sorted. {@link #assertMatchesCheckedInFile} compares it with {@code
 * api/<module>.api}, so every API change shows in review; run the build with {@code
 * -Dtransferkit.api.update=true} to rewrite the file after an intended change.
 */
public final class ApiDump {
  private ApiDump() {}

  /** The dump of the classes under {@code classesDir} (a module's {@code target/classes}). */
  public static String of(Path classesDir) throws IOException, ClassNotFoundException {
    List<String> names;
    try (Stream<Path> files = Files.walk(classesDir)) {
      names =
          files
              .map(classesDir::relativize)
              .map(Path::toString)
              .filter(
                  p ->
                      p.endsWith(".class")
                          && !p.endsWith("package-info.class")
                          && !p.endsWith("module-info.class"))
              .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
              .filter(n -> !n.contains(".internal."))
              .sorted()
              .collect(Collectors.toList());
    }
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      Class<?> type = Class.forName(name, false, ApiDump.class.getClassLoader());
      if (!isVisible(type)) {
        continue;
      }
      out.append(describe(type)).append('\n');
      TreeSet<String> members = new TreeSet<>();
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (isApi(c.getModifiers()) && !c.isSynthetic()) {
          members.add(c.toGenericString().replace(type.getName(), type.getSimpleName()));
        }
      }
      for (Method m : type.getDeclaredMethods()) {
        if (isApi(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
          members.add(m.toGenericString());
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (isApi(f.getModifiers()) && !f.isSynthetic()) {
          members.add(f.toGenericString());
        }
      }
      for (String m : members) {
        out.append("  ").append(m).append('\n');
      }
    }
    return out.toString();
  }

  /** The number of public types in a dump. */
  public static long typeCount(String dump) {
    return dump.lines().filter(l -> !l.startsWith(" ")).count();
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers())
          || t.isAnonymousClass()
          || t.isLocalClass()
          || t.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isApi(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String describe(Class<?> type) {
    StringBuilder sb =
        new StringBuilder(Modifier.toString(type.getModifiers() & ~Modifier.INTERFACE));
    sb.append(
        type.isInterface()
            ? (type.isAnnotation() ? " @interface " : " interface ")
            : type.isEnum() ? " enum " : " class ");
    sb.append(type.getName());
    if (type.getGenericSuperclass() != null
        && type.getSuperclass() != Object.class
        && !type.isEnum()) {
      sb.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    if (type.getGenericInterfaces().length > 0 && !type.isAnnotation()) {
      List<String> interfaces = new ArrayList<>();
      for (java.lang.reflect.Type i : type.getGenericInterfaces()) {
        interfaces.add(i.getTypeName());
      }
      sb.append(type.isInterface() ? " extends " : " implements ")
          .append(String.join(", ", interfaces));
    }
    return sb.toString().trim();
  }

  /**
   * Fails unless the dump of this module's {@code target/classes} equals {@code api/<module>.api}
   * (run with the module's directory as working directory, as Surefire does). With {@code
   * -Dtransferkit.api.update=true}, writes the file instead.
   */
  public static void assertMatchesCheckedInFile(String module) throws Exception {
    String actual = of(Paths.get("target", "classes"));
    Path file = Paths.get("api", module + ".api");
    if (Boolean.getBoolean("transferkit.api.update")) {
      Files.createDirectories(file.getParent());
      Files.write(file, actual.getBytes(StandardCharsets.UTF_8));
      return;
    }
    Files.createDirectories(Paths.get("target"));
    Files.write(Paths.get("target", module + ".api"), actual.getBytes(StandardCharsets.UTF_8));
    String expected =
        Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    if (!expected.equals(actual)) {
      fail(
          "The public API of "
              + module
              + " differs from "
              + file
              + " (actual: target/"
              + module
              + ".api)."
              + " If the change is intended, rebuild with -Dtransferkit.api.update=true and commit the file.\n"
              + diff(expected, actual));
    }
  }

  /**
   * Fails unless every package of this module's {@code target/classes}, {@code *.internal} ones
   * included, has a {@code package-info} annotated JSpecify {@code @NullMarked}: non-null is the
   * default everywhere, and {@code @Nullable} marks the exceptions.
   */
  public static void assertEveryPackageNullMarked() throws IOException {
    Path classesDir = Paths.get("target", "classes");
    TreeSet<String> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(classesDir)) {
      files
          .filter(p -> p.toString().endsWith(".class") && !p.endsWith("module-info.class"))
          .map(p -> classesDir.relativize(p.getParent()).toString().replace('/', '.'))
          .forEach(packages::add);
    }
    if (packages.isEmpty()) {
      fail("no classes under " + classesDir.toAbsolutePath());
    }
    List<String> unmarked = new ArrayList<>();
    for (String pkg : packages) {
      try {
        Class<?> info = Class.forName(pkg + ".package-info", false, ApiDump.class.getClassLoader());
        if (!info.isAnnotationPresent(org.jspecify.annotations.NullMarked.class)) {
          unmarked.add(pkg + " (package-info without @NullMarked)");
        }
      } catch (ClassNotFoundException e) {
        unmarked.add(pkg + " (no package-info)");
      }
    }
    if (!unmarked.isEmpty()) {
      fail("Packages not @NullMarked: " + unmarked);
    }
  }

  private static String diff(String expected, String actual) {
    TreeSet<String> removed = new TreeSet<>(expected.lines().collect(Collectors.toList()));
    TreeSet<String> added = new TreeSet<>(actual.lines().collect(Collectors.toList()));
    TreeSet<String> common = new TreeSet<>(removed);
    common.retainAll(added);
    removed.removeAll(common);
    added.removeAll(common);
    StringBuilder sb = new StringBuilder();
    removed.stream().limit(40).forEach(l -> sb.append("- ").append(l.trim()).append('\n'));
    added.stream().limit(40).forEach(l -> sb.append("+ ").append(l.trim()).append('\n'));
    return sb.toString();
  }
}
