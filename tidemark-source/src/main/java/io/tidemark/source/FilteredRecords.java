package io.tidemark.source;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The records of a file that a stream counted without returning them, because its {@link
 * io.tidemark.source.text.RecordFilter} said no rule needs them: how many, and the span of their
 * times, so that coverage stays exact.
 *
 * @param earliest the earliest of their times, or null when none had one
 * @param latest the latest of their times, or null when none had one
 */
public record FilteredRecords(long count, @Nullable Instant earliest, @Nullable Instant latest) {
  /** Nothing filtered. */
  public static final FilteredRecords NONE = new FilteredRecords(0, null, null);

  public FilteredRecords {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
  }
}
