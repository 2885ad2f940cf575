package io.tidemark.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A record with free-form fields, such as a Windows event read from JSON. */
final class MapEvent implements Event {
  private final SourceFile source;
  private final long recordId;
  private final long offset;
  private final @Nullable Instant timestamp;
  // Values are String, List<String> (multi-valued) or null (present without value).
  private final Map<String, @Nullable Object> fields;
  private final List<String> names;
  private @Nullable String searchText;

  MapEvent(
      SourceFile source,
      long recordId,
      long offset,
      @Nullable Instant timestamp,
      Map<String, ? extends @Nullable Object> fields) {
    this.source = source;
    this.recordId = recordId;
    this.offset = offset;
    this.timestamp = timestamp;
    LinkedHashMap<String, @Nullable Object> copy = new LinkedHashMap<>(fields.size() * 2);
    for (Map.Entry<String, ? extends @Nullable Object> e : fields.entrySet()) {
      copy.put(e.getKey(), normalise(e.getKey(), e.getValue()));
    }
    this.fields = Collections.unmodifiableMap(copy);
    this.names = List.copyOf(copy.keySet());
  }

  private static @Nullable Object normalise(String name, @Nullable Object value) {
    if (value == null || value instanceof String) {
      return value;
    }
    if (value instanceof List<?> list) {
      List<String> strings = new ArrayList<>(list.size());
      for (Object item : list) {
        if (item != null) {
          strings.add(item.toString());
        }
      }
      return List.copyOf(strings);
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
      return value.toString();
    }
    throw new IllegalArgumentException(
        "field '" + name + "' has a value of type " + value.getClass().getName()
            + "; expected a string, a number, a boolean, a list of those, or null");
  }

  @Override
  public SourceFile source() {
    return source;
  }

  @Override
  public long recordId() {
    return recordId;
  }

  @Override
  public long offset() {
    return offset;
  }

  @Override
  public @Nullable Instant timestamp() {
    return timestamp;
  }

  @Override
  public @Nullable String get(String field) {
    Object value = fields.get(field);
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof List<?> list && !list.isEmpty()) {
      return (String) list.get(0);
    }
    return null;
  }

  @Override
  public boolean has(String field) {
    return fields.containsKey(field);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> getAll(String field) {
    Object value = fields.get(field);
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      return (List<String>) list;
    }
    return List.of();
  }

  @Override
  public List<String> fieldNames() {
    return names;
  }

  @Override
  public void forEachValue(FieldVisitor visitor) {
    for (Map.Entry<String, @Nullable Object> e : fields.entrySet()) {
      Object value = e.getValue();
      if (value instanceof String s) {
        visitor.visit(e.getKey(), s);
      } else if (value instanceof List<?> list) {
        for (Object item : list) {
          visitor.visit(e.getKey(), (String) item);
        }
      }
    }
  }

  @Override
  public CharSequence searchText() {
    String text = searchText;
    if (text == null) {
      text = Events.joinValues(this);
      searchText = text; // a benign race: every thread computes the same string
    }
    return text;
  }

  @Override
  public String toString() {
    return Events.describe(this);
  }
}
