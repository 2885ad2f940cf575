package io.tidemark.sigma.rule;

import static java.util.Objects.requireNonNull;

/** A detection rule: what to look for in which logs. */
public record SigmaRule(RuleMetadata metadata, LogSource logSource, Detection detection)
    implements SigmaDocument {

  public SigmaRule {
    requireNonNull(metadata, "metadata");
    requireNonNull(logSource, "logSource");
    requireNonNull(detection, "detection");
  }
}
