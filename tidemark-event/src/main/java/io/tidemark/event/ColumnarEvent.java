package io.tidemark.event;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A record of a columnar text log: a shared schema plus one value per column. */
final class ColumnarEvent implements Event {
  private final SourceFile source;
  private final long recordId;
  private final long offset;
  private final @Nullable Instant timestamp;
  private final FieldSchema schema;
  private final @Nullable String[] values;
  private final @Nullable CharSequence searchText;

  ColumnarEvent(
      SourceFile source,
      long recordId,
      long offset,
      @Nullable Instant timestamp,
      FieldSchema schema,
      @Nullable String[] values,
      @Nullable CharSequence searchText) {
    if (values.length != schema.size()) {
      throw new IllegalArgumentException(
          "record has " + values.length + " values for " + schema.size() + " fields");
    }
    this.source = source;
    this.recordId = recordId;
    this.offset = offset;
    this.timestamp = timestamp;
    this.schema = schema;
    this.values = values;
    this.searchText = searchText;
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
    int i = schema.indexOf(field);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean has(String field) {
    return schema.indexOf(field) >= 0;
  }

  @Override
  public List<String> getAll(String field) {
    String value = get(field);
    return value == null ? List.of() : List.of(value);
  }

  @Override
  public List<String> fieldNames() {
    return schema.names();
  }

  @Override
  public void forEachValue(FieldVisitor visitor) {
    List<String> names = schema.names();
    for (int i = 0; i < values.length; i++) {
      String value = values[i];
      if (value != null) {
        visitor.visit(names.get(i), value);
      }
    }
  }

  @Override
  public CharSequence searchText() {
    if (searchText != null) {
      return searchText;
    }
    return Events.joinValues(this);
  }

  @Override
  public String toString() {
    return Events.describe(this);
  }
}
