package io.tidemark.sigma.correlation;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/** Running aggregates over a range of entries, updated as entries enter and leave the window. */
final class Aggregate implements Serializable {
  private static final long serialVersionUID = 1L;

  private int count;
  private double sum;
  private final HashMap<String, Integer> distinct = new HashMap<>();
  private int[] slotCounts;
  private int distinctSlots;

  Aggregate(int slots) {
    this.slotCounts = new int[slots];
  }

  void add(Entry e) {
    count++;
    sum += e.number();
    if (e.value() != null) {
      distinct.merge(e.value(), 1, Integer::sum);
    }
    if (slotCounts[e.slot()]++ == 0) {
      distinctSlots++;
    }
  }

  void remove(Entry e) {
    count--;
    sum -= e.number();
    if (e.value() != null) {
      distinct.computeIfPresent(e.value(), (k, n) -> n == 1 ? null : n - 1);
    }
    if (--slotCounts[e.slot()] == 0) {
      distinctSlots--;
    }
  }

  void clear() {
    count = 0;
    sum = 0;
    distinct.clear();
    slotCounts = new int[slotCounts.length];
    distinctSlots = 0;
  }

  int count() {
    return count;
  }

  int distinctSlots() {
    return distinctSlots;
  }

  /** The correlation's aggregate over {@code entries[from, to)}, which this aggregate covers. */
  double value(Spec spec, List<Entry> entries, int from, int to) {
    return switch (spec.type()) {
      case EVENT_COUNT -> count;
      case VALUE_COUNT -> distinct.size();
      case VALUE_SUM -> sum;
      case VALUE_AVG -> count == 0 ? 0 : sum / count;
      case VALUE_PERCENTILE -> percentile(entries, from, to, spec.percentile());
      case TEMPORAL -> distinctSlots;
      case TEMPORAL_ORDERED -> orderedPrefix(entries, from, to, spec.slots());
    };
  }

  /** Linear interpolation between the closest ranks (as numpy's default). */
  static double percentile(List<Entry> entries, int from, int to, int p) {
    int n = to - from;
    if (n <= 0) {
      return 0;
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = entries.get(from + i).number();
    }
    Arrays.sort(v);
    double rank = p / 100.0 * (n - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return v[lo] + (v[hi] - v[lo]) * (rank - lo);
  }

  /**
   * How many of the rules, from the first on, appear in order. Entries with equal times may
   * count in either order, since log timestamps often cannot tell them apart.
   */
  static int orderedPrefix(List<Entry> entries, int from, int to, int slots) {
    int need = 0;
    int i = from;
    while (i < to && need < slots) {
      int j = i;
      while (j < to && entries.get(j).time() == entries.get(i).time()) {
        j++;
      }
      boolean progress = true;
      while (progress && need < slots) {
        progress = false;
        for (int k = i; k < j; k++) {
          if (entries.get(k).slot() == need) {
            need++;
            progress = true;
            break;
          }
        }
      }
      i = j;
    }
    return need;
  }
}
