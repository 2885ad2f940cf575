package io.tidemark.evtx;

import java.util.List;

/** The character data of resolved nodes as field values carry it: references expanded. */
final class FlatText {
  private FlatText() {}

  /** All text below the nodes, descending into elements. */
  static String of(List<Node> nodes) {
    StringBuilder text = new StringBuilder();
    append(nodes, text, /* descend= */ true);
    return text.toString();
  }

  /** The text directly inside an element, skipping child elements (evtx_dump's {@code #text}). */
  static String direct(List<Node> nodes) {
    if (nodes.size() == 1) {
      Node only = nodes.get(0);
      if (only instanceof Node.Literal literal) {
        return literal.value().fieldText();
      }
      if (only instanceof Node.Text text) {
        return text.text();
      }
    }
    StringBuilder text = new StringBuilder();
    append(nodes, text, /* descend= */ false);
    return text.toString();
  }

  /** Whether the nodes directly hold non-empty text; an empty or null value does not count. */
  static boolean hasText(List<Node> nodes) {
    for (int nodeIndex = 0; nodeIndex < nodes.size(); nodeIndex++) {
      Node node = nodes.get(nodeIndex);
      if (isNonEmpty(node)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNonEmpty(Node node) {
    if (node instanceof Node.Text text) {
      return !text.text().isEmpty();
    }
    if (node instanceof Node.Literal literal) {
      return !literal.value().isEmpty();
    }
    if (node instanceof Node.CData cdata) {
      return !cdata.text().isEmpty();
    }
    return node instanceof Node.CharRef || node instanceof Node.EntityRef;
  }

  private static void append(List<Node> nodes, StringBuilder out, boolean descend) {
    for (int nodeIndex = 0; nodeIndex < nodes.size(); nodeIndex++) {
      Node node = nodes.get(nodeIndex);
      if (node instanceof Node.Text text) {
        out.append(text.text());
      } else if (node instanceof Node.Literal literal) {
        out.append(literal.value().fieldText());
      } else if (node instanceof Node.CData cdata) {
        out.append(cdata.text());
      } else if (node instanceof Node.CharRef ref) {
        appendCodePoint(out, ref.code());
      } else if (node instanceof Node.EntityRef ref) {
        out.append(entity(ref.name()));
      } else if (descend && node instanceof Node.Element element) {
        append(element.children(), out, true);
      }
    }
  }

  private static void appendCodePoint(StringBuilder out, int code) {
    out.appendCodePoint(Character.isValidCodePoint(code) ? code : 0xFFFD);
  }

  /** The five XML entities as characters; any other name is kept as a reference. */
  static String entity(String name) {
    switch (name) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      default:
        return "&" + name + ";";
    }
  }
}
