package io.tidemark.sigma.correlation;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/** The key of one correlation window state: the correlation and the group-by values. */
public record CorrelationKey(String correlation, List<String> group) implements Serializable {

  public CorrelationKey {
    requireNonNull(correlation, "correlation");
    group = List.copyOf(group);
  }
}
