package io.tidemark.sigma.correlation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A bounded in-memory store. When more than {@code maxGroups} groups are open, the least recently
 * updated is dropped (and counted), so memory stays bounded whatever the input. Not thread-safe:
 * feed one engine run from one thread.
 */
public final class InMemoryCorrelationStore implements CorrelationStore {
  /** The default bound on open groups. */
  public static final int DEFAULT_MAX_GROUPS = 1_000_000;

  private final int maxGroups;
  private long evicted;
  private final LinkedHashMap<CorrelationKey, WindowState> states;

  /** A store bounded to {@link #DEFAULT_MAX_GROUPS} groups. */
  public InMemoryCorrelationStore() {
    this(DEFAULT_MAX_GROUPS);
  }

  /** A store bounded to {@code maxGroups} groups. */
  public InMemoryCorrelationStore(int maxGroups) {
    if (maxGroups <= 0) {
      throw new IllegalArgumentException("maxGroups must be positive: " + maxGroups);
    }
    this.maxGroups = maxGroups;
    this.states = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<CorrelationKey, WindowState> eldest) {
        boolean full = size() > InMemoryCorrelationStore.this.maxGroups;
        if (full) {
          evicted++;
        }
        return full;
      }
    };
  }

  @Override
  public @Nullable WindowState get(CorrelationKey key) {
    return states.get(key);
  }

  @Override
  public void put(CorrelationKey key, WindowState state) {
    states.put(key, state);
  }

  @Override
  public void remove(CorrelationKey key) {
    states.remove(key);
  }

  @Override
  public Collection<CorrelationKey> keys() {
    return new ArrayList<>(states.keySet());
  }

  /** How many groups are open. */
  public int size() {
    return states.size();
  }

  /** How many groups were dropped because the store was full. */
  public long evicted() {
    return evicted;
  }
}
