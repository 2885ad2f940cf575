package io.tidemark.sigma.rule;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A filter (meta-filter): events its detection selects are removed from the rules it names,
 * i.e. it is applied to each as {@code rule and not filter}.
 *
 * @param rules ids or names of the rules to filter
 */
public record FilterRule(RuleMetadata metadata, LogSource logSource, List<String> rules, Detection detection)
    implements SigmaDocument {

  public FilterRule {
    requireNonNull(metadata, "metadata");
    requireNonNull(logSource, "logSource");
    rules = List.copyOf(rules);
    requireNonNull(detection, "detection");
  }
}
