package io.tidemark.evtx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses the Binary XML of one chunk ([MS-EVEN6] 2.2.12, libevtx's format notes). Names and
 * template definitions are referenced by chunk offset and cached per chunk, so a template
 * defined anywhere in the chunk (inline in an earlier record, in slack, in a nested value) is
 * found. Every length and offset comes from the file and is checked before use; recursion is
 * bounded, so crafted input cannot overflow the stack or loop.
 *
 * <p>Not thread-safe: one parser per chunk, used by one worker.
 */
final class BinXmlParser {
  static final int MAX_ELEMENT_DEPTH = 64;
  static final int MAX_NESTING = 8;
  private static final int TEMPLATE_TABLE = 0x180;
  private static final int TEMPLATE_TABLE_SIZE = 32;

  private final byte[] b;
  private final int limit;
  private final NameTable names;
  private final Map<Integer, Template> templates = new HashMap<>();
  // Failures are remembered too: a crafted chunk may refer to one bad offset thousands of times.
  private final Map<Integer, EvtxFormatException> badTemplates = new HashMap<>();
  private final Set<Integer> inProgress = new HashSet<>();
  private boolean tableIndexed;
  private boolean lenient;
  private @Nullable String missingTemplate;

  /** A parser over chunk bytes {@code [0, limit)}; offsets in the data are relative to 0. */
  BinXmlParser(byte[] chunk, int limit) {
    this.b = chunk;
    this.limit = limit;
    this.names = new NameTable(chunk, limit);
  }

  /** Parses a record's Binary XML, the bytes {@code [start, end)} of the chunk. */
  Doc parseRecord(int start, int end) {
    return parseRecord(start, end, /* lenient= */ false);
  }

  /**
   * Parses a record; when {@code lenient} (a record carved from slack), a template instance
   * whose definition was overwritten keeps its values as unnamed {@code <Data>} elements of an
   * {@code <EventData Tidemark_MissingTemplate='0x…'>} instead of failing the record.
   */
  Doc parseRecord(int start, int end, boolean lenient) {
    this.lenient = lenient;
    this.missingTemplate = null;
    Cursor c = new Cursor(start, end);
    List<Node> nodes = fragment(c, /* inTemplate= */ false, 0);
    if (nodes.isEmpty()) {
      throw new EvtxFormatException("record holds no Binary XML element", start);
    }
    return new Doc(nodes, Doc.NO_VALUES);
  }

  /** Fragment headers, elements, template instances and PIs up to an end-of-file token. */
  private List<Node> fragment(Cursor c, boolean inTemplate, int nesting) {
    if (nesting > MAX_NESTING) {
      throw new EvtxFormatException("Binary XML nested deeper than " + MAX_NESTING, c.pos);
    }
    List<Node> nodes = new ArrayList<>(2);
    while (c.pos < c.end) {
      int token = c.peek();
      switch (token) {
        case 0x00:
          c.pos++;
          return nodes;
        case 0x0F:
          c.skip(4); // token, major and minor version, flags
          break;
        case 0x0C:
          c.pos++;
          nodes.add(new Node.Embedded(instance(c, nesting)));
          break;
        case 0x01:
        case 0x41:
          nodes.add(element(c, inTemplate, 0, nesting));
          break;
        case 0x0A:
          nodes.add(pi(c));
          break;
        default:
          throw unexpected(token, "a fragment", c.pos);
      }
    }
    return nodes;
  }

  /**
   * A template instance: the template (inline, or defined earlier at an offset) and the values
   * that fill its substitutions.
   */
  private Doc instance(Cursor c, int nesting) {
    c.skip(1); // unknown, always 1
    int templateId = c.i32();
    int definition = c.i32();
    Template template = null;
    Template candidate = null;
    EvtxFormatException failure = null;
    try {
      if (definition == c.pos) {
        template = template(definition, nesting);
        c.pos = definition; // the definition is inline: step over it
        c.skip(24 + template.dataSize());
      } else {
        template = findTemplate(definition, templateId, nesting, c.pos);
      }
    } catch (EvtxFormatException e) {
      failure = e;
      if (definition == c.pos) {
        if (!lenient) {
          throw e;
        }
        c.pos = definition; // an inline definition whose names were overwritten: skip it
        c.skip(24);
        c.skip(Bytes.i32(b, definition + 20));
      } else {
        candidate = templateOrNull(definition, nesting);
      }
    }
    Value[] values = values(c, nesting);
    // A log rewrites its templates under new GUIDs (after a reboot, say) at the same offsets:
    // one whose every substitution takes the type of the value given is the same template.
    if (template == null && candidate != null && LostTemplates.fits(candidate, values)) {
      template = candidate;
    }
    if (template == null) {
      if (!lenient) {
        throw failure;
      }
      String id = String.format(Locale.ROOT, "0x%08x", templateId);
      missingTemplate = missingTemplate == null ? id : missingTemplate;
      List<Node> system = nesting == 0 ? LostTemplates.standardSystem(values, id) : null;
      return new Doc(system != null ? system
          : LostTemplates.placeholder(values.length, id, nesting), values);
    }
    return new Doc(template.nodes(), values);
  }

  private @Nullable Template templateOrNull(int offset, int nesting) {
    try {
      return template(offset, nesting);
    } catch (EvtxFormatException e) {
      return null;
    }
  }

  /** The instance data: a count, (size, type) descriptors, then the values back to back. */
  private Value[] values(Cursor c, int nesting) {
    int count = c.i32();
    if (count < 0 || count > (c.end - c.pos) / 4) {
      throw new EvtxFormatException("template instance claims " + (count & 0xFFFF_FFFFL)
          + " values, more than its data can hold", c.pos - 4);
    }
    int[] sizes = new int[count];
    int[] types = new int[count];
    for (int i = 0; i < count; i++) {
      sizes[i] = c.u16();
      types[i] = c.u8();
      c.skip(1);
    }
    Value[] values = new Value[count];
    for (int i = 0; i < count; i++) {
      c.need(sizes[i]);
      values[i] = value(c.pos, sizes[i], types[i], nesting);
      c.pos += sizes[i];
    }
    return values;
  }

  /** The first template id the last lenient parse did without, or null. */
  @Nullable String missingTemplate() {
    return missingTemplate;
  }

  private Value value(int off, int size, int type, int nesting) {
    if (type == ValueType.BINXML) {
      if (size == 0) {
        return Value.NULL;
      }
      Cursor nested = new Cursor(off, off + size);
      List<Node> nodes = fragment(nested, /* inTemplate= */ false, nesting + 1);
      return new Value(type, 0, new Doc(nodes, Doc.NO_VALUES), false);
    }
    if (type == (ValueType.BINXML | ValueType.ARRAY)) {
      return Value.ofRaw(type, Arrays.copyOfRange(b, off, off + size));
    }
    return ValueDecoder.decode(b, off, size, type);
  }

  /**
   * The template defined at {@code offset}, checked against the id the instance quotes. When the
   * bytes there are no longer that template (a record recovered from slack whose definition was
   * overwritten), the chunk's other definitions are searched for the same id.
   */
  private Template findTemplate(int offset, int templateId, int nesting, int at) {
    EvtxFormatException failure = null;
    try {
      Template template = template(offset, nesting);
      if (template.id() == templateId) {
        return template;
      }
    } catch (EvtxFormatException e) {
      failure = e;
    }
    indexTemplateTable(nesting);
    for (Template known : templates.values()) {
      if (known.id() == templateId) {
        return known;
      }
    }
    String reason = failure == null ? "holds another template" : failure.getMessage();
    throw new EvtxFormatException(String.format(Locale.ROOT,
        "template 0x%08x not found: offset %d %s", templateId, offset, reason), at);
  }

  /** Parses every definition the chunk header's template table chains to, once. */
  private void indexTemplateTable(int nesting) {
    if (tableIndexed || limit < TEMPLATE_TABLE + 4 * TEMPLATE_TABLE_SIZE) {
      return;
    }
    tableIndexed = true;
    for (int i = 0; i < TEMPLATE_TABLE_SIZE; i++) {
      int offset = Bytes.i32(b, TEMPLATE_TABLE + 4 * i);
      for (int hops = 0; offset != 0 && hops < 256; hops++) {
        try {
          template(offset, nesting);
          offset = Bytes.i32(b, offset); // next definition in the same hash bucket
        } catch (EvtxFormatException e) {
          break;
        }
      }
    }
  }

  /** The definition at {@code offset}: next-offset, GUID, body size, then the body. */
  private Template template(int offset, int nesting) {
    Template cached = templates.get(offset);
    if (cached != null) {
      return cached;
    }
    EvtxFormatException failed = badTemplates.get(offset);
    if (failed != null) {
      throw failed;
    }
    try {
      return parseTemplate(offset, nesting);
    } catch (EvtxFormatException e) {
      badTemplates.put(offset, e);
      throw e;
    }
  }

  private Template parseTemplate(int offset, int nesting) {
    if (offset < 0 || offset > limit - 24) {
      throw new EvtxFormatException("template definition offset " + offset + " outside chunk",
          offset);
    }
    if (!inProgress.add(offset)) {
      throw new EvtxFormatException("template definition refers to itself", offset);
    }
    try {
      int dataSize = Bytes.i32(b, offset + 20);
      if (dataSize < 4 || dataSize > limit - offset - 24) {
        throw new EvtxFormatException("template body size " + (dataSize & 0xFFFF_FFFFL)
            + " runs past the chunk", offset + 20);
      }
      byte[] guid = Arrays.copyOfRange(b, offset + 4, offset + 20);
      Cursor body = new Cursor(offset + 24, offset + 24 + dataSize);
      List<Node> nodes = fragment(body, /* inTemplate= */ true, nesting + 1);
      if (nodes.isEmpty()) {
        throw new EvtxFormatException("template definition has no element", offset + 24);
      }
      Template template = new Template(offset, guid, dataSize, nodes);
      templates.put(offset, template);
      return template;
    } finally {
      inProgress.remove(offset);
    }
  }

  private Node.Element element(Cursor c, boolean inTemplate, int depth, int nesting) {
    if (depth > MAX_ELEMENT_DEPTH) {
      throw new EvtxFormatException("elements nested deeper than " + MAX_ELEMENT_DEPTH, c.pos);
    }
    boolean hasAttributes = (c.u8() & 0x40) != 0;
    // Only template definitions carry the dependency identifier (evtx crate, libevtx notes).
    c.skip(inTemplate ? 6 : 4);
    String name = nameRef(c);
    List<Node.Attribute> attributes = List.of();
    boolean dynamic = false;
    if (hasAttributes) {
      c.skip(4); // attribute list size
      attributes = new ArrayList<>(4);
      while ((c.peek() & 0xBF) == 0x06) {
        c.pos++;
        String attributeName = nameRef(c);
        List<Node> value = attributeValue(c, nesting);
        dynamic |= isDynamic(value);
        attributes.add(new Node.Attribute(attributeName, List.copyOf(value)));
      }
    }
    attributes = List.copyOf(attributes);
    int close = c.u8();
    if (close == 0x03) {
      return new Node.Element(name, attributes, List.of(), dynamic);
    }
    if (close != 0x02) {
      throw unexpected(close, "the start tag of <" + name + ">", c.pos - 1);
    }
    List<Node> children = List.copyOf(content(c, inTemplate, depth, nesting));
    return new Node.Element(name, attributes, children, dynamic || isDynamic(children));
  }

  private List<Node> attributeValue(Cursor c, int nesting) {
    List<Node> parts = new ArrayList<>(1);
    while (true) {
      int token = c.peek() & 0xBF;
      if (token == 0x05 || token == 0x08 || token == 0x09 || token == 0x0D || token == 0x0E) {
        parts.add(leaf(c, token));
      } else {
        return parts;
      }
    }
  }

  /** An element's content up to and including its end tag. */
  private List<Node> content(Cursor c, boolean inTemplate, int depth, int nesting) {
    List<Node> children = new ArrayList<>(4);
    while (true) {
      int token = c.peek() & 0xBF;
      switch (token) {
        case 0x04:
          c.pos++;
          return children;
        case 0x01:
          children.add(element(c, inTemplate, depth + 1, nesting));
          break;
        case 0x0C:
          c.pos++;
          children.add(new Node.Embedded(instance(c, nesting)));
          break;
        case 0x0A:
          children.add(pi(c));
          break;
        case 0x05:
        case 0x07:
        case 0x08:
        case 0x09:
        case 0x0D:
        case 0x0E:
          children.add(leaf(c, token));
          break;
        default:
          throw unexpected(c.peek(), "element content", c.pos);
      }
    }
  }

  /** A value text, CDATA section, character or entity reference, or substitution. */
  private Node leaf(Cursor c, int token) {
    c.pos++;
    switch (token) {
      case 0x05:
        return valueText(c);
      case 0x07:
        return new Node.CData(c.utf16(c.u16()));
      case 0x08:
        return new Node.CharRef(c.u16());
      case 0x09:
        return new Node.EntityRef(nameRef(c));
      default: // 0x0D normal, 0x0E optional substitution
        int index = c.u16();
        int type = c.u8();
        return new Node.Substitution(index, type, token == 0x0E);
    }
  }

  private Node valueText(Cursor c) {
    int type = c.u8();
    if (type == ValueType.STRING) {
      return new Node.Text(c.utf16(c.u16()));
    }
    int size = type == ValueType.ANSI_STRING ? c.u16() : ValueType.fixedSize(type);
    if (size < 0 || ValueType.isArray(type)) {
      throw new EvtxFormatException("value token of type " + ValueType.name(type)
          + " has no size", c.pos - 1);
    }
    c.need(size);
    Value value = ValueDecoder.decode(b, c.pos, size, type);
    c.pos += size;
    return new Node.Literal(value);
  }

  private Node pi(Cursor c) {
    c.pos++;
    String target = nameRef(c);
    String data = "";
    if (c.pos < c.end && c.peek() == 0x0B) {
      c.pos++;
      data = c.utf16(c.u16());
    }
    return new Node.Pi(target, data);
  }

  /** A name reference: a chunk offset, with the name itself inline when it points right here. */
  private String nameRef(Cursor c) {
    int offset = c.i32();
    String name = names.name(offset);
    if (offset == c.pos) {
      c.skip(10 + 2 * name.length());
    }
    return name;
  }

  private static boolean isDynamic(List<Node> nodes) {
    for (Node node : nodes) {
      if (node instanceof Node.Substitution || node instanceof Node.Embedded
          || (node instanceof Node.Element element && element.dynamic())) {
        return true;
      }
    }
    return false;
  }

  private static EvtxFormatException unexpected(int token, String where, int at) {
    return new EvtxFormatException(
        String.format(Locale.ROOT, "unexpected token 0x%02x in %s", token, where), at);
  }

  /** A read position within {@code [pos, end)} of the chunk. */
  private final class Cursor {
    int pos;
    final int end;

    Cursor(int pos, int end) {
      if (pos < 0 || end > limit || pos > end) {
        throw new EvtxFormatException("data [" + pos + ", " + end + ") outside chunk", pos);
      }
      this.pos = pos;
      this.end = end;
    }

    void need(int n) {
      if (n < 0 || n > end - pos) {
        throw new EvtxFormatException(
            "data ends after " + (end - pos) + " bytes where " + n + " are needed", pos);
      }
    }

    int peek() {
      need(1);
      return b[pos] & 0xFF;
    }

    int u8() {
      need(1);
      return b[pos++] & 0xFF;
    }

    int u16() {
      need(2);
      int v = Bytes.u16(b, pos);
      pos += 2;
      return v;
    }

    int i32() {
      need(4);
      int v = Bytes.i32(b, pos);
      pos += 4;
      return v;
    }

    void skip(int n) {
      need(n);
      pos += n;
    }

    String utf16(int units) {
      need(2 * units);
      String s = Utf16.decode(b, pos, units);
      pos += 2 * units;
      return s;
    }
  }

  /** For tests: the cached template at an offset, or null. */
  @Nullable Template cachedTemplate(int offset) {
    return templates.get(offset);
  }
}
