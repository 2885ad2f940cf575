package io.tidemark.source.text;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Counts records a reader passed over without building them, and the span of their times, so
 * that coverage stays exact. Mutable; used by one reader on one thread.
 */
public final class TimeSpan {
  private long count;
  private long minSecond = Long.MAX_VALUE;
  private int minNano;
  private long maxSecond = Long.MIN_VALUE;
  private int maxNano;

  /** Counts a record written at this time. */
  void add(long epochSecond, int nano) {
    count++;
    if (epochSecond < minSecond || (epochSecond == minSecond && nano < minNano)) {
      minSecond = epochSecond;
      minNano = nano;
    }
    if (epochSecond > maxSecond || (epochSecond == maxSecond && nano > maxNano)) {
      maxSecond = epochSecond;
      maxNano = nano;
    }
  }

  /** Counts a record whose layout has no time column. */
  void addUntimed() {
    count++;
  }

  /** Records counted. */
  public long count() {
    return count;
  }

  /** The earliest time counted, or null when none had a time. */
  public @Nullable Instant earliest() {
    return minSecond == Long.MAX_VALUE ? null : Instant.ofEpochSecond(minSecond, minNano);
  }

  /** The latest time counted, or null when none had a time. */
  public @Nullable Instant latest() {
    return maxSecond == Long.MIN_VALUE ? null : Instant.ofEpochSecond(maxSecond, maxNano);
  }
}
