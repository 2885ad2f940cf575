package io.tidemark.sigma.value;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A number from a rule, keeping the text it was written as ({@code 0xC000006D}, {@code 010}) so
 * that it matches both the event text and the numeric value.
 */
public record SigmaNumber(String text, BigDecimal value) implements SigmaValue {

  public SigmaNumber {
    requireNonNull(text, "text");
    requireNonNull(value, "value");
  }

  /** Parses YAML number text (decimal, hex {@code 0x}, octal {@code 0o}); null if not a number. */
  public static @org.jspecify.annotations.Nullable SigmaNumber parseOrNull(String text) {
    BigDecimal value = Numbers.parse(text);
    return value == null ? null : new SigmaNumber(text, value);
  }

  /** Whether the value is an integer written in canonical decimal (no sign, no leading zero). */
  public boolean isCanonicalInteger() {
    return Numbers.isCanonicalInteger(text);
  }

  @Override
  public String describe() {
    return "number " + text;
  }

  @Override
  public String toString() {
    return text;
  }
}
