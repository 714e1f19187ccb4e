package dev.transferkit.examples;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness itself: what makes a documentation block fail, and that the failure names the
 * Markdown line.
 */
class SnippetRunnerTest {
  @TempDir Path dir;

  private List<Snippet> markdown(String text) throws IOException {
    Path file = dir.resolve("doc.md");
    Files.writeString(file, text);
    return Snippet.extract(file, "doc.md");
  }

  private SnippetRunner compiled(List<Snippet> snippets, Map<String, String> substitutions)
      throws IOException {
    SnippetRunner runner =
        new SnippetRunner(substitutions, Files.createDirectories(dir.resolve("classes")));
    runner.compile(snippets);
    return runner;
  }

  @Test
  void aBlockThatDoesNotCompileFailsNamingItsMarkdownLineWhileTheOthersStillRun()
      throws IOException {
    List<Snippet> blocks =
        markdown(
            """
        # Doc

        ```java
        import java.util.List;

        List<String> names = List.of("a");
        int count = names;
        ```

        ```java
        import java.math.BigDecimal;

        BigDecimal total = new BigDecimal("2500.00").add(BigDecimal.ONE);
        ```
        """);
    SnippetRunner runner = compiled(blocks, Map.of());

    AssertionError e = assertThrows(AssertionError.class, () -> runner.run(blocks.get(0)));
    assertTrue(
        e.getMessage().startsWith("doc.md:3: the ```java block does not compile as written"),
        e.getMessage());
    assertTrue(e.getMessage().contains("\ndoc.md:7: incompatible types"), e.getMessage());
    assertDoesNotThrow(() -> runner.run(blocks.get(1)));
  }

  @Test
  void aBlockThatThrowsFailsNamingTheLineThatThrew() throws IOException {
    List<Snippet> blocks =
        markdown(
            """
        ```java
        import java.math.BigDecimal;

        BigDecimal fine = new BigDecimal("1.00");
        BigDecimal broken = new BigDecimal("one");
        ```
        """);
    SnippetRunner runner = compiled(blocks, Map.of());

    AssertionError e = assertThrows(AssertionError.class, () -> runner.run(blocks.get(0)));
    assertTrue(
        e.getMessage().startsWith("doc.md:5: the ```java block starting at doc.md:1 threw"),
        e.getMessage());
    assertEquals(NumberFormatException.class, e.getCause().getClass());
  }

  @Test
  void substitutionsApplyToTheRunButTheBlockMustAlsoCompileAsWritten() throws IOException {
    List<Snippet> blocks =
        markdown(
            """
        ```java
        String key = System.getenv("DOC_KEY");
        if (!key.equals("seeded")) {
          throw new IllegalStateException(key);
        }
        ```

        ```java
        String key = Vault.read("DOC_KEY");
        ```
        """);
    SnippetRunner runner =
        compiled(
            blocks,
            Map.of(
                "System.getenv(\"DOC_KEY\")",
                "\"seeded\"",
                "Vault.read(\"DOC_KEY\")",
                "\"seeded\""));

    assertDoesNotThrow(() -> runner.run(blocks.get(0)));
    AssertionError e = assertThrows(AssertionError.class, () -> runner.run(blocks.get(1)));
    assertTrue(e.getMessage().contains("doc.md:9: cannot find symbol"), e.getMessage());
  }

  @Test
  void aProductionSettingLeftAfterTheSubstitutionsFailsTheBlock() throws IOException {
    List<Snippet> blocks =
        markdown(
            """
        ```java
        String key = System.getenv("SOME_OTHER_KEY");
        ```
        """);
    SnippetRunner runner = compiled(blocks, Map.of());

    AssertionError e = assertThrows(AssertionError.class, () -> runner.run(blocks.get(0)));
    assertTrue(
        e.getMessage().contains("\"System.getenv(...\" is left after the documented substitutions"),
        e.getMessage());
  }

  @Test
  void aWildcardImportFailsTheBlock() throws IOException {
    List<Snippet> blocks =
        markdown(
            """
        ```java
        import java.util.*;

        List<String> names = new ArrayList<>();
        ```
        """);
    SnippetRunner runner = compiled(blocks, Map.of());

    AssertionError e = assertThrows(AssertionError.class, () -> runner.run(blocks.get(0)));
    assertTrue(
        e.getMessage().contains("doc.md:1: wildcard import \"import java.util.*;\""),
        e.getMessage());
  }

  @Test
  void anUnclosedBlockIsReportedWithItsLine() throws IOException {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                markdown(
                    """
        text

        ```java
        int x = 1;
        """));
    assertEquals("doc.md:3: ```java block is never closed", e.getMessage());
  }
}
