package io.tidemark.evtx;

import io.tidemark.event.Event;
import io.tidemark.event.SourceFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A decoded EVTX record: its mapped fields plus the resolved Binary XML, kept so the record can
 * be rendered as XML after the chunk's bytes are gone. Immutable once published by the worker
 * that built it; the queue hand-off to the reading thread publishes it safely.
 */
final class EvtxEvent implements Event {
  private final SourceFile source;
  private final long recordId;
  private final long offset;
  private final @Nullable Instant timestamp;
  // Values are String, an unmodifiable List<String>, or null (present without value).
  private final Map<String, @Nullable Object> fields;
  private final List<String> names;
  private final List<Node> tree;
  private final boolean recovered;
  private @Nullable String xml;
  private @Nullable String searchText;

  EvtxEvent(
      SourceFile source,
      long recordId,
      long offset,
      @Nullable Instant timestamp,
      Map<String, @Nullable Object> fields,
      List<Node> tree,
      boolean recovered) {
    this.source = source;
    this.recordId = recordId;
    this.offset = offset;
    this.timestamp = timestamp;
    for (Map.Entry<String, @Nullable Object> field : fields.entrySet()) {
      if (field.getValue() instanceof List<?> list) {
        field.setValue(Collections.unmodifiableList(new ArrayList<>(list)));
      }
    }
    this.fields = Collections.unmodifiableMap(fields);
    this.names = List.copyOf(fields.keySet());
    this.tree = tree;
    this.recovered = recovered;
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
    return value instanceof List<?> list ? (List<String>) list : List.of();
  }

  @Override
  public List<String> fieldNames() {
    return names;
  }

  @Override
  public void forEachValue(FieldVisitor visitor) {
    for (Map.Entry<String, @Nullable Object> field : fields.entrySet()) {
      Object value = field.getValue();
      if (value instanceof String s) {
        visitor.visit(field.getKey(), s);
      } else if (value instanceof List<?> list) {
        for (Object item : list) {
          visitor.visit(field.getKey(), (String) item);
        }
      }
    }
  }

  @Override
  public CharSequence searchText() {
    String text = searchText;
    if (text == null) {
      StringBuilder joined = new StringBuilder(512);
      forEachValue((name, value) -> joined.append(value).append('\n'));
      text = joined.toString();
      searchText = text; // a benign race: every thread computes the same string
    }
    return text;
  }

  /** Whether the record was carved from slack or a damaged region rather than read in order. */
  boolean recovered() {
    return recovered;
  }

  /** The record as event XML, rendered once. */
  String xml() {
    String text = xml;
    if (text == null) {
      text = XmlRenderer.render(tree);
      xml = text; // benign race, as for searchText
    }
    return text;
  }

  /** The resolved Binary XML tree. */
  List<Node> tree() {
    return tree;
  }

  @Override
  public String toString() {
    return source.path() + "#" + recordId;
  }
}
