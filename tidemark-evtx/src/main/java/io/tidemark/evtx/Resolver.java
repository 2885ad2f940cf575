package io.tidemark.evtx;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fills a document's substitutions with its values: nested Binary XML is spliced in, an
 * attribute made only of optional substitutions without value is left out (as Windows does),
 * and an element holding an array value is repeated once per item ([MS-EVEN6] 3.1.4.7.5, as
 * libevtx and the evtx crate do). Static template elements are shared, not copied.
 *
 * <p>A node budget bounds the result: nested template instances and arrays multiply, and a
 * crafted chunk must not turn 64 KiB into millions of nodes.
 */
final class Resolver {
  /** Nodes one record may expand to. */
  static final int MAX_NODES = 100_000;
  /** Nodes all records of a chunk may expand to: a chunk of tiny records cannot add up. */
  static final int MAX_CHUNK_NODES = 300_000;

  private final int[] chunkBudget;
  private int budget = MAX_NODES;
  /** Array values seen so far: an element is scanned for arrays only when this moved. */
  private int arrays;

  private Resolver(int[] chunkBudget) {
    this.chunkBudget = chunkBudget;
  }

  /** A fresh chunk budget for {@link #resolve(Doc, int[])}. */
  static int[] chunkBudget() {
    return new int[] {MAX_CHUNK_NODES};
  }

  /** The resolved top-level nodes of a document, charged to a chunk's budget. */
  static List<Node> resolve(Doc doc, int[] chunkBudget) {
    Resolver resolver = new Resolver(chunkBudget);
    List<Node> out = new ArrayList<>(1);
    resolver.resolveAll(doc.nodes(), doc.values(), out);
    return out;
  }

  /** The resolved top-level nodes of a document on its own. */
  static List<Node> resolve(Doc doc) {
    return resolve(doc, chunkBudget());
  }

  private void resolveAll(List<Node> nodes, Value[] values, List<Node> out) {
    for (int nodeIndex = 0; nodeIndex < nodes.size(); nodeIndex++) {
      Node node = nodes.get(nodeIndex);
      resolveInto(node, values, out);
    }
  }

  private void resolveInto(Node node, Value[] values, List<Node> out) {
    spend(1);
    if (node instanceof Node.Element element) {
      if (element.dynamic()) {
        resolveElement(element, values, out);
      } else {
        out.add(element);
      }
    } else if (node instanceof Node.Substitution substitution) {
      resolveSubstitution(substitution, values, out);
    } else if (node instanceof Node.Embedded embedded) {
      resolveAll(embedded.doc().nodes(), embedded.doc().values(), out);
    } else {
      out.add(node);
    }
  }

  private void resolveElement(Node.Element element, Value[] values, List<Node> out) {
    int arraysBefore = arrays;
    List<Node.Attribute> attributes = attributes(element.attributes(), values);
    List<Node> children = new ArrayList<>(element.children().size());
    resolveAll(element.children(), values, children);
    boolean elided = children.isEmpty() && onlyOptionalSubstitutions(element.children());
    Node.Element resolved = new Node.Element(element.name(), attributes, children, false, elided);
    if (arrays == arraysBefore) {
      out.add(resolved);
    } else {
      expandArrays(resolved, out);
    }
  }

  private void resolveSubstitution(
      Node.Substitution substitution, Value[] values, List<Node> out) {
    Value value = valueOf(substitution, values);
    Doc nested = value.doc();
    if (nested != null) {
      resolveAll(nested.nodes(), nested.values(), out);
    } else if (!value.isNull()) {
      out.add(literal(value));
    }
  }

  private List<Node.Attribute> attributes(List<Node.Attribute> attributes, Value[] values) {
    List<Node.Attribute> resolved = new ArrayList<>(attributes.size());
    for (int attributeIndex = 0; attributeIndex < attributes.size(); attributeIndex++) {
      Node.Attribute attribute = attributes.get(attributeIndex);
      List<Node> parts = new ArrayList<>(attribute.value().size());
      boolean keep = false;
      List<Node> partList = attribute.value();
      for (int partIndex = 0; partIndex < partList.size(); partIndex++) {
        Node part = partList.get(partIndex);
        if (part instanceof Node.Substitution substitution) {
          Value value = valueOf(substitution, values);
          keep |= !substitution.optional() || !value.isNull();
          Doc nested = value.doc();
          if (nested != null) {
            List<Node> flat = new ArrayList<>();
            resolveAll(nested.nodes(), nested.values(), flat);
            parts.add(new Node.Text(FlatText.of(flat)));
          } else if (!value.isNull()) {
            parts.add(literal(value));
          }
        } else {
          keep = true;
          parts.add(part);
        }
      }
      if (keep) {
        resolved.add(new Node.Attribute(attribute.name(), parts));
      }
    }
    return resolved;
  }

  private Node literal(Value value) {
    Value[] items = value.items();
    if (items != null && items.length > 1) {
      arrays++;
    }
    return new Node.Literal(value);
  }

  private static boolean onlyOptionalSubstitutions(List<Node> children) {
    for (int childIndex = 0; childIndex < children.size(); childIndex++) {
      Node child = children.get(childIndex);
      if (!(child instanceof Node.Substitution substitution && substitution.optional())) {
        return false;
      }
    }
    return !children.isEmpty();
  }

  private static Value valueOf(Node.Substitution substitution, Value[] values) {
    int index = substitution.index();
    // A substitution past the instance's values renders as nothing, as in libevtx.
    return index < values.length ? values[index] : Value.NULL;
  }

  /** Adds the element, or one copy per item of the first array value it holds. */
  private void expandArrays(Node.Element element, List<Node> out) {
    List<Node> children = element.children();
    for (int i = 0; i < children.size(); i++) {
      Value[] items = arrayItems(children.get(i));
      if (items != null) {
        spend(items.length * (children.size() + element.attributes().size() + 1));
        for (Value item : items) {
          List<Node> copy = new ArrayList<>(children);
          replace(copy, i, item);
          expandArrays(new Node.Element(element.name(), element.attributes(), copy, false), out);
        }
        return;
      }
    }
    List<Node.Attribute> attributes = element.attributes();
    for (int a = 0; a < attributes.size(); a++) {
      List<Node> parts = attributes.get(a).value();
      for (int i = 0; i < parts.size(); i++) {
        Value[] items = arrayItems(parts.get(i));
        if (items != null) {
          spend(items.length * (children.size() + attributes.size() + 1));
          for (Value item : items) {
            List<Node> value = new ArrayList<>(parts);
            replace(value, i, item);
            List<Node.Attribute> copy = new ArrayList<>(attributes);
            copy.set(a, new Node.Attribute(attributes.get(a).name(), value));
            expandArrays(new Node.Element(element.name(), copy, children, false), out);
          }
          return;
        }
      }
    }
    out.add(element);
  }

  /** The items of an array literal worth repeating an element for (two or more), else null. */
  private static Value @Nullable [] arrayItems(Node node) {
    if (node instanceof Node.Literal literal) {
      Value[] items = literal.value().items();
      if (items != null && items.length > 1) {
        return items;
      }
    }
    return null;
  }

  private static void replace(List<Node> nodes, int index, Value item) {
    if (item.isEmpty()) {
      nodes.remove(index); // an empty string item leaves an empty element, <Data/>
    } else {
      nodes.set(index, new Node.Literal(item));
    }
  }

  private void spend(int nodes) {
    budget -= nodes;
    chunkBudget[0] -= nodes;
    if (budget < 0) {
      throw new EvtxFormatException("record expands to more than " + MAX_NODES + " XML nodes");
    }
    if (chunkBudget[0] < 0) {
      throw new EvtxFormatException(
          "chunk's records expand to more than " + MAX_CHUNK_NODES + " XML nodes");
    }
  }
}
