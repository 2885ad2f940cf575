package io.tidemark.sigma.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The seven Sigma v2.1 correlation types. */
public enum CorrelationType {
  EVENT_COUNT,
  VALUE_COUNT,
  TEMPORAL,
  TEMPORAL_ORDERED,
  VALUE_SUM,
  VALUE_AVG,
  VALUE_PERCENTILE;

  /** The id used in rules, e.g. {@code value_count}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the condition aggregates a field ({@code condition.field} required). */
  public boolean needsField() {
    return this == VALUE_COUNT || this == VALUE_SUM || this == VALUE_AVG || this == VALUE_PERCENTILE;
  }

  /** Whether the type relates several rules in time. */
  public boolean isTemporal() {
    return this == TEMPORAL || this == TEMPORAL_ORDERED;
  }

  /** Parses strictly; the message lists the allowed values. */
  public static CorrelationType parse(String text) {
    for (CorrelationType type : values()) {
      if (type.id().equals(text)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown correlation type '" + text + "'; must be one of: "
            + Arrays.stream(values()).map(CorrelationType::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id();
  }
}
