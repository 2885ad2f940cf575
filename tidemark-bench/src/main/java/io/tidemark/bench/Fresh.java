package io.tidemark.bench;

import io.tidemark.event.Event;
import io.tidemark.event.SourceFile;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A decoded event replayed as if just decoded: everything is delegated except the search text,
 * which is rebuilt on every call instead of being served from the decoded event's cache, so a
 * replay pays what the first matching of a fresh event pays.
 */
final class Fresh implements Event {
  private final Event event;

  Fresh(Event event) {
    this.event = event;
  }

  @Override
  public SourceFile source() {
    return event.source();
  }

  @Override
  public long recordId() {
    return event.recordId();
  }

  @Override
  public long offset() {
    return event.offset();
  }

  @Override
  public @Nullable Instant timestamp() {
    return event.timestamp();
  }

  @Override
  public @Nullable String get(String field) {
    return event.get(field);
  }

  @Override
  public boolean has(String field) {
    return event.has(field);
  }

  @Override
  public List<String> getAll(String field) {
    return event.getAll(field);
  }

  @Override
  public List<String> fieldNames() {
    return event.fieldNames();
  }

  @Override
  public void forEachValue(FieldVisitor visitor) {
    event.forEachValue(visitor);
  }

  @Override
  public CharSequence searchText() {
    StringBuilder joined = new StringBuilder(512);
    event.forEachValue((name, value) -> joined.append(value).append('\n'));
    return joined.toString();
  }

  @Override
  public String toString() {
    return event.toString();
  }
}
