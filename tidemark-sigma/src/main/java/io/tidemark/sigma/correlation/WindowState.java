package io.tidemark.sigma.correlation;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of one correlation group: the contributing entries in event-time order, and the
 * running aggregate of the newest window. Serializable, so a Flink job can keep it as keyed state.
 */
public final class WindowState implements Serializable {
  private static final long serialVersionUID = 1L;

  final ArrayList<Entry> entries = new ArrayList<>();
  final Aggregate tail;
  final long spanMillis;
  int tailStart;
  long nextSeq;
  long maxTime = Long.MIN_VALUE;
  long dropped;

  WindowState(int slots, long spanMillis) {
    this.tail = new Aggregate(slots);
    this.spanMillis = spanMillis;
  }

  /** How many entries the group holds. */
  public int size() {
    return entries.size();
  }

  /** How many entries were dropped because the group was full or they arrived too late. */
  public long dropped() {
    return dropped;
  }

  /**
   * The event time after which {@link CorrelationEngine#expire} has work for this group (a
   * window closes or entries become useless), or null when the group is empty.
   */
  public @Nullable Instant nextDeadline() {
    return entries.isEmpty() ? null : Instant.ofEpochMilli(entries.get(0).time() + spanMillis + 1);
  }

  /** The result of a window that held. */
  record Fired(long first, long last, double value, long count, List<EventRef> refs) {}

  List<Entry> range(int from, int to) {
    return new ArrayList<>(entries.subList(from, to));
  }
}
