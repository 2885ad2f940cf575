package io.tidemark.sigma.modifier;

import io.tidemark.sigma.value.SigmaValue;
import java.util.List;

/**
 * A detection item's values after its modifiers.
 *
 * @param values the values; a {@link io.tidemark.sigma.value.SigmaExpansion} stands for ORed
 *     alternatives
 * @param allOf whether every value must match ({@code all}) rather than any
 * @param negated whether the item as a whole is negated ({@code neq})
 */
public record ModifiedValues(List<SigmaValue> values, boolean allOf, boolean negated) {

  public ModifiedValues {
    values = List.copyOf(values);
  }
}
