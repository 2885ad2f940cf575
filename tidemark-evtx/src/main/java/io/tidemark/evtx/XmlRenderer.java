package io.tidemark.evtx;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Renders resolved nodes as Windows renders event XML ({@code wevtutil qe}): one line, attribute
 * values in single quotes, empty elements as {@code <X/>}, GUIDs in braces, times to the tick.
 * Markup characters are escaped; control characters, which XML 1.0 cannot carry, become
 * character references so nothing an attacker wrote is silently dropped.
 */
final class XmlRenderer {
  private XmlRenderer() {}

  static String render(List<Node> nodes) {
    // A fresh builder per record: a reused one, once widened to UTF-16 by one non-Latin-1
    // character, would stay wide and slow for every later record.
    StringBuilder out = new StringBuilder(3072);
    render(nodes, out);
    return out.toString();
  }

  static void render(List<Node> nodes, StringBuilder out) {
    for (int nodeIndex = 0; nodeIndex < nodes.size(); nodeIndex++) {
      Node node = nodes.get(nodeIndex);
      node(node, out);
    }
  }

  private static void node(Node node, StringBuilder out) {
    if (node instanceof Node.Element element) {
      element(element, out);
    } else if (node instanceof Node.Text text) {
      escape(text.text(), out, false);
    } else if (node instanceof Node.Literal literal) {
      escape(literal.value().xmlText(), out, false);
    } else if (node instanceof Node.CharRef ref) {
      out.append("&#").append(ref.code()).append(';');
    } else if (node instanceof Node.EntityRef ref) {
      out.append('&').append(ref.name()).append(';');
    } else if (node instanceof Node.CData cdata) {
      // "]]>" cannot occur inside a CDATA section: split it across two sections.
      out.append("<![CDATA[").append(cdata.text().replace("]]>", "]]]]><![CDATA[>"))
          .append("]]>");
    } else if (node instanceof Node.Pi pi) {
      out.append("<?").append(pi.target());
      if (!pi.data().isEmpty()) {
        out.append(' ').append(pi.data().replace("?>", "? >"));
      }
      out.append("?>");
    }
  }

  private static void element(Node.Element element, StringBuilder out) {
    if (element.elided()) {
      return;
    }
    out.append('<').append(element.name());
    List<Node.Attribute> attributeList = element.attributes();
    for (int attributeIndex = 0; attributeIndex < attributeList.size(); attributeIndex++) {
      Node.Attribute attribute = attributeList.get(attributeIndex);
      out.append(' ').append(attribute.name()).append("='");
      List<Node> partList = attribute.value();
      for (int partIndex = 0; partIndex < partList.size(); partIndex++) {
        Node part = partList.get(partIndex);
        attributePart(part, out);
      }
      out.append('\'');
    }
    out.append('>');
    int mark = out.length();
    render(element.children(), out);
    if (out.length() == mark) {
      out.setLength(mark - 1);
      out.append("/>");
    } else {
      out.append("</").append(element.name()).append('>');
    }
  }

  private static void attributePart(Node part, StringBuilder out) {
    if (part instanceof Node.Text text) {
      escape(text.text(), out, true);
    } else if (part instanceof Node.Literal literal) {
      escape(literal.value().xmlText(), out, true);
    } else {
      node(part, out);
    }
  }

  /**
   * Escapes markup, in attributes both quote characters, and line breaks everywhere: a record
   * stays on one line, and a carriage return survives parsing (a raw one would be normalised).
   */
  static void escape(String text, StringBuilder out, boolean attribute) {
    int length = text.length();
    int start = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x3F && c < 0xFFFE) {
        continue; // nothing at or above '?' needs escaping but U+FFFE and U+FFFF
      }
      String replacement = replacement(c, attribute);
      if (replacement != null) {
        out.append(text, start, i).append(replacement);
        start = i + 1;
      }
    }
    if (start == 0) {
      out.append(text); // the common case, copied in one go
    } else {
      out.append(text, start, length);
    }
  }

  private static @Nullable String replacement(char c, boolean attribute) {
    switch (c) {
      case '&':
        return "&amp;";
      case '<':
        return "&lt;";
      case '>':
        return "&gt;";
      case '\'':
        return attribute ? "&apos;" : null;
      case '"':
        return attribute ? "&quot;" : null;
      case '\t':
        return attribute ? "&#x9;" : null;
      default:
        if (c < 0x20 || c >= 0xFFFE) {
          return "&#x" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ";";
        }
        return null;
    }
  }
}
