package io.tidemark.sigma.value;

import java.util.Locale;

/** A component of a date-time field, for the Sigma time modifiers. */
public enum TimePart {
  MINUTE(0, 59),
  HOUR(0, 23),
  DAY(1, 31),
  WEEK(1, 53),
  MONTH(1, 12),
  YEAR(0, 9999);

  private final int min;
  private final int max;

  TimePart(int min, int max) {
    this.min = min;
    this.max = max;
  }

  /** Whether a value can occur at all. */
  public boolean isValid(long value) {
    return value >= min && value <= max;
  }

  /** The valid range, for messages. */
  public String range() {
    return min + ".." + max;
  }

  /** The modifier name. */
  public String modifierName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
