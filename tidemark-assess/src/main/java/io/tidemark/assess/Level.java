package io.tidemark.assess;

import java.util.Locale;

/** Sigma rule levels, declared from lowest to highest severity. */
public enum Level {
  INFORMATIONAL,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** Parses a Sigma level; unknown text is an error that lists the allowed values. */
  public static Level of(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "informational":
      case "info":
        return INFORMATIONAL;
      case "low":
        return LOW;
      case "medium":
        return MEDIUM;
      case "high":
        return HIGH;
      case "critical":
        return CRITICAL;
      default:
        throw new IllegalArgumentException(
            "unknown level '" + text + "', must be: informational, low, medium, high or critical");
    }
  }

  public boolean atLeast(Level other) {
    return compareTo(other) >= 0;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
