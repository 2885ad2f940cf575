package io.tidemark.sigma.rule;

import io.tidemark.sigma.RuleProblem;
import java.util.List;

/**
 * What loading produced: the documents that loaded cleanly and every problem, in file order.
 *
 * @param files how many files (or sources) were read
 * @param documents how many YAML documents were found, loaded or not
 */
public record LoadResult(List<SigmaDocument> loaded, List<RuleProblem> problems, int files, int documents) {

  public LoadResult {
    loaded = List.copyOf(loaded);
    problems = List.copyOf(problems);
  }

  /** The detection rules. */
  public List<SigmaRule> rules() {
    return loaded.stream().filter(SigmaRule.class::isInstance).map(SigmaRule.class::cast).toList();
  }

  /** The correlation rules. */
  public List<CorrelationRule> correlations() {
    return loaded.stream().filter(CorrelationRule.class::isInstance).map(CorrelationRule.class::cast).toList();
  }

  /** The filters. */
  public List<FilterRule> filters() {
    return loaded.stream().filter(FilterRule.class::isInstance).map(FilterRule.class::cast).toList();
  }
}
