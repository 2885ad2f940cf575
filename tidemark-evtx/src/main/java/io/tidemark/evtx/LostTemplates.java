package io.tidemark.evtx;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a record carved from slack can do when its template definition was overwritten: use the
 * template now at the same offset if every substitution fits the record's values, or keep the
 * values as unnamed {@code <Data>} elements so no value is lost.
 */
final class LostTemplates {
  private LostTemplates() {}

  /**
   * Below this many values a type signature is too common to identify a template: two event
   * types with three strings would be confused, and values shown under the wrong names.
   */
  static final int MIN_VALUES_TO_MATCH = 8;

  /**
   * Whether the template takes exactly these values: every value is substituted somewhere,
   * each substitution declares its value's type, and there are enough of them to be sure. The
   * System template Windows rewrites under a new GUID at the same offset passes; a different
   * event's template that happens to sit there does not.
   */
  static boolean fits(Template template, Value[] values) {
    if (values.length < MIN_VALUES_TO_MATCH) {
      return false;
    }
    boolean[] used = new boolean[values.length];
    if (!fits(template.nodes(), values, used)) {
      return false;
    }
    for (boolean u : used) {
      if (!u) {
        return false;
      }
    }
    return true;
  }

  private static boolean fits(List<Node> nodes, Value[] values, boolean[] used) {
    for (Node node : nodes) {
      if (node instanceof Node.Substitution substitution) {
        int index = substitution.index();
        if (index >= values.length) {
          return false;
        }
        int type = values[index].type;
        if (type != substitution.declaredType() && type != ValueType.NULL) {
          return false;
        }
        used[index] = true;
      } else if (node instanceof Node.Element element) {
        for (Node.Attribute attribute : element.attributes()) {
          if (!fits(attribute.value(), values, used)) {
            return false;
          }
        }
        if (!fits(element.children(), values, used)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The value types of the System template the event log service writes for every event,
   * index by index; -1 where the value may also be null ([4] Qualifiers, [7] ActivityID, [12]
   * UserID, [13] RelatedActivityID, [14] provider name, [15] provider GUID, [17] the event's
   * data). Checked on live records of the attack samples (Sysmon, Service Control Manager).
   */
  private static final int[] SYSTEM_TYPES = {
    ValueType.UINT8, ValueType.UINT8, ValueType.UINT16, ValueType.UINT16, ValueType.UINT16,
    ValueType.HEX_INT64, ValueType.FILETIME, ValueType.GUID, ValueType.UINT32, ValueType.UINT32,
    ValueType.UINT64, ValueType.UINT8, ValueType.SID, ValueType.GUID, ValueType.STRING,
    ValueType.GUID, ValueType.STRING, ValueType.BINXML
  };
  private static final boolean[] SYSTEM_OPTIONAL = {
    false, false, false, false, true, false, false, true, false, false, false, false, true, true,
    true, true, false, true
  };

  /**
   * A record's outer template is the service's System template whenever its 18 values have the
   * System types; rebuilt here, every System field is recovered but {@code Computer}, which the
   * template held as text.
   */
  static @Nullable List<Node> standardSystem(Value[] values, String templateId) {
    if (values.length != SYSTEM_TYPES.length) {
      return null;
    }
    for (int i = 0; i < values.length; i++) {
      int type = values[i].type;
      if (type != SYSTEM_TYPES[i] && !(SYSTEM_OPTIONAL[i] && type == ValueType.NULL)) {
        return null;
      }
    }
    Node.Element system = element("System", List.of(attribute("Tidemark_MissingTemplate",
        new Node.Text(templateId))),
        element("Provider", List.of(attribute("Name", sub(14)), attribute("Guid", sub(15)))),
        element("EventID", List.of(attribute("Qualifiers", sub(4))), sub(3)),
        element("Version", List.of(), sub(11)),
        element("Level", List.of(), sub(0)),
        element("Task", List.of(), sub(2)),
        element("Opcode", List.of(), sub(1)),
        element("Keywords", List.of(), sub(5)),
        element("TimeCreated", List.of(attribute("SystemTime", sub(6)))),
        element("EventRecordID", List.of(), sub(10)),
        element("Correlation", List.of(attribute("ActivityID", sub(7)),
            attribute("RelatedActivityID", sub(13)))),
        element("Execution", List.of(attribute("ProcessID", sub(8)),
            attribute("ThreadID", sub(9)))),
        element("Channel", List.of(), sub(16)),
        element("Security", List.of(attribute("UserID", sub(12)))));
    return List.of(element("Event", List.of(attribute("xmlns",
        new Node.Text("http://schemas.microsoft.com/win/2004/08/events/event"))), system,
        sub(17)));
  }

  private static Node.Element element(String name, List<Node.Attribute> attributes,
      Node... children) {
    return new Node.Element(name, attributes, List.of(children), true, false);
  }

  private static Node.Attribute attribute(String name, Node value) {
    return new Node.Attribute(name, List.of(value));
  }

  private static Node sub(int index) {
    return new Node.Substitution(index, SYSTEM_TYPES[index], /* optional= */ true);
  }

  /** Stands in for a lost template: every value as an unnamed Data, in order. */
  static List<Node> placeholder(int count, String templateId, int nesting) {
    List<Node> data = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      data.add(new Node.Element("Data", List.of(),
          List.of(new Node.Substitution(i, ValueType.NULL, false)), true, false));
    }
    Node.Element eventData = new Node.Element("EventData", List.of(new Node.Attribute(
        "Tidemark_MissingTemplate", List.of(new Node.Text(templateId)))), data, true, false);
    return nesting == 0
        ? List.of(new Node.Element("Event", List.of(), List.of(eventData), true, false))
        : List.of(eventData);
  }
}
