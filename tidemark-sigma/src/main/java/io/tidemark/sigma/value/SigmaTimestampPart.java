package io.tidemark.sigma.value;

import static java.util.Objects.requireNonNull;

/** The event field read as a date-time, with one component equal to {@code value}. */
public record SigmaTimestampPart(TimePart part, int value) implements SigmaValue {

  public SigmaTimestampPart {
    requireNonNull(part, "part");
  }

  @Override
  public String describe() {
    return part.modifierName() + " " + value;
  }
}
