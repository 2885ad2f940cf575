package io.tidemark.sigma.correlation;

import io.tidemark.sigma.compile.CompiledRule;
import io.tidemark.sigma.rule.CorrelationRule;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A correlation with its references resolved: one slot per entry of its {@code rules}. */
final class CompiledCorrelation {
  final CorrelationRule rule;
  final String key;
  final Spec spec;
  final List<Slot> slots = new ArrayList<>();
  final List<Link> parents = new ArrayList<>();

  CompiledCorrelation(CorrelationRule rule, String key, Spec spec) {
    this.rule = rule;
    this.key = key;
    this.spec = spec;
  }

  /**
   * One referenced rule or correlation.
   *
   * @param groupFields the field (or the chained correlation's group name) to read for each
   *     group-by name, aliases applied
   * @param valueFields the fields to aggregate
   */
  record Slot(
      String reference,
      @Nullable CompiledRule rule,
      @Nullable CompiledCorrelation correlation,
      List<String> groupFields,
      List<String> valueFields) {}

  /** A place where a rule's or correlation's matches feed a correlation. */
  record Link(CompiledCorrelation correlation, int slot) {}
}
