package io.tidemark.sigma.correlation;

import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One contribution to a window: a rule match (or a chained correlation match) at a time.
 *
 * @param time event time, epoch milliseconds
 * @param seq arrival order, to keep equal times in a stable order
 * @param slot which of the correlation's rules matched (index into its {@code rules})
 * @param value the aggregated field's value (value_count), folded; or null
 * @param number the aggregated field as a number (value_sum/avg/percentile)
 */
record Entry(long time, long seq, int slot, @Nullable String value, double number, List<EventRef> refs)
    implements Serializable {

  Entry {
    refs = List.copyOf(refs);
  }

  boolean before(Entry other) {
    return time < other.time || (time == other.time && seq < other.seq);
  }
}
