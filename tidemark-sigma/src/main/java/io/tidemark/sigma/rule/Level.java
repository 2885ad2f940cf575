package io.tidemark.sigma.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A rule's severity, declared from lowest to highest so that ordinal order is severity order. */
public enum Level {
  INFORMATIONAL,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The lower-case name used in rules. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses strictly; the message lists the allowed values. */
  public static Level parse(String text) {
    for (Level level : values()) {
      if (level.id().equals(text)) {
        return level;
      }
    }
    throw new IllegalArgumentException("unknown level '" + text + "'; must be one of: " + ids());
  }

  static String ids() {
    return Arrays.stream(values()).map(Level::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id();
  }
}
