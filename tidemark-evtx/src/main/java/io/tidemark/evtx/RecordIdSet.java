package io.tidemark.evtx;

import java.util.Map;
import java.util.TreeMap;

/**
 * The record ids returned so far, as ranges: a log's ids run consecutively, so a file of
 * millions of records takes a handful of ranges. Past {@link #MAX_RANGES} ranges (ids scattered
 * on purpose) it stops remembering and reports every id as new, bounding memory.
 */
final class RecordIdSet {
  static final int MAX_RANGES = 1 << 16;

  private final TreeMap<Long, Long> ranges = new TreeMap<>();

  /** Adds an id; returns false when it was already present. */
  boolean add(long id) {
    Map.Entry<Long, Long> below = ranges.floorEntry(id);
    if (below != null && below.getValue() >= id) {
      return false;
    }
    if (ranges.size() >= MAX_RANGES) {
      return true;
    }
    long start = id;
    if (below != null && below.getValue() == id - 1) {
      start = below.getKey();
    }
    long end = id;
    Long above = id == Long.MAX_VALUE ? null : ranges.get(id + 1);
    if (above != null) {
      ranges.remove(id + 1);
      end = above;
    }
    ranges.put(start, end);
    return true;
  }

  /** Whether the id was added before. */
  boolean contains(long id) {
    Map.Entry<Long, Long> below = ranges.floorEntry(id);
    return below != null && below.getValue() >= id;
  }
}
