package io.tidemark.engine;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A pointer to one evidence record: the file (below the evidence argument) and the line or
 * EventRecordID. Every claim in a report rests on such pointers.
 */
public record EvidenceRef(String source, long recordId, @Nullable Instant timestamp) {

  public EvidenceRef {
    requireNonNull(source, "source");
  }

  /** {@code source:recordId}, the form users paste into an editor or grep. */
  @Override
  public String toString() {
    return source + ":" + recordId;
  }
}
