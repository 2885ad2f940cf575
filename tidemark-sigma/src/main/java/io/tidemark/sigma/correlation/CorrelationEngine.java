package io.tidemark.sigma.correlation;

import io.tidemark.event.Event;
import io.tidemark.sigma.RuleProblem;
import io.tidemark.sigma.compile.CompiledRule;
import io.tidemark.sigma.compile.CompiledRuleSet;
import io.tidemark.sigma.rule.CorrelationRule;
import io.tidemark.sigma.rule.CorrelationType;
import io.tidemark.sigma.value.Numbers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs correlation rules over rule matches. Stateless and thread-safe itself: all state is in the
 * {@link CorrelationStore} passed to each call, and time is the events' own.
 */
public final class CorrelationEngine {
  /** A match keeps references to at most this many contributing events. */
  public static final int MAX_EVENT_REFS = 50;
  /** A group keeps at most this many entries; the oldest are dropped beyond it. */
  public static final int MAX_ENTRIES_PER_GROUP = 10_000;
  /** How far behind a group's newest event a late event may still arrive, by default. */
  public static final Duration DEFAULT_LATENESS = Duration.ofDays(7);

  private final List<CompiledCorrelation> correlations;
  private final Map<String, CompiledCorrelation> byKey = new LinkedHashMap<>();
  private final Map<CompiledRule, List<CompiledCorrelation.Link>> byRule = new IdentityHashMap<>();
  private final Set<CompiledRule> suppressed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<RuleProblem> problems;

  private CorrelationEngine(List<CompiledCorrelation> correlations, List<RuleProblem> problems) {
    this.correlations = List.copyOf(correlations);
    this.problems = List.copyOf(problems);
    for (CompiledCorrelation c : correlations) {
      byKey.put(c.key, c);
      for (int i = 0; i < c.slots.size(); i++) {
        CompiledCorrelation.Slot slot = c.slots.get(i);
        if (slot.rule() != null) {
          byRule.computeIfAbsent(slot.rule(), r -> new ArrayList<>()).add(new CompiledCorrelation.Link(c, i));
          if (!c.rule.generate()) {
            suppressed.add(slot.rule());
          }
        } else if (slot.correlation() != null) {
          // `generate` governs the referenced *base rules* (spec: "the referenced base rules also
          // emit alerts"). A referenced correlation is an aggregate with its own level and title,
          // and hiding it would lose a finding (a spray that was not followed by a success), so it
          // always reports.
          slot.correlation().parents.add(new CompiledCorrelation.Link(c, i));
        }
      }
    }
  }

  /** Resolves the correlations against compiled rules, with the default lateness. */
  public static CorrelationEngine create(List<CorrelationRule> rules, CompiledRuleSet compiled) {
    return create(rules, compiled, DEFAULT_LATENESS);
  }

  /**
   * Resolves the correlations against compiled rules (and each other); those that cannot run are
   * listed in {@link #problems()}.
   *
   * @param lateness how far behind a group's newest event an event may arrive and still count
   */
  public static CorrelationEngine create(List<CorrelationRule> rules, CompiledRuleSet compiled, Duration lateness) {
    List<RuleProblem> problems = new ArrayList<>();
    List<CompiledCorrelation> valid = new CorrelationResolver(rules, compiled, lateness, problems).resolve();
    return new CorrelationEngine(valid, problems);
  }

  /** Correlations that could not be resolved, with the reason. */
  public List<RuleProblem> problems() {
    return problems;
  }

  /** The correlations that run. */
  public List<CorrelationRule> correlations() {
    return correlations.stream().map(c -> c.rule).toList();
  }

  /**
   * Whether the rule's own matches should be reported: false when a correlation with {@code
   * generate: false} (the default) uses it.
   */
  public boolean reportsStandalone(CompiledRule rule) {
    return !suppressed.contains(rule);
  }

  /** Whether any correlation uses this rule, so its matches should be offered. */
  public boolean uses(CompiledRule rule) {
    return byRule.containsKey(rule);
  }

  /**
   * Feeds one rule match; returns the correlations that now hold and are to be reported. Events
   * without a timestamp cannot be placed in time and are ignored.
   */
  public List<CorrelationMatch> offer(CompiledRule base, Event event, CorrelationStore store) {
    List<CompiledCorrelation.Link> links = byRule.get(base);
    Instant time = event.timestamp();
    if (links == null || time == null) {
      return List.of();
    }
    String ruleRef = base.rule().metadata().reference();
    Occurrence occurrence = new Occurrence(time.toEpochMilli(),
        field -> event.get(base.eventField(event, field)), List.of(EventRef.of(event, ruleRef)));
    List<CorrelationMatch> out = new ArrayList<>();
    for (CompiledCorrelation.Link link : links) {
      feed(link.correlation(), link.slot(), occurrence, store, out);
    }
    return out;
  }

  /**
   * Advances event time: windows that ended before the watermark are decided (for conditions
   * with upper bounds, average and percentile) and state no future event can use is dropped.
   * Call it with {@link Instant#MAX} at the end of a one-shot run.
   */
  public List<CorrelationMatch> expire(Instant watermark, CorrelationStore store) {
    long w = millis(watermark);
    List<CorrelationMatch> out = new ArrayList<>();
    for (CorrelationKey key : store.keys()) {
      CompiledCorrelation c = byKey.get(key.correlation());
      WindowState state = store.get(key);
      if (c == null || state == null) {
        store.remove(key);
        continue;
      }
      List<WindowState.Fired> fired = Windows.expire(state, w, c.spec);
      save(store, key, state);
      for (WindowState.Fired f : fired) {
        emit(c, key.group(), f, store, out);
      }
    }
    return out;
  }

  private static long millis(Instant t) {
    try {
      return t.toEpochMilli();
    } catch (ArithmeticException e) {
      return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private record Occurrence(long time, Function<String, @Nullable String> field, List<EventRef> refs) {}

  private void feed(CompiledCorrelation c, int slotIndex, Occurrence occurrence, CorrelationStore store,
      List<CorrelationMatch> out) {
    CompiledCorrelation.Slot slot = c.slots.get(slotIndex);
    List<String> group = new ArrayList<>(slot.groupFields().size());
    for (String field : slot.groupFields()) {
      String value = occurrence.field().apply(field);
      if (value == null) {
        return; // like a SIEM's "stats by": events without the group field form no group
      }
      group.add(value);
    }
    String value = null;
    double number = 0;
    if (c.rule.type().needsField()) {
      List<String> values = new ArrayList<>();
      for (String field : slot.valueFields()) {
        String v = occurrence.field().apply(field);
        if (v == null) {
          return;
        }
        values.add(v);
      }
      if (c.rule.type() == CorrelationType.VALUE_COUNT) {
        // Windows account names are case-insensitive: "Admin" and "admin" are one account.
        value = String.join("\u001f", values).toLowerCase(Locale.ROOT);
      } else {
        BigDecimal n = Numbers.parse(values.get(0).strip());
        if (n == null) {
          return;
        }
        number = n.doubleValue();
      }
    }
    CorrelationKey key = new CorrelationKey(c.key, group);
    WindowState state = store.get(key);
    if (state == null) {
      state = new WindowState(c.slots.size(), c.spec.spanMillis());
    }
    Entry entry = new Entry(occurrence.time(), state.nextSeq++, slotIndex, value, number, occurrence.refs());
    List<WindowState.Fired> fired = Windows.offer(state, entry, c.spec);
    save(store, key, state);
    for (WindowState.Fired f : fired) {
      emit(c, group, f, store, out);
    }
  }

  private static void save(CorrelationStore store, CorrelationKey key, WindowState state) {
    if (state.size() == 0) {
      store.remove(key);
    } else {
      store.put(key, state);
    }
  }

  private void emit(CompiledCorrelation c, List<String> group, WindowState.Fired f, CorrelationStore store,
      List<CorrelationMatch> out) {
    Map<String, String> named = new LinkedHashMap<>();
    for (int i = 0; i < group.size(); i++) {
      named.put(c.rule.groupBy().get(i), group.get(i));
    }
    CorrelationMatch match = new CorrelationMatch(c.rule, named, Instant.ofEpochMilli(f.first()),
        Instant.ofEpochMilli(f.last()), f.value(), f.count(), f.refs());
    out.add(match);
    Occurrence chained = new Occurrence(f.last(), named::get, match.events());
    for (CompiledCorrelation.Link parent : c.parents) {
      feed(parent.correlation(), parent.slot(), chained, store, out);
    }
  }
}
