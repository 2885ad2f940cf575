package io.tidemark.sigma.correlation;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.Event;
import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A pointer to an event that contributed to a correlation, small enough to keep in state.
 *
 * @param source the file, as in {@link io.tidemark.event.SourceFile#path()}
 * @param recordId the line or EventRecordID
 * @param offset the byte offset, or -1
 * @param rule the id (or name, or title) of the rule the event matched
 */
public record EventRef(String source, long recordId, long offset, @Nullable Instant timestamp, String rule)
    implements Serializable {

  public EventRef {
    requireNonNull(source, "source");
    requireNonNull(rule, "rule");
  }

  /** A reference to an event that matched a rule. */
  public static EventRef of(Event event, String rule) {
    return new EventRef(event.source().path(), event.recordId(), event.offset(), event.timestamp(), rule);
  }

  @Override
  public String toString() {
    return source + ":" + recordId;
  }
}
