package io.tidemark.evtx;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps a resolved event onto Sigma's Windows field names, the way the {@code windows-event}
 * JSON reader maps evtx_dump's JSON of the same record, so a rule fires the same on both:
 *
 * <ul>
 *   <li>System children by name, their attributes as {@code Element_Attribute}
 *       ({@code Provider_Name}, {@code EventID_Qualifiers}); {@code TimeCreated} is the
 *       {@code SystemTime} text. Attributes and elements without text are absent.
 *   <li>EventData: {@code <Data Name="X">} as field X ({@code ""} when empty; repeated names,
 *       as from array values, give several values); unnamed {@code <Data>} as the multi-valued
 *       field {@code Data}; other children ({@code Binary}) by name.
 *   <li>UserData and ProcessingErrorData: leaves by element name, nested elements flattened,
 *       repeated names suffixed {@code _1}, {@code _2} as evtx_dump's JSON keys are.
 * </ul>
 *
 * The first value given for a name wins, so EventData cannot overwrite a System field.
 */
final class FieldMapper {
  private static final int MAX_DEPTH = 16;

  private final Map<String, @Nullable Object> fields = new LinkedHashMap<>(64);
  private final Set<String> dataNames = new HashSet<>();
  private final List<String> positional = new ArrayList<>();
  private @Nullable Instant timeCreated;

  private FieldMapper() {}

  /** The mapped fields and the TimeCreated instant of a resolved record. */
  static Mapped map(List<Node> resolved) {
    FieldMapper mapper = new FieldMapper();
    Node.Element event = firstElement(resolved);
    if (event != null) {
      mapper.event(event);
    }
    if (!mapper.positional.isEmpty() && !mapper.fields.containsKey("Data")) {
      mapper.fields.put("Data", List.copyOf(mapper.positional));
    }
    return new Mapped(mapper.fields, mapper.timeCreated);
  }

  /** Fields in record order (values: String, List of String, or null) and the event time. */
  record Mapped(Map<String, @Nullable Object> fields, @Nullable Instant timeCreated) {}

  private void event(Node.Element event) {
    for (Node node : event.children()) {
      if (node instanceof Node.Element section) {
        switch (section.name()) {
          case "System":
            system(section);
            break;
          case "EventData":
          case "UserData":
          case "ProcessingErrorData":
            container(section, 0);
            break;
          default:
            break; // RenderingInfo, DebugData: rendered in XML, not fields
        }
      }
    }
  }

  private void system(Node.Element system) {
    for (Node node : system.children()) {
      if (!(node instanceof Node.Element element)) {
        continue;
      }
      String name = element.name();
      if (name.equals("TimeCreated")) {
        timeCreated(element);
        continue;
      }
      if (FlatText.hasText(element.children())) {
        put(name, FlatText.direct(element.children()));
      }
      for (Node.Attribute attribute : element.attributes()) {
        if (FlatText.hasText(attribute.value())) {
          put(name + "_" + attribute.name(), FlatText.direct(attribute.value()));
        }
      }
    }
  }

  private void timeCreated(Node.Element element) {
    for (Node.Attribute attribute : element.attributes()) {
      if (attribute.name().equals("SystemTime") && FlatText.hasText(attribute.value())) {
        String text = FlatText.direct(attribute.value());
        put("TimeCreated", text);
        List<Node> value = attribute.value();
        Instant instant = value.size() == 1 && value.get(0) instanceof Node.Literal literal
            ? literal.value().instant() : null;
        timeCreated = instant != null ? instant : parseTime(text);
      }
    }
  }

  /** EventData-like: named Data flattened by name, else positional Data; other children. */
  private void container(Node.Element container, int depth) {
    boolean named = false;
    for (Node node : container.children()) {
      if (node instanceof Node.Element child && child.name().equals("Data")
          && nameOf(child) != null) {
        named = true;
        break;
      }
    }
    @Nullable Map<String, Integer> seen = null;
    for (Node node : container.children()) {
      if (!(node instanceof Node.Element child)) {
        continue;
      }
      if (child.name().equals("Data")) {
        String name = nameOf(child);
        if (named && name != null) {
          putData(name, FlatText.of(child.children()));
        } else if (!named) {
          positional.add(FlatText.of(child.children()));
        }
      } else {
        seen = seen == null ? new HashMap<>() : seen;
        child(suffixed(child.name(), seen), child, depth + 1);
      }
    }
  }

  /** One element as the JSON reader flattens its evtx_dump rendering. */
  private void child(String key, Node.Element element, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    boolean hasText = FlatText.hasText(element.children());
    if (hasText) {
      put(key, FlatText.direct(element.children()));
      return;
    }
    boolean hasElements = false;
    for (Node node : element.children()) {
      hasElements |= node instanceof Node.Element;
    }
    if (!hasElements) {
      boolean attributeText = false;
      for (Node.Attribute attribute : element.attributes()) {
        attributeText |= FlatText.hasText(attribute.value());
      }
      if (!attributeText) {
        put(key, null); // evtx_dump's null: present without value
      }
      return;
    }
    if (element.name().equals("EventData") || element.name().equals("UserData")) {
      container(element, depth);
      return;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (Node node : element.children()) {
      if (node instanceof Node.Element grandchild) {
        child(suffixed(grandchild.name(), seen), grandchild, depth + 1);
      }
    }
  }

  private static String suffixed(String name, Map<String, Integer> seen) {
    int count = seen.merge(name, 1, Integer::sum) - 1;
    return count == 0 ? name : name + "_" + count;
  }

  private static @Nullable String nameOf(Node.Element data) {
    for (Node.Attribute attribute : data.attributes()) {
      if (attribute.name().equals("Name") && FlatText.hasText(attribute.value())) {
        return FlatText.direct(attribute.value());
      }
    }
    return null;
  }

  private void put(String name, @Nullable String value) {
    if (!fields.containsKey(name)) {
      fields.put(name, value);
    }
  }

  /** A named Data value; a name given again (an expanded array) adds a value. */
  @SuppressWarnings("unchecked")
  private void putData(String name, String value) {
    if (!fields.containsKey(name)) {
      fields.put(name, value);
      dataNames.add(name);
    } else if (dataNames.contains(name)) {
      Object current = fields.get(name);
      if (current instanceof List<?> list) {
        ((List<String>) list).add(value);
      } else {
        List<String> values = new ArrayList<>(4);
        values.add((String) current);
        values.add(value);
        fields.put(name, values);
      }
    }
  }

  private static Node.@Nullable Element firstElement(List<Node> nodes) {
    for (Node node : nodes) {
      if (node instanceof Node.Element element) {
        return element;
      }
    }
    return null;
  }

  private static @Nullable Instant parseTime(String text) {
    if (text.length() > 64) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
