package io.tidemark.engine;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.LogType;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One rule match: a single event for a detection rule, or the event that completed a
 * correlation (with every contributing record in {@link #evidence}).
 *
 * @param source the file of the matched (or completing) event, below the evidence argument
 * @param recordId its line number or EventRecordID
 * @param host the server the evidence belongs to, or null when unknown
 * @param event the event's fields in record order; values are strings or lists of strings
 * @param evidence for correlations, the contributing records (bounded); else the one record
 * @param group for correlations, the group-by values; else empty
 */
public record Detection(
    Kind kind,
    RuleInfo rule,
    @Nullable Instant timestamp,
    String source,
    long recordId,
    @Nullable String host,
    LogType logType,
    Map<String, Object> event,
    List<EvidenceRef> evidence,
    Map<String, String> group) {

  public Detection {
    requireNonNull(kind, "kind");
    requireNonNull(rule, "rule");
    requireNonNull(source, "source");
    requireNonNull(logType, "logType");
    event = Collections.unmodifiableMap(new LinkedHashMap<>(event));
    evidence = List.copyOf(evidence);
    group = Collections.unmodifiableMap(new LinkedHashMap<>(group));
  }

  /** Whether a correlation rule produced this detection. */
  public boolean isCorrelation() {
    return kind == Kind.CORRELATION;
  }

  /** A field of the matched event as a string (first value of a list), or null. */
  public @Nullable String field(String name) {
    Object value = event.get(name);
    if (value instanceof List<?> list) {
      return list.isEmpty() ? null : String.valueOf(list.get(0));
    }
    return value == null ? null : value.toString();
  }

  /** What produced a detection. */
  public enum Kind {
    /** A detection rule matched one event. */
    RULE,
    /** A correlation rule's condition was met over several detections. */
    CORRELATION
  }
}
