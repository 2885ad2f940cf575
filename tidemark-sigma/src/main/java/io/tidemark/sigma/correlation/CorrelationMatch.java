package io.tidemark.sigma.correlation;

import static java.util.Objects.requireNonNull;

import io.tidemark.sigma.rule.CorrelationRule;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A correlation that held.
 *
 * @param group the group-by values, by group-by name, in order
 * @param first the time of the earliest contributing event
 * @param last the time of the latest contributing event
 * @param value the aggregate: event count, distinct value count, sum, average, percentile, or the
 *     number of rules seen (temporal types)
 * @param eventCount how many matches (events, or matches of chained correlations) contributed
 * @param events the first {@link CorrelationEngine#MAX_EVENT_REFS} contributing events
 */
public record CorrelationMatch(
    CorrelationRule correlation,
    Map<String, String> group,
    Instant first,
    Instant last,
    double value,
    long eventCount,
    List<EventRef> events) {

  public CorrelationMatch {
    requireNonNull(correlation, "correlation");
    group = Collections.unmodifiableMap(new LinkedHashMap<>(group));
    requireNonNull(first, "first");
    requireNonNull(last, "last");
    events = List.copyOf(events);
  }
}
