package io.tidemark.sigma.compile;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.sigma.logsource.Target;
import io.tidemark.sigma.rule.SigmaRule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A detection rule ready to match: its metadata plus one matcher per log type (target) it applies
 * to. Immutable and thread-safe.
 */
public final class CompiledRule {
  private final SigmaRule rule;
  private final int index;
  private final DiagnosticSink diagnostics;
  private final List<Variant> variants;
  private final CompileOptions options;

  /** One binding of the rule to a target, before the rule object exists. */
  record Binding(Target target, Matcher matcher, @Nullable Set<String> eventIds) {}

  CompiledRule(SigmaRule rule, int index, CompileOptions options, List<Binding> bindings) {
    this.rule = rule;
    this.index = index;
    this.options = options;
    this.diagnostics = options.diagnostics();
    List<Variant> built = new ArrayList<>(bindings.size());
    for (Binding b : bindings) {
      built.add(new Variant(this, b.target(), b.matcher(), b.eventIds()));
    }
    this.variants = List.copyOf(built);
  }

  List<Variant> variants() {
    return variants;
  }

  int index() {
    return index;
  }

  /** The rule as loaded: title, id, level, authors, tags, custom keys. */
  public SigmaRule rule() {
    return rule;
  }

  /** The targets (log types with their preconditions and renames) the rule was compiled for. */
  public List<Target> targets() {
    return variants.stream().map(v -> v.target).toList();
  }

  /** The log types the rule can apply to. */
  public Set<LogType> logTypes() {
    Set<LogType> out = EnumSet.noneOf(LogType.class);
    variants.forEach(v -> out.add(v.target.logType()));
    return out;
  }

  /**
   * The literals of which at least one must occur (case-insensitively) in an event of this log
   * type for the rule to match: what the prefilter looks for. Null when the rule does not apply to
   * the type, or when some of its variants for it need no literal (negations, regexes without a
   * literal, numeric comparisons). Benchmarks use it to give a grep the same patterns.
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
   * {@link #requiredLiterals} with the field each literal must occur in: a literal bound to a
   * field can only make the rule match through that field's value.
   */
  public @Nullable Set<RequiredLiteral> requiredFieldLiterals(LogType type) {
    Set<RequiredLiteral> out = new java.util.HashSet<>();
    boolean applies = false;
    for (Variant v : variants) {
      if (v.target.logType() != type) {
        continue;
      }
      applies = true;
      if (v.atoms == null) {
        return null;
      }
      out.addAll(v.atoms);
    }
    return applies ? Set.copyOf(out) : null;
  }

  /**
   * Whether the rule matches the event, without the rule set's routing and prefilter (which only
   * make matching faster, never different).
   */
  public boolean matches(Event event) {
    for (Variant v : variants) {
      if (v.applies(event) && v.evaluate(event, diagnostics)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The event field that holds a rule field for this event, e.g. {@code NewProcessName} for
   * {@code Image} on a Security 4688 event. Correlations use it to read group-by fields.
   */
  public String eventField(Event event, String ruleField) {
    String mapped = options.fieldMappings().get(ruleField);
    if (mapped != null) {
      return mapped;
    }
    for (Variant v : variants) {
      if (v.applies(event)) {
        return v.target.field(ruleField);
      }
    }
    return ruleField;
  }

  @Override
  public String toString() {
    return rule.metadata().title() + " (" + rule.metadata().reference() + ")";
  }
}
