package io.tidemark.sigma.rule;

import static java.util.Objects.requireNonNull;

import io.tidemark.sigma.RuleLocation;
import io.tidemark.sigma.condition.Condition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code detection} (or filter) section: named searches and the conditions over them. Several
 * conditions (a YAML list) are ORed.
 */
public record Detection(
    Map<String, SearchIdentifier> identifiers, List<Condition> conditions, RuleLocation location) {

  public Detection {
    identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
    conditions = List.copyOf(conditions);
    if (conditions.isEmpty()) {
      throw new IllegalArgumentException("a detection needs at least one condition");
    }
    requireNonNull(location, "location");
  }

  /** The conditions as one tree. */
  public Condition condition() {
    return conditions.size() == 1 ? conditions.get(0) : new Condition.Or(conditions);
  }
}
