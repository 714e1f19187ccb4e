package dev.transferkit.examples;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles documentation snippets with the JDK's compiler (javax.tools) and runs them.
 *
 * <p>Every snippet is compiled twice in one compiler run: exactly as written (proving the text a
 * reader copies compiles, imports included) and with the {@code substitutions} applied (what is
 * run). Both with {@code --release 11} (the client jars' target: a snippet must work for every
 * supported user) and {@code -Xlint:all -Werror}.
 */
final class SnippetRunner {
  /** Text that must not survive the substitutions: it would send the run to a real provider. */
  private static final List<String> PRODUCTION_SETTINGS =
      List.of("System.getenv(", ".environment(");

  private final Map<String, String> substitutions;
  private final Path classesDir;
  private final Map<Snippet, List<String>> problems = new LinkedHashMap<>();
  private final Map<Snippet, String> runClass = new LinkedHashMap<>();

  SnippetRunner(Map<String, String> substitutions, Path classesDir) {
    this.substitutions = Map.copyOf(substitutions);
    this.classesDir = classesDir;
  }

  /**
   * Compiles all {@code snippets} in one compiler run; {@link #run} then runs one or reports its
   * problems. When some do not compile, javac writes no class at all, so the others are compiled
   * again without them.
   */
  void compile(List<Snippet> snippets) throws IOException {
    for (int i = 0; i < snippets.size(); i++) {
      Snippet s = snippets.get(i);
      problems.put(s, new ArrayList<>());
      runClass.put(s, "Run" + i);
      s.wildcardImports()
          .forEach(
              w ->
                  problems
                      .get(s)
                      .add(
                          s.location()
                              + ": wildcard import \""
                              + w.strip()
                              + "\": name each type (several model packages have a Money or Currency)"));
    }
    compileBatch(snippets);
    List<Snippet> healthy = snippets.stream().filter(s -> problems.get(s).isEmpty()).toList();
    if (healthy.size() < snippets.size()) {
      compileBatch(healthy);
    }
  }

  private void compileBatch(List<Snippet> snippets) throws IOException {
    if (snippets.isEmpty()) {
      return;
    }
    Map<JavaFileObject, Snippet> owners = new LinkedHashMap<>();
    for (Snippet s : snippets) {
      String run = runClass.get(s);
      String asWritten = "AsWritten" + run.substring("Run".length());
      String runUnit = s.unit(run, substitutions);
      PRODUCTION_SETTINGS.stream()
          .filter(runUnit::contains)
          .forEach(
              p ->
                  addOnce(
                      s,
                      s.location()
                          + ": \""
                          + p
                          + "...\" is left after the documented substitutions: the run would reach a real provider"));
      owners.put(source(asWritten, s.unit(asWritten, Map.of())), s);
      owners.put(source(run, runUnit), s);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "--release",
            "11",
            "-Xlint:all,-path,-processing",
            "-Werror",
            "-proc:none",
            "-classpath",
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
            "-d",
            classesDir.toString());
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      javac.getTask(null, files, diagnostics, options, null, owners.keySet()).call();
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE || d.getKind() == Diagnostic.Kind.OTHER) {
        continue;
      }
      Snippet s = d.getSource() == null ? null : owners.get(d.getSource());
      if (s
          == null) { // not tied to one block (e.g. a bad classpath entry): every block of the batch
        // fails
        for (Snippet each : snippets) {
          addOnce(each, "javac: " + d.getMessage(Locale.ROOT));
        }
      } else {
        // the same error is usually reported for both compilations of a block: once is enough
        addOnce(
            s,
            s.displayName()
                + ":"
                + s.markdownLine(d.getLineNumber())
                + ": "
                + d.getMessage(Locale.ROOT));
      }
    }
  }

  private void addOnce(Snippet s, String problem) {
    if (!problems.get(s).contains(problem)) {
      problems.get(s).add(problem);
    }
  }

  /**
   * Runs {@code snippet} (compiled by {@link #compile}).
   *
   * @throws AssertionError naming the Markdown line if it did not compile or threw
   */
  void run(Snippet snippet) throws Exception {
    List<String> p = problems.get(snippet);
    if (p == null) {
      throw new IllegalStateException(snippet.location() + " was not compiled");
    }
    if (!p.isEmpty()) {
      throw new AssertionError(
          snippet.location()
              + ": the ```java block does not compile as written\n"
              + String.join("\n", p));
    }
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classesDir.toUri().toURL()}, SnippetRunner.class.getClassLoader())) {
      Method run = loader.loadClass(runClass.get(snippet)).getMethod("run");
      run.invoke(null);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      StackTraceElement at = null;
      for (StackTraceElement frame : cause.getStackTrace()) {
        if (frame.getClassName().equals(runClass.get(snippet))) {
          at = frame;
          break;
        }
      }
      String where =
          at == null
              ? snippet.location()
              : snippet.displayName() + ":" + snippet.markdownLine(at.getLineNumber());
      throw new AssertionError(
          where + ": the ```java block starting at " + snippet.location() + " threw " + cause,
          cause);
    }
  }

  private static JavaFileObject source(String className, String code) {
    return new SimpleJavaFileObject(
        java.net.URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }
}
