package io.tidemark.sigma.value;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** A numeric comparison: the event value, read as a number, {@code op} the rule's number. */
public record SigmaCompare(CompareOp op, SigmaNumber number) implements SigmaValue {

  public SigmaCompare {
    requireNonNull(op, "op");
    requireNonNull(number, "number");
  }

  @Override
  public String describe() {
    return op.name().toLowerCase(Locale.ROOT) + " " + number.text();
  }
}
