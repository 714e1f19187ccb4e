package dev.transferkit.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a Markdown file, and the compilation unit the harness makes of it.
 *
 * <p>A block is its import lines followed by statements. The unit keeps every line of the block on
 * the same line number (the class and method header share the first statement's line, the closing
 * braces the last line), so a compiler diagnostic on line {@code n} of the unit is line {@code
 * fenceLine + n} of the Markdown file. A Markdown parser library would add nothing here: only
 * fenced blocks opened by a line {@code ```java} are read, and CommonMark's other fence forms
 * (tildes, indented fences) are not used in this project's documentation.
 */
record Snippet(Path file, String displayName, int fenceLine, List<String> lines) {
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*$");

  /**
   * Every {@code ```java} block of {@code markdown}, in order; {@code displayName} names the file
   * in messages.
   */
  static List<Snippet> extract(Path markdown, String displayName) throws IOException {
    List<String> all = Files.readAllLines(markdown, StandardCharsets.UTF_8);
    List<Snippet> blocks = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).strip().equals("```java")) {
        int start = i;
        List<String> body = new ArrayList<>();
        for (i++; i < all.size() && !all.get(i).strip().equals("```"); i++) {
          body.add(all.get(i));
        }
        if (i == all.size()) {
          throw new IllegalStateException(
              displayName + ":" + (start + 1) + ": ```java block is never closed");
        }
        blocks.add(new Snippet(markdown, displayName, start + 1, List.copyOf(body)));
      }
    }
    return blocks;
  }

  /** Where the block starts, as {@code README.md:42} (the line of its opening fence). */
  String location() {
    return displayName + ":" + fenceLine;
  }

  /** The Markdown line of line {@code unitLine} (1-based) of {@link #unit}. */
  long markdownLine(long unitLine) {
    return fenceLine + unitLine;
  }

  /**
   * Import lines that name a whole package ({@code import a.b.*;}): the documentation does not use
   * them.
   */
  List<String> wildcardImports() {
    return lines.stream()
        .filter(l -> IMPORT.matcher(l.strip()).matches() && l.strip().contains("*"))
        .toList();
  }

  /**
   * The block as a compilation unit of class {@code className} (default package): the imports as
   * written, then the statements in a {@code static void run() throws Exception} method, with
   * {@code substitutions} applied to the statement lines (exact text replacements, one line to one
   * line).
   */
  String unit(String className, Map<String, String> substitutions) {
    int firstStatement = 0;
    while (firstStatement < lines.size() && isPreamble(lines.get(firstStatement))) {
      firstStatement++;
    }
    if (firstStatement == lines.size()) {
      throw new IllegalStateException(location() + ": the block has no statements");
    }
    StringBuilder unit = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i >= firstStatement) {
        for (Map.Entry<String, String> s : substitutions.entrySet()) {
          line = line.replace(s.getKey(), s.getValue());
        }
      }
      if (i == firstStatement) {
        unit.append("public final class ")
            .append(className)
            .append(" { public static void run() throws Exception { ");
      }
      unit.append(line).append('\n');
    }
    unit.append("} }\n"); // on a line of its own: the block's last line may end in a // comment
    return unit.toString();
  }

  private static boolean isPreamble(String line) {
    String s = line.strip();
    return s.isEmpty() || IMPORT.matcher(s).matches();
  }
}
