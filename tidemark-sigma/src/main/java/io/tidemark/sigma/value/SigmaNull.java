package io.tidemark.sigma.value;

/** YAML {@code null}: the field is absent or has no value. */
public record SigmaNull() implements SigmaValue {
  /** The one null value. */
  public static final SigmaNull INSTANCE = new SigmaNull();

  @Override
  public String describe() {
    return "null";
  }

  @Override
  public String toString() {
    return "null";
  }
}
