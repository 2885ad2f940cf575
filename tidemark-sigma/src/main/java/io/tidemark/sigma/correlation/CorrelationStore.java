package io.tidemark.sigma.correlation;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Where correlation state lives, keyed by correlation and group-by values. The engine reads a
 * state, changes it and writes it back with {@link #put}; a Flink job implements this with keyed
 * state (and may use {@link WindowState#nextDeadline()} for event-time timers instead of {@link
 * #keys()}).
 */
public interface CorrelationStore {

  /** The state of a group, or null when it has none. */
  @Nullable WindowState get(CorrelationKey key);

  /** Stores (or replaces) the state of a group. */
  void put(CorrelationKey key, WindowState state);

  /** Forgets a group. */
  void remove(CorrelationKey key);

  /** Every key with state, for {@link CorrelationEngine#expire}. */
  Collection<CorrelationKey> keys();
}
