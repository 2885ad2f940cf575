package io.tidemark.source.ual;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Flattens one AuditData object into event fields. Top-level names stay exactly as Microsoft
 * writes them; nested objects give dotted names ({@code AppAccessContext.AADSessionId}); arrays of
 * objects give multi-valued dotted names ({@code Folders.FolderItems.InternetMessageId}); arrays
 * of Name/Value pairs ({@code Parameters}, {@code ExtendedProperties}, {@code
 * OperationProperties}) give one field per name ({@code Parameters.ForwardTo}). The values are
 * attacker-controlled, so every size is capped: a record that hits a cap is kept, truncated, and
 * the caller warns about it. Not thread-safe; one per record.
 */
final class AuditDataFlattener {
  static final int MAX_VALUE_CHARS = 32 * 1024;
  static final int MAX_VALUES_PER_FIELD = 10_000;
  static final int MAX_FIELDS = 2_000;
  private static final int MAX_NAME_CHARS = 256;

  private final UalFieldMap map;
  // Values are String, null, or List<String> once a name repeats.
  private final LinkedHashMap<String, @Nullable Object> fields = new LinkedHashMap<>();
  private boolean truncated;

  AuditDataFlattener(UalFieldMap map) {
    this.map = map;
  }

  /** Adds every field of the object; returns the fields so far. */
  Map<String, @Nullable Object> flatten(JsonNode auditData) {
    object("", auditData);
    return fields;
  }

  /** Whether some value, field list or the record itself was cut to fit the caps. */
  boolean truncated() {
    return truncated;
  }

  private void object(String prefix, JsonNode node) {
    Iterator<Map.Entry<String, JsonNode>> members = node.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      value(prefix + member.getKey(), member.getKey(), member.getValue());
    }
  }

  private void value(String name, String key, JsonNode node) {
    if (node.isObject()) {
      object(name + ".", node);
    } else if (node.isArray()) {
      array(name, key, node);
    } else {
      put(name, node.isNull() ? null : node.asText());
    }
  }

  private void array(String name, String key, JsonNode array) {
    if (isNameValueArray(array)) {
      for (JsonNode entry : array) {
        String entryName = entry.get("Name").asText();
        String text = scalarText(entry.get("Value"));
        put(name + "." + entryName, text);
        if (map.lifted(key, entryName)) {
          put(entryName, text);
        }
      }
      return;
    }
    if (array.isEmpty()) {
      // An empty list is present without value, as Sigma's null: "no folders" is not "no field".
      put(name, null);
      return;
    }
    for (JsonNode element : array) {
      if (element.isObject()) {
        object(name + ".", element);
      } else if (element.isArray()) {
        array(name, key, element);
      } else if (!element.isNull()) {
        put(name, element.asText());
      }
    }
  }

  /** Parameters and their kind: every element an object with a textual Name and a Value. */
  private static boolean isNameValueArray(JsonNode array) {
    if (array.isEmpty()) {
      return false;
    }
    for (JsonNode element : array) {
      if (!element.isObject() || !element.has("Name") || !element.get("Name").isTextual()
          || !element.has("Value")) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable String scalarText(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private void put(String rawName, @Nullable String rawValue) {
    String name = rawName;
    if (name.length() > MAX_NAME_CHARS) {
      name = name.substring(0, MAX_NAME_CHARS);
      truncated = true;
    }
    String value = rawValue;
    if (value != null && value.length() > MAX_VALUE_CHARS) {
      value = value.substring(0, MAX_VALUE_CHARS);
      truncated = true;
    }
    if (!fields.containsKey(name)) {
      if (fields.size() >= MAX_FIELDS) {
        truncated = true;
        return;
      }
      fields.put(name, value);
      return;
    }
    if (value == null) {
      return;
    }
    Object existing = fields.get(name);
    if (existing instanceof List<?> list) {
      if (list.size() >= MAX_VALUES_PER_FIELD) {
        truncated = true;
        return;
      }
      @SuppressWarnings("unchecked")
      List<String> values = (List<String>) list;
      values.add(value);
    } else if (existing == null) {
      fields.put(name, value);
    } else {
      List<String> values = new ArrayList<>();
      values.add((String) existing);
      values.add(value);
      fields.put(name, values);
    }
  }
}
