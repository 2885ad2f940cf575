package io.tidemark.sigma.rule;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Composed YAML node trees in a compact binary form. Scanning and composing YAML is most of the
 * cost of loading a rule pack on a cold JVM (snakeyaml's character-level scanner and its regex
 * tag resolution run interpreted); a pack known at build time is composed once, and loading
 * then only rebuilds the nodes. The rule parsers read the rebuilt nodes exactly as composed ones:
 * the same tags, values, styles and start lines and columns (for problem locations).
 */
final class RuleImage {
  private static final int MAGIC = 0x544d5249; // "TMRI"
  private static final int VERSION = 1;
  private static final int MAX_DEPTH = 512;
  private static final byte SCALAR = 0;
  private static final byte SEQUENCE = 1;
  private static final byte MAPPING = 2;

  /** One source's path and its documents' root nodes. */
  record Source(String path, List<Node> roots) {
    Source {
      roots = List.copyOf(roots);
    }
  }

  private RuleImage() {}

  /** An image and the label it was written with. */
  record Image(String label, List<Source> sources) {
    Image {
      sources = List.copyOf(sources);
    }
  }

  static byte[] write(String label, List<Source> sources) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      Writer w = new Writer(out);
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      w.string(label);
      out.writeInt(sources.size());
      for (Source s : sources) {
        w.string(s.path());
        out.writeInt(s.roots().size());
        for (Node root : s.roots()) {
          w.node(root, s.path(), 0);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * @throws IllegalArgumentException when the bytes are not an image of this version
   */
  static Image read(byte[] image) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(image))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new IllegalArgumentException("not a rule image of version " + VERSION);
      }
      Reader r = new Reader(in);
      String label = r.string();
      int count = in.readInt();
      List<Source> sources = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String path = r.string();
        int roots = in.readInt();
        List<Node> nodes = new ArrayList<>(roots);
        for (int k = 0; k < roots; k++) {
          nodes.add(r.node(path));
        }
        sources.add(new Source(path, nodes));
      }
      return new Image(label, sources);
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated or corrupt rule image: " + e, e);
    }
  }

  private static final class Writer {
    private final DataOutputStream out;
    private final Map<String, Integer> strings = new HashMap<>();

    Writer(DataOutputStream out) {
      this.out = out;
    }

    /** Strings repeat (tags, keys, modifiers): the second and later uses are a table index. */
    void string(String s) throws IOException {
      Integer known = strings.get(s);
      if (known != null) {
        out.writeInt(known);
        return;
      }
      strings.put(s, strings.size());
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(-1 - utf8.length);
      out.write(utf8);
    }

    void node(Node node, String path, int depth) throws IOException {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException(path + ": YAML nested deeper than " + MAX_DEPTH);
      }
      if (node instanceof ScalarNode s) {
        out.writeByte(SCALAR);
        head(node);
        out.writeByte(s.getScalarStyle().ordinal());
        string(s.getValue());
      } else if (node instanceof SequenceNode s) {
        out.writeByte(SEQUENCE);
        head(node);
        out.writeByte(s.getFlowStyle().ordinal());
        out.writeInt(s.getValue().size());
        for (Node item : s.getValue()) {
          node(item, path, depth + 1);
        }
      } else if (node instanceof MappingNode m) {
        out.writeByte(MAPPING);
        head(node);
        out.writeByte(m.getFlowStyle().ordinal());
        out.writeInt(m.getValue().size());
        for (NodeTuple t : m.getValue()) {
          node(t.getKeyNode(), path, depth + 1);
          node(t.getValueNode(), path, depth + 1);
        }
      } else {
        throw new IllegalArgumentException(path + ": unexpected YAML node " + node.getNodeType());
      }
    }

    private void head(Node node) throws IOException {
      string(node.getTag().getValue());
      out.writeBoolean(node.isResolved());
      Optional<Mark> start = node.getStartMark();
      out.writeInt(start.map(Mark::getLine).orElse(-1));
      out.writeInt(start.map(Mark::getColumn).orElse(-1));
    }
  }

  private static final class Reader {
    private static final int[] NO_TEXT = new int[0];
    private final DataInputStream in;
    private final List<String> strings = new ArrayList<>();
    private final Map<String, Tag> tags = new HashMap<>();

    Reader(DataInputStream in) {
      this.in = in;
      for (Tag t : List.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP)) {
        tags.put(t.getValue(), t);
      }
    }

    String string() throws IOException {
      int n = in.readInt();
      if (n >= 0) {
        if (n >= strings.size()) {
          throw new IOException("string reference " + n + " before its definition");
        }
        return strings.get(n);
      }
      byte[] utf8 = new byte[-1 - n];
      in.readFully(utf8);
      String s = new String(utf8, StandardCharsets.UTF_8);
      strings.add(s);
      return s;
    }

    Node node(String path) throws IOException {
      byte kind = in.readByte();
      Tag tag = tags.computeIfAbsent(string(), Tag::new);
      boolean resolved = in.readBoolean();
      int line = in.readInt();
      int column = in.readInt();
      Optional<Mark> start = line < 0 ? Optional.empty()
          : Optional.of(new Mark(path, 0, line, column, NO_TEXT, 0));
      switch (kind) {
        case SCALAR: {
          ScalarStyle style = ScalarStyle.values()[in.readByte()];
          // Without a tag from the image, rebuilt values would be typed anew: keep the tag.
          return new ScalarNode(tag, resolved, string(), style, start, Optional.empty());
        }
        case SEQUENCE: {
          FlowStyle style = FlowStyle.values()[in.readByte()];
          int n = in.readInt();
          List<Node> items = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            items.add(node(path));
          }
          return new SequenceNode(tag, resolved, items, style, start, Optional.empty());
        }
        case MAPPING: {
          FlowStyle style = FlowStyle.values()[in.readByte()];
          int n = in.readInt();
          List<NodeTuple> pairs = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            Node key = node(path);
            pairs.add(new NodeTuple(key, node(path)));
          }
          return new MappingNode(tag, resolved, pairs, style, start, Optional.empty());
        }
        default:
          throw new IOException("unknown node kind " + kind);
      }
    }
  }
}
