package dev.transferkit.codegen;

import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.FormatterException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Formats each generated Java file with google-java-format, the formatter Spotless applies to the
 * hand-written sources (one version for both: the parent POM's {@code google-java-format.version}),
 * so generated code reads like the rest and templates need not care about line breaks. Spotless
 * itself never formats files under the build directory, which is where the generator writes; this
 * is why the generator calls the formatter's library directly. A file that does not parse fails the
 * generation with the file's name: a template bug is found at build time.
 */
final class GeneratedSourceFormatter {
  private static final Formatter FORMATTER = new Formatter();

  private GeneratedSourceFormatter() {}

  static void format(File file) {
    if (file == null || !file.getName().endsWith(".java")) {
      return;
    }
    Path path = file.toPath();
    try {
      String source = Files.readString(path, StandardCharsets.UTF_8);
      String formatted = FORMATTER.formatSourceAndFixImports(source);
      if (!formatted.equals(source)) {
        Files.writeString(path, formatted, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot format generated " + path, e);
    } catch (FormatterException e) {
      throw new IllegalStateException(
          "generated " + path + " is not valid Java: " + e.getMessage(), e);
    }
  }
}
