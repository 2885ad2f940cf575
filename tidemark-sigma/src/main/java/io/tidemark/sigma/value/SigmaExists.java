package io.tidemark.sigma.value;

/** A presence test ({@code exists}): the field is (or is not) in the event, whatever its value. */
public record SigmaExists(boolean exists) implements SigmaValue {

  @Override
  public String describe() {
    return "exists " + exists;
  }
}
