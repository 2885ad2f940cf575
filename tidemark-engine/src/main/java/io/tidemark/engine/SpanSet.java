package io.tidemark.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stretches of time one log source covers, as a sorted list of disjoint spans, one per file
 * [first record, last record] before merging. Overlapping spans merge. The list is bounded: past
 * {@code limit} spans the two nearest neighbours merge, so the holes that survive are always the
 * longest ones, and memory stays the same whatever the number of files. The longest hole closed
 * that way is kept, so a report can say when its list of gaps is not complete.
 *
 * <p>Not thread-safe: one per tally, filled by one thread at a time.
 */
final class SpanSet {
  /** Spans kept per source: 127 holes, far more than a report can show. */
  static final int DEFAULT_LIMIT = 128;

  private final int limit;
  private Instant[] from;
  private Instant[] to;
  private int size;
  private Duration hiddenHole = Duration.ZERO;

  SpanSet(int limit) {
    if (limit < 2) {
      throw new IllegalArgumentException("limit must be at least 2, got " + limit);
    }
    this.limit = limit;
    this.from = new Instant[Math.min(limit + 1, 8)];
    this.to = new Instant[from.length];
  }

  /** Adds the span [start, end]; a reversed span is taken the right way round. */
  void add(Instant start, Instant end) {
    Instant a = start.isAfter(end) ? end : start;
    Instant b = start.isAfter(end) ? start : end;
    // 1. the first span that ends at or after a: everything before it lies wholly before a
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (to[mid].isBefore(a)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    int i = low;
    // 2. swallow every span that starts at or before b
    int j = i;
    while (j < size && !from[j].isAfter(b)) {
      if (from[j].isBefore(a)) {
        a = from[j];
      }
      if (to[j].isAfter(b)) {
        b = to[j];
      }
      j++;
    }
    // 3. replace spans [i, j) by [a, b]
    int removed = j - i;
    if (removed == 0) {
      grow();
      System.arraycopy(from, i, from, i + 1, size - i);
      System.arraycopy(to, i, to, i + 1, size - i);
      size++;
    } else if (removed > 1) {
      System.arraycopy(from, j, from, i + 1, size - j);
      System.arraycopy(to, j, to, i + 1, size - j);
      Arrays.fill(from, size - removed + 1, size, null);
      Arrays.fill(to, size - removed + 1, size, null);
      size -= removed - 1;
    }
    from[i] = a;
    to[i] = b;
    if (size > limit) {
      mergeNearest();
    }
  }

  /** Adds every span of another set, and what its bound hid. */
  void addAll(SpanSet other) {
    for (int k = 0; k < other.size; k++) {
      add(other.from[k], other.to[k]);
    }
    if (other.hiddenHole.compareTo(hiddenHole) > 0) {
      hiddenHole = other.hiddenHole;
    }
  }

  /** The spans in time order. */
  List<LogCoverage.Span> spans() {
    List<LogCoverage.Span> out = new ArrayList<>(size);
    for (int k = 0; k < size; k++) {
      out.add(new LogCoverage.Span(from[k], to[k]));
    }
    return out;
  }

  /** The longest hole the bound closed, or zero. */
  Duration hiddenHole() {
    return hiddenHole;
  }

  int size() {
    return size;
  }

  /** Merges the two neighbours with the shortest hole between them (the earliest on a tie). */
  private void mergeNearest() {
    int best = 0;
    Duration shortest = null;
    for (int k = 0; k + 1 < size; k++) {
      Duration hole = Duration.between(to[k], from[k + 1]);
      if (shortest == null || hole.compareTo(shortest) < 0) {
        shortest = hole;
        best = k;
      }
    }
    if (shortest.compareTo(hiddenHole) > 0) {
      hiddenHole = shortest;
    }
    to[best] = to[best + 1];
    System.arraycopy(from, best + 2, from, best + 1, size - best - 2);
    System.arraycopy(to, best + 2, to, best + 1, size - best - 2);
    size--;
    from[size] = null;
    to[size] = null;
  }

  private void grow() {
    if (size == from.length) {
      int capacity = Math.min(limit + 1, from.length * 2);
      from = Arrays.copyOf(from, capacity);
      to = Arrays.copyOf(to, capacity);
    }
  }
}
