package io.tidemark.source;

import io.tidemark.event.Event;
import io.tidemark.source.text.RecordFilter;
import org.jspecify.annotations.Nullable;

/**
 * The events of one file, pulled one at a time. Read errors become diagnostics and end the
 * stream; they are never thrown.
 */
public interface EventStream {

  /** The next event, or null at the end of the file. */
  @Nullable Event next();

  /**
   * Lets the stream count, instead of returning, records whose raw bytes the filter rejects. Set
   * it before the first {@link #next}. Diagnostics stay as they would be without it. Streams that
   * cannot filter (Windows event JSON) ignore it.
   */
  default void filter(RecordFilter filter) {}

  /** The records counted but not returned because of the {@link #filter}, so far. */
  default FilteredRecords filtered() {
    return FilteredRecords.NONE;
  }
}
