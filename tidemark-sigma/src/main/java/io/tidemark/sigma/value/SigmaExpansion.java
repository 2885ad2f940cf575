package io.tidemark.sigma.value;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Alternatives that one rule value turned into ({@code base64offset}, expanded placeholders):
 * they are ORed even under {@code all}, as in pySigma.
 */
public record SigmaExpansion(List<SigmaValue> alternatives) implements SigmaValue {

  public SigmaExpansion {
    alternatives = List.copyOf(alternatives);
    for (SigmaValue value : alternatives) {
      if (value instanceof SigmaExpansion) {
        throw new IllegalArgumentException("expansions do not nest");
      }
    }
  }

  @Override
  public String describe() {
    return alternatives.stream().map(SigmaValue::describe).collect(Collectors.joining(" | ", "(", ")"));
  }
}
