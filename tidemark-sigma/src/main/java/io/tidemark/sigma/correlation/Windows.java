package io.tidemark.sigma.correlation;

import io.tidemark.sigma.rule.CorrelationType;
import java.util.ArrayList;
import java.util.List;

/**
 * The sliding-window state machine. In-order arrivals (the common case) update the newest
 * window's aggregate incrementally, so a flood of events costs O(1) each; out-of-order arrivals
 * sweep the windows that contain the late event.
 */
final class Windows {
  /** Out-of-order temporal_ordered checks at most this many window starts. */
  static final int MAX_ORDERED_ANCHORS = 256;

  private Windows() {}

  /** Adds an entry; returns the windows that now hold (their entries are consumed). */
  static List<WindowState.Fired> offer(WindowState s, Entry e, Spec spec) {
    if (s.maxTime != Long.MIN_VALUE && e.time() < s.maxTime - spec.spanMillis() - spec.latenessMillis()) {
      s.dropped++; // too late to meet any window still kept
      return List.of();
    }
    int p = insert(s, e);
    List<WindowState.Fired> fired = new ArrayList<>(1);
    if (e.time() >= s.maxTime) {
      s.maxTime = e.time();
      // Events later than the allowed lateness are dropped, so the group's newest time minus
      // that lateness is a watermark of its own: windows before it can be decided and let go.
      long horizon = s.maxTime - spec.latenessMillis();
      if (!spec.monotone()) {
        closeWindows(s, horizon, spec, fired);
      }
      prune(s, horizon - spec.spanMillis(), spec);
      if (spec.monotone()) {
        s.tail.add(e);
        advanceTail(s, spec);
        evaluateTail(s, spec, fired);
      }
    } else if (spec.monotone()) {
      sweep(s, p, spec, fired);
      rebuildTail(s, spec);
    }
    enforceCap(s, spec);
    return fired;
  }

  /**
   * Advances event time to the watermark: closes windows that can no longer grow (deciding the
   * conditions with upper bounds) and drops entries no future event can meet.
   */
  static List<WindowState.Fired> expire(WindowState s, long watermark, Spec spec) {
    List<WindowState.Fired> fired = new ArrayList<>();
    if (!spec.monotone()) {
      closeWindows(s, watermark, spec, fired);
    }
    prune(s, watermark == Long.MIN_VALUE ? watermark : watermark - spec.spanMillis(), spec);
    return fired;
  }

  private static int insert(WindowState s, Entry e) {
    List<Entry> entries = s.entries;
    int lo = 0;
    int hi = entries.size();
    if (hi == 0 || entries.get(hi - 1).before(e)) {
      entries.add(e);
      return hi;
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (entries.get(mid).before(e)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    entries.add(lo, e);
    if (lo < s.tailStart) {
      s.tailStart++;
    }
    return lo;
  }

  private static void advanceTail(WindowState s, Spec spec) {
    long start = s.maxTime - spec.spanMillis();
    while (s.tailStart < s.entries.size() && s.entries.get(s.tailStart).time() < start) {
      s.tail.remove(s.entries.get(s.tailStart++));
    }
  }

  private static void evaluateTail(WindowState s, Spec spec, List<WindowState.Fired> fired) {
    if (s.tail.count() == 0) {
      return;
    }
    // cheap necessary check first: distinct rules seen bound the ordered prefix from above
    if (spec.type() == CorrelationType.TEMPORAL_ORDERED
        && !spec.condition().test(s.tail.distinctSlots())) {
      return;
    }
    int to = s.entries.size();
    double value = s.tail.value(spec, s.entries, s.tailStart, to);
    if (spec.condition().test(value)) {
      int from = start(s.entries, s.tailStart, to, spec);
      fired.add(fire(s, from, to, value));
      rebuildTail(s, spec);
    }
  }

  private static void sweep(WindowState s, int p, Spec spec, List<WindowState.Fired> fired) {
    List<Entry> entries = s.entries;
    long t = entries.get(p).time();
    int lo = p;
    while (lo > 0 && entries.get(lo - 1).time() >= t - spec.spanMillis()) {
      lo--;
    }
    if (spec.type() == CorrelationType.TEMPORAL_ORDERED) {
      lo = Math.max(lo, p - MAX_ORDERED_ANCHORS);
    }
    Aggregate agg = new Aggregate(spec.slots());
    int end = lo;
    for (int a = lo; a <= p; a++) {
      long limit = entries.get(a).time() + spec.spanMillis();
      while (end < entries.size() && entries.get(end).time() <= limit) {
        agg.add(entries.get(end++));
      }
      double value = agg.value(spec, entries, a, end);
      if (spec.condition().test(value)) {
        fired.add(fire(s, start(entries, a, end, spec), end, value));
        return;
      }
      agg.remove(entries.get(a));
    }
  }

  /** Where a held window's contribution starts: for an ordered sequence, at its first rule. */
  private static int start(List<Entry> entries, int from, int to, Spec spec) {
    if (spec.type() == CorrelationType.TEMPORAL_ORDERED) {
      for (int i = from; i < to; i++) {
        if (entries.get(i).slot() == 0) {
          return i;
        }
      }
    }
    return from;
  }

  private static void closeWindows(WindowState s, long watermark, Spec spec, List<WindowState.Fired> fired) {
    List<Entry> entries = s.entries;
    Aggregate agg = new Aggregate(spec.slots());
    int i = 0;
    int end = 0;
    List<int[]> ranges = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    while (i < entries.size() && entries.get(i).time() + spec.spanMillis() < watermark) {
      long limit = entries.get(i).time() + spec.spanMillis();
      while (end < entries.size() && entries.get(end).time() <= limit) {
        agg.add(entries.get(end++));
      }
      double value = agg.value(spec, entries, i, end);
      if (spec.condition().test(value)) {
        ranges.add(new int[] {i, end});
        values.add(value);
      }
      // Each event is decided in one window: the one starting at the first event not yet covered.
      agg.clear();
      i = end;
    }
    for (int k = 0; k < ranges.size(); k++) {
      fired.add(summarize(entries, ranges.get(k)[0], ranges.get(k)[1], values.get(k)));
    }
    entries.subList(0, i).clear();
    s.tailStart = 0;
    rebuildTail(s, spec);
  }

  private static WindowState.Fired fire(WindowState s, int from, int to, double value) {
    WindowState.Fired f = summarize(s.entries, from, to, value);
    s.entries.subList(from, to).clear();
    if (s.tailStart > from) {
      s.tailStart = Math.max(from, s.tailStart - (to - from));
    }
    return f;
  }

  private static WindowState.Fired summarize(List<Entry> entries, int from, int to, double value) {
    List<EventRef> refs = new ArrayList<>();
    for (int i = from; i < to && refs.size() < CorrelationEngine.MAX_EVENT_REFS; i++) {
      for (EventRef r : entries.get(i).refs()) {
        if (refs.size() < CorrelationEngine.MAX_EVENT_REFS) {
          refs.add(r);
        }
      }
    }
    return new WindowState.Fired(entries.get(from).time(), entries.get(to - 1).time(), value, to - from, refs);
  }

  private static void rebuildTail(WindowState s, Spec spec) {
    s.tail.clear();
    if (!spec.monotone() || s.entries.isEmpty()) {
      s.tailStart = s.entries.size();
      return;
    }
    long start = s.maxTime - spec.spanMillis();
    int i = s.entries.size();
    while (i > 0 && s.entries.get(i - 1).time() >= start) {
      i--;
    }
    s.tailStart = i;
    for (int k = i; k < s.entries.size(); k++) {
      s.tail.add(s.entries.get(k));
    }
  }

  /** Drops entries older than {@code before}, keeping the tail aggregate consistent. */
  private static void prune(WindowState s, long before, Spec spec) {
    int n = 0;
    while (n < s.entries.size() && s.entries.get(n).time() < before) {
      n++;
    }
    if (n == 0) {
      return;
    }
    if (spec.monotone()) {
      for (int k = s.tailStart; k < n; k++) {
        s.tail.remove(s.entries.get(k));
      }
    }
    s.entries.subList(0, n).clear();
    s.tailStart = Math.max(0, s.tailStart - n);
  }

  private static void enforceCap(WindowState s, Spec spec) {
    while (s.entries.size() > spec.maxEntries()) {
      Entry oldest = s.entries.remove(0);
      s.dropped++;
      if (s.tailStart > 0) {
        s.tailStart--;
      } else if (spec.monotone()) {
        s.tail.remove(oldest);
      }
    }
  }
}
