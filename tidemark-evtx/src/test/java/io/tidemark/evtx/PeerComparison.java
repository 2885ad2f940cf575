package io.tidemark.evtx;

import io.tidemark.event.Event;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Compares our records with a peer's, record by record: EventRecordID, EventID, the
 * TimeCreated tick, Channel, Computer, and the text of every leaf element outside System
 * (EventData's Data, UserData's leaves, Binary...), in document order.
 *
 * <p>Each peer formats some value types its own way, so our typed values are rendered the way
 * that peer renders them ({@link #LIBEVTX}, {@link #PYTHON_EVTX}) before comparing: the check
 * stays exact, nothing is compared loosely. Empty leaves are skipped, because the peers
 * disagree on whether an optional substitution without value makes an element.
 */
final class PeerComparison {
  /** A leaf element: its name, its {@code Name} attribute, its text. */
  record Leaf(String tag, @Nullable String name, String text) {}

  /**
   * How a peer writes values and times, and whether it renders a string array in one element
   * as {@code <string>a</string><string>b</string>} (python-evtx) instead of repeating the
   * element per item (libevtx, Windows, us).
   */
  record Style(
      String peer, Function<Value, String> format, Function<Long, String> time,
      boolean stringArraysInline) {}

  static final Style LIBEVTX = new Style("evtxexport", PeerComparison::libevtx,
      PeerComparison::libevtxTime, false);
  static final Style PYTHON_EVTX = new Style("python-evtx", PeerComparison::python,
      PeerComparison::pythonTime, true);
  private static final Pattern INLINE_ARRAY = Pattern.compile("(?:<string>.*?</string>\\n)+",
      Pattern.DOTALL);
  private static final Pattern ARRAY_ITEM = Pattern.compile("<string>(.*?)</string>\\n",
      Pattern.DOTALL);

  private PeerComparison() {}

  /** Differences between our events of one file and the peer's records of it. */
  static List<String> compare(String file, List<Event> ours, List<String> peer, Style style) {
    List<String> problems = new ArrayList<>();
    if (ours.size() != peer.size()) {
      problems.add(String.format(Locale.ROOT, "%s: %d records, %s has %d", file, ours.size(),
          style.peer(), peer.size()));
      return problems;
    }
    for (int i = 0; i < ours.size(); i++) {
      EvtxEvent event = (EvtxEvent) ours.get(i);
      Document document = Peers.parse(peer.get(i));
      String where = file + " record " + event.recordId() + " vs " + style.peer() + ": ";
      if (document == null) {
        problems.add(where + "peer XML does not parse");
        continue;
      }
      compareRecord(event, document.getDocumentElement(), style, where, problems);
    }
    return problems;
  }

  private static void compareRecord(
      EvtxEvent event, Element peer, Style style, String where, List<String> problems) {
    Element system = child(peer, "System");
    if (system == null) {
      problems.add(where + "peer has no System");
      return;
    }
    check(where + "EventRecordID", Long.toString(event.recordId()),
        text(system, "EventRecordID"), problems);
    check(where + "EventID", or(event.get("EventID")), text(system, "EventID"), problems);
    check(where + "Channel", or(event.get("Channel")), text(system, "Channel"), problems);
    check(where + "Computer", or(event.get("Computer")), text(system, "Computer"), problems);
    Element created = child(system, "TimeCreated");
    Long ticks = filetime(event);
    check(where + "SystemTime", ticks == null ? "" : style.time().apply(ticks),
        created == null ? "" : created.getAttribute("SystemTime"), problems);
    List<Leaf> ourLeaves = ourLeaves(event, style.format());
    List<Leaf> peerLeaves = peerLeaves(peer);
    if (style.stringArraysInline()) {
      peerLeaves = splitInlineArrays(peerLeaves);
    }
    if (!ourLeaves.equals(peerLeaves)) {
      problems.add(where + "leaves differ: ours " + firstDifference(ourLeaves, peerLeaves));
    }
  }

  private static List<Leaf> splitInlineArrays(List<Leaf> leaves) {
    List<Leaf> split = new ArrayList<>(leaves.size());
    for (Leaf leaf : leaves) {
      if (INLINE_ARRAY.matcher(leaf.text()).matches()) {
        Matcher item = ARRAY_ITEM.matcher(leaf.text());
        while (item.find()) {
          if (!item.group(1).isEmpty()) {
            split.add(new Leaf(leaf.tag(), leaf.name(), item.group(1)));
          }
        }
      } else {
        split.add(leaf);
      }
    }
    return split;
  }

  private static String firstDifference(List<Leaf> ours, List<Leaf> peer) {
    for (int i = 0; i < Math.min(ours.size(), peer.size()); i++) {
      if (!ours.get(i).equals(peer.get(i))) {
        return ours.get(i) + " peer " + peer.get(i);
      }
    }
    return ours.size() + " leaves, peer " + peer.size() + ": " + (ours.size() > peer.size()
        ? ours.get(peer.size()) : peer.get(ours.size()));
  }

  private static void check(String what, String ours, String peer, List<String> problems) {
    if (!Peers.sanitize(ours).equals(Peers.sanitize(peer))) {
      problems.add(what + ": ours '" + ours + "' peer '" + peer + "'");
    }
  }

  private static String or(@Nullable String value) {
    return value == null ? "" : value;
  }

  /** The FILETIME of TimeCreated, read from our resolved tree. */
  static @Nullable Long filetime(EvtxEvent event) {
    io.tidemark.evtx.Node.Element system = section(event, "System");
    for (io.tidemark.evtx.Node child : system == null ? List.<io.tidemark.evtx.Node>of()
        : system.children()) {
      if (child instanceof io.tidemark.evtx.Node.Element element
          && element.name().equals("TimeCreated")) {
        for (io.tidemark.evtx.Node.Attribute attribute : element.attributes()) {
          if (attribute.value().size() == 1
              && attribute.value().get(0) instanceof io.tidemark.evtx.Node.Literal literal
              && literal.value().type == ValueType.FILETIME) {
            return literal.value().bits;
          }
        }
      }
    }
    return null;
  }

  private static io.tidemark.evtx.Node.@Nullable Element section(EvtxEvent event, String name) {
    if (event.tree().isEmpty()
        || !(event.tree().get(0) instanceof io.tidemark.evtx.Node.Element root)) {
      return null;
    }
    for (io.tidemark.evtx.Node child : root.children()) {
      if (child instanceof io.tidemark.evtx.Node.Element element && element.name().equals(name)) {
        return element;
      }
    }
    return null;
  }

  /** Our leaf elements outside System, values rendered in the peer's style. */
  static List<Leaf> ourLeaves(EvtxEvent event, Function<Value, String> format) {
    List<Leaf> leaves = new ArrayList<>();
    if (!event.tree().isEmpty()
        && event.tree().get(0) instanceof io.tidemark.evtx.Node.Element root) {
      for (io.tidemark.evtx.Node child : root.children()) {
        if (child instanceof io.tidemark.evtx.Node.Element section
            && !section.name().equals("System")) {
          collect(section, format, leaves);
        }
      }
    }
    return leaves;
  }

  private static void collect(
      io.tidemark.evtx.Node.Element element, Function<Value, String> format, List<Leaf> out) {
    boolean leaf = true;
    for (io.tidemark.evtx.Node child : element.children()) {
      if (child instanceof io.tidemark.evtx.Node.Element nested) {
        leaf = false;
        collect(nested, format, out);
      }
    }
    if (!leaf || element.elided()) {
      return;
    }
    String text = normalise(render(element.children(), format));
    if (!text.isEmpty()) {
      String name = null;
      for (io.tidemark.evtx.Node.Attribute attribute : element.attributes()) {
        if (attribute.name().equals("Name")) {
          name = Peers.sanitize(render(attribute.value(), format));
        }
      }
      out.add(new Leaf(element.name(), name, text));
    }
  }

  private static String render(
      List<io.tidemark.evtx.Node> parts, Function<Value, String> format) {
    StringBuilder text = new StringBuilder();
    for (io.tidemark.evtx.Node part : parts) {
      if (part instanceof io.tidemark.evtx.Node.Text t) {
        text.append(t.text());
      } else if (part instanceof io.tidemark.evtx.Node.Literal literal) {
        text.append(format.apply(literal.value()));
      } else if (part instanceof io.tidemark.evtx.Node.CharRef ref) {
        text.appendCodePoint(ref.code());
      } else if (part instanceof io.tidemark.evtx.Node.EntityRef ref) {
        text.append(FlatText.entity(ref.name()));
      } else if (part instanceof io.tidemark.evtx.Node.CData cdata) {
        text.append(cdata.text());
      }
    }
    return text.toString();
  }

  /** The peer's leaf elements outside System, in document order. */
  static List<Leaf> peerLeaves(Element event) {
    List<Leaf> leaves = new ArrayList<>();
    for (Node child = event.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element section && !local(section).equals("System")) {
        collect(section, leaves);
      }
    }
    return leaves;
  }

  private static void collect(Element element, List<Leaf> out) {
    boolean leaf = true;
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        leaf = false;
        collect(nested, out);
      }
    }
    if (!leaf) {
      return;
    }
    String text = normalise(element.getTextContent());
    if (!text.isEmpty()) {
      String name = element.hasAttribute("Name") ? element.getAttribute("Name") : null;
      out.add(new Leaf(local(element), name, text));
    }
  }

  /** XML parsers turn CRLF and lone CR into LF; so does this, for our side. */
  private static String normalise(String text) {
    return Peers.sanitize(text.replace("\r\n", "\n").replace('\r', '\n'));
  }

  private static String local(Element element) {
    String name = element.getTagName();
    return name.substring(name.indexOf(':') + 1);
  }

  private static @Nullable Element child(Element parent, String name) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && local(element).equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element child = child(parent, name);
    return child == null ? "" : child.getTextContent();
  }

  /** libevtx: hex integers zero-padded, times with nine fractional digits. */
  static String libevtx(Value value) {
    if (value.raw) {
      return value.xmlText();
    }
    switch (value.type) {
      case ValueType.HEX_INT32:
        return String.format(Locale.ROOT, "0x%08x", value.bits);
      case ValueType.HEX_INT64:
        return String.format(Locale.ROOT, "0x%016x", value.bits);
      case ValueType.FILETIME:
        return libevtxTime(value.bits);
      default:
        return value.xmlText();
    }
  }

  static String libevtxTime(long filetime) {
    StringBuilder text = new StringBuilder();
    Times.appendFiletime(text, filetime, 7);
    return text.insert(text.length() - 1, "00").toString();
  }

  /** python-evtx: lower-case GUIDs, padded hex, Base64 binary, Python booleans and floats. */
  static String python(Value value) {
    if (value.raw) {
      return value.xmlText();
    }
    switch (value.type) {
      case ValueType.GUID:
        return value.xmlText().toLowerCase(Locale.ROOT);
      case ValueType.HEX_INT32:
        return String.format(Locale.ROOT, "0x%08x", value.bits);
      case ValueType.HEX_INT64:
        return String.format(Locale.ROOT, "0x%016x", value.bits);
      case ValueType.BINARY:
        return Base64.getEncoder().encodeToString((byte[]) value.obj);
      case ValueType.BOOL:
        return value.bits != 0 ? "True" : "False";
      case ValueType.SIZE_T:
        return Long.toUnsignedString(value.bits);
      case ValueType.FILETIME:
        return pythonTime(value.bits);
      default:
        return value.xmlText();
    }
  }

  /**
   * python-evtx's {@code datetime.utcfromtimestamp(float(qword) * 1e-7 - 11644473600)} then
   * {@code isoformat(' ')}, reproduced operation for operation: the double arithmetic and
   * CPython's round-half-even of the microseconds.
   */
  static String pythonTime(long filetime) {
    double seconds = (double) filetime * 1e-7 - 11644473600.0;
    double whole = seconds >= 0 ? Math.floor(seconds) : Math.ceil(seconds);
    double micros = Math.rint((seconds - whole) * 1e6);
    if (micros >= 1e6) {
      micros -= 1e6;
      whole += 1;
    } else if (micros < 0) {
      micros += 1e6;
      whole -= 1;
    }
    LocalDateTime time = LocalDateTime.ofEpochSecond((long) whole, 0, ZoneOffset.UTC);
    String text = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", time.getYear(),
        time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(),
        time.getSecond());
    return micros == 0 ? text : text + String.format(Locale.ROOT, ".%06d", (long) micros);
  }
}
