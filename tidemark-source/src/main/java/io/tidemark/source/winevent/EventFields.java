package io.tidemark.source.winevent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one Windows event being assembled from JSON. The first value given for a name
 * wins, so System fields set first cannot be overwritten by a same-named EventData field.
 */
final class EventFields {
  static final String DATA = "Data";
  private static final int MAX_DEPTH = 16;

  private final Map<String, @Nullable Object> fields = new LinkedHashMap<>();
  private final List<String> data = new ArrayList<>();
  private final List<String[]> warnings = new ArrayList<>();

  /** Sets a field to a text, or to "present without value" when null. */
  void put(String name, @Nullable String value) {
    if (!fields.containsKey(name)) {
      fields.put(name, value);
    }
  }

  /** Sets a field from a JSON value: scalars as text, arrays as several values, null as null. */
  void putNode(String name, @Nullable JsonNode node) {
    if (node == null || node.isMissingNode() || fields.containsKey(name)) {
      return;
    }
    if (node.isArray()) {
      List<String> values = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        String text = text(item);
        if (text != null) {
          values.add(text);
        }
      }
      fields.put(name, values);
    } else {
      fields.put(name, text(node));
    }
  }

  /** Adds one unnamed {@code <Data>} value to the multi-valued {@code Data} field. */
  void addData(@Nullable String value) {
    if (value != null) {
      data.add(value);
    }
  }

  /** Adds the values of an unnamed {@code Data} node: a text, an array, or {@code {"#text":..}}. */
  void addDataNode(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        addDataNode(item);
      }
    } else if (node.isObject() && node.has("#text")) {
      addDataNode(node.get("#text"));
    } else {
      addData(text(node));
    }
  }

  /**
   * Flattens an element whose children become fields by element name (UserData, nested
   * EventData): attributes ({@code #attributes}) are skipped, an element with only text gives
   * its text.
   */
  void flattenElements(JsonNode element, int depth) {
    if (depth > MAX_DEPTH || !element.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : element.properties()) {
      String name = entry.getKey();
      JsonNode value = entry.getValue();
      if (name.startsWith("#")) {
        continue;
      }
      if (value.isObject() && !value.has("#text")) {
        flattenElements(value, depth + 1);
      } else {
        putNode(name, value);
      }
    }
  }

  /** Notes a repair; {@code code} is the diagnostic code it will be reported under. */
  void warn(String code, String message) {
    warnings.add(new String[] {code, message});
  }

  void forEachWarning(java.util.function.BiConsumer<String, String> consumer) {
    warnings.forEach(w -> consumer.accept(w[0], w[1]));
  }

  boolean has(String name) {
    return fields.containsKey(name);
  }

  @Nullable Object get(String name) {
    return fields.get(name);
  }

  /** The fields in order, with the unnamed Data values last. */
  Map<String, @Nullable Object> build() {
    if (!data.isEmpty() && !fields.containsKey(DATA)) {
      fields.put(DATA, List.copyOf(data));
    }
    return fields;
  }

  /**
   * The text of a JSON value as Sigma compares it: strings as written, numbers in decimal,
   * booleans as {@code true}/{@code false}, {@code {"#text": x}} as x, {@code {"Value": x}} (a
   * serialised .NET object such as a SecurityIdentifier) as x; null stays null.
   */
  static @Nullable String text(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isIntegralNumber() || node.isBoolean()) {
      return node.asText();
    }
    if (node.isNumber()) {
      return node.decimalValue().toPlainString();
    }
    if (node.isObject()) {
      if (node.has("#text")) {
        return text(node.get("#text"));
      }
      if (node.has("Value") && node.size() <= 4) {
        return text(node.get("Value"));
      }
    }
    return node.toString();
  }
}
