package io.tidemark.source;

import io.tidemark.event.Event;
import org.jspecify.annotations.Nullable;

/**
 * The events of one file, pulled one at a time. Read errors become diagnostics and end the
 * stream; they are never thrown.
 */
public interface EventStream {

  /** The next event, or null at the end of the file. */
  @Nullable Event next();
}
