package io.tidemark.sigma.compile;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The rules one kind of event can meet, with their prefilter. Matching: one Aho-Corasick pass
 * marks the constrained variants whose atoms occur; those and the unconstrained ones are then
 * evaluated in rule order.
 */
final class Bucket {
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final Variant[] variants;
  private final int[] unconstrained;
  private final int constrained;
  private final @Nullable AhoCorasick automaton;
  private final Supplier<Scratch> scratch = () -> SCRATCH.get().ready(size());

  Bucket(List<Variant> sorted) {
    this.variants = sorted.toArray(Variant[]::new);
    Map<String, List<Integer>> byAtom = new LinkedHashMap<>();
    List<Integer> free = new ArrayList<>();
    int withAtoms = 0;
    for (int i = 0; i < variants.length; i++) {
      Set<String> atoms = variants[i].atoms;
      if (atoms == null) {
        free.add(i);
      } else if (!atoms.isEmpty()) {
        withAtoms++;
        for (String atom : atoms) {
          byAtom.computeIfAbsent(atom, a -> new ArrayList<>()).add(i);
        }
      }
    }
    this.unconstrained = free.stream().mapToInt(Integer::intValue).toArray();
    this.constrained = withAtoms;
    if (byAtom.isEmpty()) {
      this.automaton = null;
    } else {
      List<String> patterns = new ArrayList<>(byAtom.keySet());
      List<int[]> payloads = new ArrayList<>();
      for (String p : patterns) {
        payloads.add(byAtom.get(p).stream().mapToInt(Integer::intValue).toArray());
      }
      this.automaton = new AhoCorasick(patterns, payloads);
    }
  }

  int size() {
    return variants.length;
  }

  void match(Event event, Consumer<CompiledRule> onMatch, DiagnosticSink diagnostics) {
    int count = 0;
    if (automaton != null) {
      count = automaton.scan(event.searchText(), scratch, constrained);
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
  private static final class Scratch implements AhoCorasick.Scratch {
    int[] marks = new int[0];
    int[] found = new int[0];
    int epoch;

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
