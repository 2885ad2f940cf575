package io.tidemark.sigma.correlation;

import io.tidemark.sigma.RuleProblem;
import io.tidemark.sigma.compile.CompiledRule;
import io.tidemark.sigma.compile.CompiledRuleSet;
import io.tidemark.sigma.rule.CorrelationRule;
import io.tidemark.sigma.rule.CorrelationType;
import io.tidemark.sigma.rule.RuleMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Resolves correlation references (ids or names, chains, aliases) and reports what fails. */
final class CorrelationResolver {
  private final List<CorrelationRule> rules;
  private final CompiledRuleSet compiled;
  private final long latenessMillis;
  private final List<RuleProblem> problems;
  private final Map<String, CorrelationRule> byReference = new HashMap<>();
  private final Map<CorrelationRule, CompiledCorrelation> done = new LinkedHashMap<>();
  private final Set<CorrelationRule> failed = new HashSet<>();

  CorrelationResolver(List<CorrelationRule> rules, CompiledRuleSet compiled, Duration lateness,
      List<RuleProblem> problems) {
    this.rules = rules;
    this.compiled = compiled;
    this.latenessMillis = lateness.toMillis();
    this.problems = problems;
    for (CorrelationRule r : rules) {
      if (r.metadata().id() != null) {
        byReference.putIfAbsent(r.metadata().id(), r);
      }
      if (r.metadata().name() != null) {
        byReference.putIfAbsent(r.metadata().name(), r);
      }
    }
  }

  List<CompiledCorrelation> resolve() {
    for (CorrelationRule r : rules) {
      resolve(r, new ArrayList<>());
    }
    return new ArrayList<>(done.values());
  }

  private @Nullable CompiledCorrelation resolve(CorrelationRule rule, List<CorrelationRule> path) {
    CompiledCorrelation existing = done.get(rule);
    if (existing != null || failed.contains(rule)) {
      return existing;
    }
    if (path.contains(rule)) {
      fail(rule, "correlation chain loops back to itself through '" + rule.metadata().reference() + "'");
      return null;
    }
    path.add(rule);
    RuleMetadata m = rule.metadata();
    String key = m.id() != null ? m.id() : m.name() != null ? m.name() : m.title() + "@" + m.location();
    CompiledCorrelation c = new CompiledCorrelation(rule, key, Spec.of(rule.type(), rule.timespan().toMillis(),
        latenessMillis, rule.condition(), rule.rules().size(), CorrelationEngine.MAX_ENTRIES_PER_GROUP));
    if (rule.type() != CorrelationType.VALUE_COUNT && rule.condition().fields().size() > 1) {
      return fail(rule, rule.type().id() + " aggregates exactly one field, not " + rule.condition().fields());
    }
    for (String reference : rule.rules()) {
      CorrelationRule chained = byReference.get(reference);
      CompiledCorrelation child = null;
      CompiledRule base = null;
      if (chained != null) {
        child = resolve(chained, path);
        if (child == null) {
          return fail(rule, "refers to correlation '" + reference + "', which cannot run");
        }
      } else {
        base = compiled.byReference(reference);
        if (base == null) {
          return fail(rule, "refers to '" + reference + "', which is neither a compiled rule nor a "
              + "correlation (see the rule problems)");
        }
      }
      List<String> groupFields = groupFields(rule, reference, base, child);
      if (groupFields == null) {
        return null;
      }
      c.slots.add(new CompiledCorrelation.Slot(reference, base, child, groupFields, rule.condition().fields()));
    }
    path.remove(path.size() - 1);
    done.put(rule, c);
    return c;
  }

  private @Nullable List<String> groupFields(CorrelationRule rule, String reference,
      @Nullable CompiledRule base, @Nullable CompiledCorrelation child) {
    List<String> out = new ArrayList<>();
    for (String name : rule.groupBy()) {
      Map<String, String> alias = rule.aliases().get(name);
      if (alias == null) {
        out.add(name);
        continue;
      }
      String field = alias.get(reference);
      RuleMetadata target = base != null ? base.rule().metadata() : child != null ? child.rule.metadata() : null;
      if (field == null && target != null) {
        field = target.name() != null ? alias.get(target.name()) : null;
        if (field == null && target.id() != null) {
          field = alias.get(target.id());
        }
      }
      if (field == null) {
        fail(rule, "alias '" + name + "' names no field for rule '" + reference + "'");
        return null;
      }
      out.add(field);
    }
    return out;
  }

  private @Nullable CompiledCorrelation fail(CorrelationRule rule, String reason) {
    if (failed.add(rule)) {
      RuleMetadata m = rule.metadata();
      problems.add(new RuleProblem(m.location(), m.id(), m.title(), reason));
    }
    return null;
  }
}
