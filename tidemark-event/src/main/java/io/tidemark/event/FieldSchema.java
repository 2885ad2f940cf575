package io.tidemark.event;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered field names of a columnar log (a W3C or Exchange {@code #Fields:} header), shared
 * by every record read under that header. Lookup by name is one hash probe.
 */
public final class FieldSchema {
  private final List<String> names;
  private final Map<String, Integer> index;

  private FieldSchema(List<String> names) {
    this.names = List.copyOf(names);
    this.index = new HashMap<>(names.size() * 2);
    for (int i = 0; i < this.names.size(); i++) {
      // A duplicated header name keeps its first column, as CSV readers conventionally do.
      index.putIfAbsent(this.names.get(i), i);
    }
  }

  /** A schema with these names, in column order. */
  public static FieldSchema of(List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a field schema needs at least one field");
    }
    return new FieldSchema(names);
  }

  /** The column of a field, or -1 when the schema has no such field. */
  public int indexOf(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  /** Field names in column order. */
  public List<String> names() {
    return names;
  }

  /** Number of columns. */
  public int size() {
    return names.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldSchema other && names.equals(other.names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  @Override
  public String toString() {
    return "FieldSchema" + names;
  }
}
