package dev.transferkit.codegen;

import java.util.Collections;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders the spec's descriptions (CommonMark, as OpenAPI defines them) to HTML that is valid
 * inside a Javadoc comment: rendered by commonmark-java, raw HTML in the Markdown escaped (a spec
 * is not trusted to write Javadoc), headings turned into bold paragraphs (doclint refuses headings
 * out of sequence), and the three character sequences that would end or change a Java comment
 * escaped ({@code *}{@code /}, {@code @} at a tag position, and a backslash-u that javac would read
 * as a Unicode escape).
 */
final class JavadocMarkdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .softbreak("\n")
          .nodeRendererFactory(BoldHeadings::new)
          .build();

  private JavadocMarkdown() {}

  /** Block HTML (paragraphs, lists, code blocks) for a description; null stays null. */
  static String render(String markdown) {
    if (markdown == null || markdown.trim().isEmpty()) {
      return markdown == null ? null : "";
    }
    return javadocSafe(RENDERER.render(PARSER.parse(markdown)).trim());
  }

  /**
   * Inline HTML for a one-line context (a summary, an {@code @param}): a single paragraph loses its
   * {@code <p>} wrapper; anything longer stays block HTML.
   */
  static String renderInline(String markdown) {
    String html = render(markdown);
    if (html != null
        && html.startsWith("<p>")
        && html.endsWith("</p>")
        && html.indexOf("<p>", 3) < 0) {
      return html.substring(3, html.length() - 4);
    }
    return html;
  }

  static String javadocSafe(String html) {
    return html.replace("*/", "*&#47;").replace("@", "&#64;").replace("\\u", "&#92;u");
  }

  /** Renders a heading as a bold paragraph. */
  private static final class BoldHeadings implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    BoldHeadings(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Collections.singleton(Heading.class);
    }

    @Override
    public void render(Node node) {
      html.line();
      html.tag("p");
      html.tag("b");
      for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
        context.render(child);
      }
      html.tag("/b");
      html.tag("/p");
      html.line();
    }
  }
}
