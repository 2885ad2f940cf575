package io.tidemark.sigma.rule;

import static java.util.Objects.requireNonNull;

import io.tidemark.sigma.RuleLocation;
import java.util.List;

/**
 * A named search of a detection: any of its groups matches when all items of that group match (a
 * YAML map is one group; a list of maps is several; a list of plain values is one keyword item).
 */
public record SearchIdentifier(String name, List<List<DetectionItem>> groups, RuleLocation location) {

  public SearchIdentifier {
    requireNonNull(name, "name");
    groups = groups.stream().map(List::copyOf).toList();
    requireNonNull(location, "location");
  }
}
