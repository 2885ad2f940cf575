package io.tidemark.sigma.compile;

import io.tidemark.event.LogType;
import io.tidemark.sigma.RuleProblem;
import io.tidemark.sigma.logsource.Target;
import io.tidemark.sigma.rule.FilterRule;
import io.tidemark.sigma.rule.LoadResult;
import io.tidemark.sigma.rule.LogSource;
import io.tidemark.sigma.rule.RuleMetadata;
import io.tidemark.sigma.rule.SigmaRule;
import io.tidemark.sigma.value.Numbers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compiles loaded rules into a {@link CompiledRuleSet}: each rule is bound to every target its
 * logsource maps to (field names renamed then, not per event), filters are applied as {@code
 * and not}, and rules that cannot run are reported, never silently dropped.
 */
public final class RuleCompiler {
  private RuleCompiler() {}

  /** Compiles the detection rules and filters of a load; its problems are carried over. */
  public static CompiledRuleSet compile(LoadResult loaded, CompileOptions options) {
    List<RuleProblem> problems = new ArrayList<>(loaded.problems());
    return compile(loaded.rules(), loaded.filters(), options, problems);
  }

  /** Compiles rules and filters. */
  public static CompiledRuleSet compile(List<SigmaRule> rules, List<FilterRule> filters, CompileOptions options) {
    return compile(rules, filters, options, new ArrayList<>());
  }

  private static CompiledRuleSet compile(
      List<SigmaRule> rules, List<FilterRule> filters, CompileOptions options, List<RuleProblem> problems) {
    Map<String, List<FilterRule>> filtersByRef = new LinkedHashMap<>();
    for (FilterRule filter : filters) {
      for (String ref : filter.rules()) {
        filtersByRef.computeIfAbsent(ref, r -> new ArrayList<>()).add(filter);
      }
    }
    Set<String> usedRefs = new HashSet<>();
    List<CompiledRule> compiled = new ArrayList<>();
    List<Variant> variants = new ArrayList<>();
    for (SigmaRule rule : rules) {
      List<FilterRule> applicable = filtersFor(rule, filtersByRef, usedRefs, problems);
      CompiledRule c = compileRule(rule, compiled.size(), applicable, options, problems);
      if (c != null) {
        compiled.add(c);
        variants.addAll(c.variants());
      }
    }
    for (FilterRule filter : filters) {
      for (String ref : filter.rules()) {
        if (!usedRefs.contains(ref)) {
          problems.add(problem(filter.metadata(),
              "filter names rule '" + ref + "', which is not among the loaded rules"));
        }
      }
    }
    return new CompiledRuleSet(compiled, problems, new Router(variants), options.diagnostics());
  }

  private static List<FilterRule> filtersFor(
      SigmaRule rule, Map<String, List<FilterRule>> byRef, Set<String> usedRefs, List<RuleProblem> problems) {
    List<FilterRule> out = new ArrayList<>();
    for (String ref : new String[] {rule.metadata().id(), rule.metadata().name()}) {
      if (ref == null || !byRef.containsKey(ref)) {
        continue;
      }
      usedRefs.add(ref);
      for (FilterRule filter : byRef.get(ref)) {
        if (out.contains(filter)) {
          continue;
        }
        if (compatible(filter.logSource(), rule.logSource())) {
          out.add(filter);
        } else {
          problems.add(problem(filter.metadata(), "filter is not applied to rule '"
              + rule.metadata().title() + "': its logsource " + filter.logSource()
              + " differs from the rule's " + rule.logSource()));
        }
      }
    }
    return out;
  }

  private static boolean compatible(LogSource filter, LogSource rule) {
    return same(filter.category(), rule.category()) && same(filter.product(), rule.product())
        && same(filter.service(), rule.service());
  }

  private static boolean same(@Nullable String filterValue, @Nullable String ruleValue) {
    return filterValue == null || (ruleValue != null
        && filterValue.toLowerCase(Locale.ROOT).equals(ruleValue.toLowerCase(Locale.ROOT)));
  }

  private static @Nullable CompiledRule compileRule(
      SigmaRule rule, int index, List<FilterRule> filters, CompileOptions options, List<RuleProblem> problems) {
    List<Target> targets = options.logSources().targetsFor(rule.logSource());
    if (targets.isEmpty()) {
      problems.add(problem(rule.metadata(), "logsource " + rule.logSource()
          + " applies to no supported log type"));
      return null;
    }
    List<CompiledRule.Binding> bindings = new ArrayList<>();
    List<String> impossible = new ArrayList<>();
    try {
      for (Target target : targets) {
        MatcherBuilder builder = new MatcherBuilder(target, options);
        Matcher matcher = withFilters(builder.detection(rule.detection()), builder, rule, filters, problems);
        matcher = withPreconditions(matcher, target, builder);
        Set<String> eventIds = eventIds(target, matcher.witness(builder.field("EventID")));
        if (eventIds != null && eventIds.isEmpty()) {
          impossible.add(target.name());
          continue;
        }
        bindings.add(new CompiledRule.Binding(target, matcher, eventIds));
      }
    } catch (MatcherBuilder.CompileException e) {
      problems.add(new RuleProblem(e.location, rule.metadata().id(), rule.metadata().title(), e.getMessage()));
      return null;
    }
    if (bindings.isEmpty()) {
      problems.add(problem(rule.metadata(), "rule can never match: the EventID values it requires are not "
          + "among those of its logsource (" + String.join("; ", impossible) + ")"));
      return null;
    }
    return new CompiledRule(rule, index, options, bindings);
  }

  private static Matcher withFilters(
      Matcher matcher, MatcherBuilder builder, SigmaRule rule, List<FilterRule> filters, List<RuleProblem> problems) {
    Matcher out = matcher;
    for (FilterRule filter : filters) {
      try {
        out = new Matcher.And(List.of(out, new Matcher.Not(builder.detection(filter.detection()))));
      } catch (MatcherBuilder.CompileException e) {
        problems.add(new RuleProblem(e.location, filter.metadata().id(), filter.metadata().title(),
            "filter not applied to rule '" + rule.metadata().title() + "': " + e.getMessage()));
      }
    }
    return out;
  }

  private static Matcher withPreconditions(Matcher matcher, Target target, MatcherBuilder builder) {
    if (target.where().isEmpty() && target.providers().isEmpty()) {
      return matcher;
    }
    List<Matcher> all = new ArrayList<>();
    if (!target.providers().isEmpty()) {
      all.add(new Matcher.Field("Provider_Name",
          target.providers().stream().<ValueTest>map(p -> new ValueTest.Equals(p, false)).toList(), false));
    }
    target.where().forEach((field, value) ->
        all.add(new Matcher.Field(field, List.of(new ValueTest.Equals(value, false)), false)));
    all.add(matcher);
    return new Matcher.And(all);
  }

  /**
   * The EventIDs a Windows variant can match: the target's, narrowed by the ones the rule itself
   * requires; null when unconstrained; empty when the two do not meet.
   */
  private static @Nullable Set<String> eventIds(Target target, @Nullable Set<String> witness) {
    if (target.logType() != LogType.WINDOWS_EVENT) {
      return null;
    }
    Set<String> required = witness != null && witness.stream().allMatch(Numbers::isCanonicalInteger) ? witness : null;
    if (target.eventIds().isEmpty()) {
      return required;
    }
    Set<String> ids = new HashSet<>(target.eventIds());
    if (required != null) {
      ids.retainAll(required);
    }
    return ids;
  }

  private static RuleProblem problem(RuleMetadata m, String reason) {
    return new RuleProblem(m.location(), m.id(), m.title(), Objects.requireNonNull(reason));
  }
}
