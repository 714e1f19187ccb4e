package dev.transferkit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JavadocMarkdownTest {
  @Test
  void codeSpansBecomeCodeAndAngleBracketsAreEscaped() {
    assertEquals(
        "Send <code>&lt;address&gt;:&lt;memo&gt;</code> for XLM.",
        JavadocMarkdown.renderInline("Send `<address>:<memo>` for XLM."));
  }

  @Test
  void rawHtmlInTheSpecIsEscapedNotPassedThrough() {
    assertEquals(
        "a &lt;script&gt;x&lt;/script&gt; b",
        JavadocMarkdown.renderInline("a <script>x</script> b"));
  }

  @Test
  void sequencesThatWouldEndOrChangeTheCommentAreEscaped() {
    assertEquals(
        "a *&#47; b &#64;param c &#92;u0041",
        JavadocMarkdown.renderInline("a */ b @param c \\\\u0041"));
  }

  @Test
  void paragraphsAndListsStayBlocksAndHeadingsBecomeBold() {
    assertEquals(
        "<p><b>Fees</b></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>",
        JavadocMarkdown.render("# Fees\n\n- one\n- two"));
  }

  @Test
  void absentDescriptionsStayAbsent() {
    assertNull(JavadocMarkdown.render(null));
    assertEquals("", JavadocMarkdown.render("  "));
  }
}
