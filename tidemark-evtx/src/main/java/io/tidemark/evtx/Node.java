package io.tidemark.evtx;

import java.util.List;

/**
 * A Binary XML node. Template definitions parse into trees holding {@link Substitution}s; a
 * record resolves them against its values ({@link Resolver}) into a tree holding none, which
 * the field mapper and the XML renderer walk.
 */
sealed interface Node
    permits Node.Element, Node.Text, Node.Literal, Node.Substitution, Node.CharRef,
        Node.EntityRef, Node.CData, Node.Pi, Node.Embedded {

  /**
   * An element. {@code dynamic} says whether anything below it depends on substitution values;
   * a static element is shared by every record instead of being copied. {@code elided} marks an
   * element whose only content is optional substitutions without value: Windows and libevtx
   * do not render it, evtx_dump renders it empty, so it is a field without value but no XML.
   *
   * <p>The lists are not copied: a record is resolved per event and copying every list twice
   * costs a tenth of the decoding. Callers hand over lists they never change afterwards.
   */
  record Element(
      String name, List<Attribute> attributes, List<Node> children, boolean dynamic,
      boolean elided) implements Node {

    Element(String name, List<Attribute> attributes, List<Node> children, boolean dynamic) {
      this(name, attributes, children, dynamic, false);
    }
  }

  /**
   * An attribute: its value is a run of text, literal, reference and substitution nodes. The
   * list is handed over, not copied, as for {@link Element}.
   */
  record Attribute(String name, List<Node> value) {}

  /** Character data from a value-text token. */
  record Text(String text) implements Node {}

  /** A typed value: a resolved substitution, or a non-string value-text token. */
  record Literal(Value value) implements Node {}

  /** A placeholder for value {@code index} of the template instance. */
  record Substitution(int index, int declaredType, boolean optional) implements Node {}

  /** {@code &#N;}. */
  record CharRef(int code) implements Node {}

  /** {@code &name;}. */
  record EntityRef(String name) implements Node {}

  /** {@code <![CDATA[...]]>}. */
  record CData(String text) implements Node {}

  /** A processing instruction {@code <?target data?>}. */
  record Pi(String target, String data) implements Node {}

  /** A template instance (or fragment) nested in a fragment: spliced in when resolved. */
  record Embedded(Doc doc) implements Node {}
}
