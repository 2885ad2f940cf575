package io.tidemark.sigma.compile;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The rules one kind of event can meet, with their prefilter. Matching: Aho-Corasick passes over
 * the values of the fields that atoms are bound to (and over the search text for keywords' atoms)
 * mark the constrained variants whose atoms occur; those and the unconstrained ones are then
 * evaluated in rule order.
 */
final class Bucket {
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final Variant[] variants;
  private final int[] unconstrained;
  private final int constrained;
  /** Atoms of keywords, looked for in the whole search text. */
  private final @Nullable AhoCorasick anywhere;
  /** Fields that atoms are bound to, each with the automaton of its atoms. */
  private final String[] fields;
  private final AhoCorasick[] inField;
  private final Supplier<Scratch> scratch = () -> SCRATCH.get().ready(size());
  /**
   * Keyword atoms are looked for in each value rather than in the search text: a keyword matches
   * one value, so its atom must occur in that value. For Windows events the search text is built
   * per event (a copy of every value), so scanning the values directly saves that copy; a text
   * log's search text is its raw line, already there, so it is scanned in one go.
   */
  private final boolean valueByValue;

  Bucket(List<Variant> sorted) {
    this.variants = sorted.toArray(Variant[]::new);
    this.valueByValue = !sorted.isEmpty() && sorted.get(0).target.logType() == LogType.WINDOWS_EVENT;
    // field ("" for any) -> literal -> variants
    Map<String, Map<String, List<Integer>>> byField = new TreeMap<>();
    List<Integer> free = new ArrayList<>();
    int withAtoms = 0;
    for (int i = 0; i < variants.length; i++) {
      Set<RequiredLiteral> atoms = variants[i].atoms;
      if (atoms == null) {
        free.add(i);
      } else if (!atoms.isEmpty()) {
        withAtoms++;
        for (RequiredLiteral atom : atoms) {
          String field = atom.field() == null ? "" : atom.field();
          List<Integer> ids = byField.computeIfAbsent(field, f -> new LinkedHashMap<>())
              .computeIfAbsent(atom.literal(), a -> new ArrayList<>());
          if (ids.isEmpty() || ids.get(ids.size() - 1) != i) {
            ids.add(i);
          }
        }
      }
    }
    this.unconstrained = free.stream().mapToInt(Integer::intValue).toArray();
    this.constrained = withAtoms;
    Map<String, List<Integer>> any = byField.remove("");
    this.anywhere = any == null ? null : automaton(any);
    this.fields = byField.keySet().toArray(String[]::new);
    this.inField = byField.values().stream().map(Bucket::automaton).toArray(AhoCorasick[]::new);
  }

  private static AhoCorasick automaton(Map<String, List<Integer>> byLiteral) {
    List<String> patterns = new ArrayList<>(byLiteral.keySet());
    List<int[]> payloads = new ArrayList<>();
    for (String p : patterns) {
      payloads.add(byLiteral.get(p).stream().mapToInt(Integer::intValue).toArray());
    }
    return new AhoCorasick(patterns, payloads);
  }

  int size() {
    return variants.length;
  }

  /**
   * Evaluates the variants whose atoms occur (a field-bound atom only in that field's values,
   * which are shorter than the whole search text) and the unconstrained ones, in rule order.
   */
  void match(Event event, Consumer<CompiledRule> onMatch, DiagnosticSink diagnostics) {
    int count = 0;
    Scratch sc = null;
    if (fields.length > 0) {
      sc = scratch.get();
      for (int f = 0; f < fields.length && count < constrained; f++) {
        List<String> values = event.getAll(fields[f]);
        for (int v = 0, n = values.size(); v < n && count < constrained; v++) {
          count = inField[f].scan(values.get(v), sc, constrained, count);
        }
      }
    }
    if (anywhere != null && count < constrained) {
      if (valueByValue) {
        if (sc == null) {
          sc = scratch.get();
        }
        count = sc.scanValues(event, anywhere, constrained, count);
      } else {
        count = sc != null ? anywhere.scan(event.searchText(), sc, constrained, count)
            : anywhere.scan(event.searchText(), scratch, constrained);
      }
    }
    if (count == 0) {
      evaluateAll(unconstrained, unconstrained.length, event, onMatch, diagnostics);
      return;
    }
    int[] candidates = SCRATCH.get().found;
    for (int i : unconstrained) {
      candidates[count++] = i;
    }
    Arrays.sort(candidates, 0, count);
    evaluateAll(candidates, count, event, onMatch, diagnostics);
  }

  private void evaluateAll(int[] indexes, int count, Event event, Consumer<CompiledRule> onMatch,
      DiagnosticSink diagnostics) {
    CompiledRule last = null;
    for (int k = 0; k < count; k++) {
      Variant v = variants[indexes[k]];
      if (v.rule != last && v.evaluate(event, diagnostics)) {
        last = v.rule;
        onMatch.accept(v.rule);
      }
    }
  }

  /** Per-thread marks, so that matching allocates nothing per event. */
  private static final class Scratch implements AhoCorasick.Scratch, Event.FieldVisitor {
    int[] marks = new int[0];
    int[] found = new int[0];
    int epoch;
    private @Nullable AhoCorasick automaton;
    private int stopAfter;
    private int count;

    /** Scans every value of the event, as {@link AhoCorasick#scan} does one text. */
    int scanValues(Event event, AhoCorasick automaton, int stopAfter, int count) {
      this.automaton = automaton;
      this.stopAfter = stopAfter;
      this.count = count;
      event.forEachValue(this);
      this.automaton = null;
      return this.count;
    }

    @Override
    public void visit(String name, String value) {
      if (count < stopAfter) {
        count = automaton.scan(value, this, stopAfter, count);
      }
    }

    @Override
    public int[] marks() {
      return marks;
    }

    @Override
    public int[] found() {
      return found;
    }

    @Override
    public int epoch() {
      return epoch;
    }

    Scratch ready(int size) {
      if (marks.length < size) {
        marks = new int[size];
        found = new int[size];
        epoch = 0;
      }
      if (++epoch == 0) {
        Arrays.fill(marks, 0);
        epoch = 1;
      }
      return this;
    }
  }
}
