package io.tidemark.sigma.compile;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.sigma.RuleProblem;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Compiled rules, ready to match events from many threads at once. Stateless: per-event scratch
 * space is thread-local, and nothing is allocated per event on the path where no rule matches.
 */
public final class CompiledRuleSet {
  private final List<CompiledRule> rules;
  private final List<RuleProblem> problems;
  private final Router router;
  private final DiagnosticSink diagnostics;
  private final Map<String, CompiledRule> byReference = new HashMap<>();

  CompiledRuleSet(List<CompiledRule> rules, List<RuleProblem> problems, Router router, DiagnosticSink diagnostics) {
    this.rules = List.copyOf(rules);
    this.problems = List.copyOf(problems);
    this.router = router;
    this.diagnostics = diagnostics;
    for (CompiledRule rule : rules) {
      String id = rule.rule().metadata().id();
      String name = rule.rule().metadata().name();
      if (id != null) {
        byReference.putIfAbsent(id, rule);
      }
      if (name != null) {
        byReference.putIfAbsent(name, rule);
      }
    }
  }

  /** Calls {@code onMatch} once for every rule that matches the event, in rule order. */
  public void match(Event event, Consumer<CompiledRule> onMatch) {
    Bucket bucket = router.route(event);
    if (bucket != null) {
      bucket.match(event, onMatch, diagnostics);
    }
  }

  /** The compiled rules, in load order. */
  public List<CompiledRule> rules() {
    return rules;
  }

  /** Every rule that was not loaded or not compiled, with the reason. */
  public List<RuleProblem> problems() {
    return problems;
  }

  /** The log types some rule can apply to. */
  public Set<LogType> logTypes() {
    Set<LogType> out = EnumSet.noneOf(LogType.class);
    rules.forEach(r -> out.addAll(r.logTypes()));
    return out;
  }

  /**
   * The folded literals one of which occurs in every event of this log type that some rule
   * matches, so a record containing none of them needs no matching at all. Null when some rule
   * for the type needs no literal (then every record must be matched); empty when no rule
   * applies to the type.
   */
  public @Nullable Set<String> requiredLiterals(LogType type) {
    Set<RequiredLiteral> bound = requiredFieldLiterals(type);
    if (bound == null) {
      return null;
    }
    Set<String> out = new java.util.TreeSet<>();
    bound.forEach(l -> out.add(l.literal()));
    return Set.copyOf(out);
  }

  /**
   * {@link #requiredLiterals} with the field each literal must occur in (null: any field), so a
   * reader can search only the columns the rules read.
   */
  public @Nullable Set<RequiredLiteral> requiredFieldLiterals(LogType type) {
    Set<RequiredLiteral> out = new java.util.HashSet<>();
    for (CompiledRule rule : rules) {
      if (!rule.logTypes().contains(type)) {
        continue;
      }
      Set<RequiredLiteral> literals = rule.requiredFieldLiterals(type);
      if (literals == null) {
        return null;
      }
      out.addAll(literals);
    }
    return Set.copyOf(out);
  }

  /** The rule with this id or name, or null. */
  public @Nullable CompiledRule byReference(String idOrName) {
    return byReference.get(idOrName);
  }
}
