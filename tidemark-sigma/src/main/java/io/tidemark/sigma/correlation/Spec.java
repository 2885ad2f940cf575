package io.tidemark.sigma.correlation;

import io.tidemark.sigma.rule.CorrelationCondition;
import io.tidemark.sigma.rule.CorrelationType;

/**
 * What a window needs to know about its correlation.
 *
 * @param monotone whether the condition can be decided as soon as it holds (lower bounds on an
 *     aggregate that only grows as events are added)
 */
record Spec(
    CorrelationType type,
    long spanMillis,
    long latenessMillis,
    CorrelationCondition condition,
    int slots,
    int percentile,
    int maxEntries,
    boolean monotone) {

  static Spec of(CorrelationType type, long spanMillis, long latenessMillis, CorrelationCondition condition,
      int slots, int maxEntries) {
    boolean growing = type != CorrelationType.VALUE_AVG && type != CorrelationType.VALUE_PERCENTILE;
    Integer p = condition.percentile();
    return new Spec(type, spanMillis, latenessMillis, condition, slots, p == null ? 50 : p, maxEntries,
        growing && condition.isLowerBoundOnly());
  }
}
