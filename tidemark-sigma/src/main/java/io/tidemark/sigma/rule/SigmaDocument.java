package io.tidemark.sigma.rule;

/** One document of a rule file: a detection rule, a correlation rule or a filter. */
public sealed interface SigmaDocument permits SigmaRule, CorrelationRule, FilterRule {

  /** The descriptive fields. */
  RuleMetadata metadata();
}
