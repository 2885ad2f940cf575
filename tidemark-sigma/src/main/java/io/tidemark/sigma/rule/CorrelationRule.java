package io.tidemark.sigma.rule;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A correlation (meta-rule) over other rules' matches.
 *
 * @param rules ids or names of detection rules or other correlations, in order
 * @param groupBy fields (or aliases) whose values must agree; empty means one global group
 * @param aliases alias → (rule id or name → field in that rule's events)
 * @param timespan the sliding window length
 * @param generate whether the referenced rules still report their own matches
 */
public record CorrelationRule(
    RuleMetadata metadata,
    CorrelationType type,
    List<String> rules,
    List<String> groupBy,
    Map<String, Map<String, String>> aliases,
    Duration timespan,
    CorrelationCondition condition,
    boolean generate)
    implements SigmaDocument {

  public CorrelationRule {
    requireNonNull(metadata, "metadata");
    requireNonNull(type, "type");
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("a correlation needs at least one rule");
    }
    groupBy = List.copyOf(groupBy);
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    aliases.forEach((alias, byRule) -> copy.put(alias, Map.copyOf(byRule)));
    aliases = Collections.unmodifiableMap(copy);
    requireNonNull(timespan, "timespan");
    if (timespan.isNegative() || timespan.isZero()) {
      throw new IllegalArgumentException("timespan must be positive: " + timespan);
    }
    requireNonNull(condition, "condition");
  }
}
