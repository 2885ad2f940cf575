package io.tidemark.event;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Factories for the standard {@link Event} implementations. */
public final class Events {
  private Events() {}

  /**
   * A record of a columnar log.
   *
   * @param values one value per schema column; null marks a column without value
   * @param searchText the raw line when every value occurs in it verbatim, else null (the values
   *     are then joined on demand)
   */
  public static Event columnar(
      SourceFile source,
      long recordId,
      long offset,
      @Nullable Instant timestamp,
      FieldSchema schema,
      @Nullable String[] values,
      @Nullable CharSequence searchText) {
    return new ColumnarEvent(source, recordId, offset, timestamp, schema, values, searchText);
  }

  /**
   * A record with free-form fields. Values may be strings, numbers, booleans, lists of those, or
   * null; numbers and booleans are kept as their decimal text, which is how Sigma compares them.
   */
  public static Event of(
      SourceFile source,
      long recordId,
      long offset,
      @Nullable Instant timestamp,
      Map<String, ? extends @Nullable Object> fields) {
    return new MapEvent(source, recordId, offset, timestamp, fields);
  }

  /** Every value joined by newlines: a valid {@link Event#searchText()} for any event. */
  static String joinValues(Event event) {
    StringBuilder text = new StringBuilder(256);
    event.forEachValue((name, value) -> text.append(value).append('\n'));
    return text.toString();
  }

  static String describe(Event event) {
    return event.source().path() + "#" + event.recordId();
  }
}
