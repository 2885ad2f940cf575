package io.tidemark.sigma.value;

/** A YAML boolean from a rule ({@code true}/{@code false}), used by {@code exists}. */
public record SigmaBool(boolean value) implements SigmaValue {

  @Override
  public String describe() {
    return "boolean " + value;
  }

  @Override
  public String toString() {
    return Boolean.toString(value);
  }
}
