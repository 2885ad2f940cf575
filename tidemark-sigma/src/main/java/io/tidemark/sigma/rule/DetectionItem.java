package io.tidemark.sigma.rule;

import static java.util.Objects.requireNonNull;

import io.tidemark.sigma.RuleLocation;
import io.tidemark.sigma.modifier.Modifier;
import io.tidemark.sigma.modifier.ModifiedValues;
import io.tidemark.sigma.value.SigmaValue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One {@code field|modifiers: values} entry of a search identifier, or a keyword list.
 *
 * @param field the field as the rule names it, or null for keywords (matched against any value)
 * @param values the values as written (YAML strings parsed as Sigma strings, numbers, booleans,
 *     null)
 * @param modified the values after the modifier chain, checked when the rule was loaded
 */
public record DetectionItem(
    @Nullable String field,
    List<Modifier> modifiers,
    List<SigmaValue> values,
    ModifiedValues modified,
    RuleLocation location) {

  public DetectionItem {
    modifiers = List.copyOf(modifiers);
    values = List.copyOf(values);
    requireNonNull(modified, "modified");
    requireNonNull(location, "location");
  }

  /** Whether this is a keyword item (no field). */
  public boolean isKeyword() {
    return field == null;
  }
}
