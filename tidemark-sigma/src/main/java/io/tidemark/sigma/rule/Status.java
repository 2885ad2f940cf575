package io.tidemark.sigma.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A rule's maturity. */
public enum Status {
  STABLE,
  TEST,
  EXPERIMENTAL,
  DEPRECATED,
  UNSUPPORTED;

  /** The lower-case name used in rules. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses strictly; the message lists the allowed values. */
  public static Status parse(String text) {
    for (Status status : values()) {
      if (status.id().equals(text)) {
        return status;
      }
    }
    throw new IllegalArgumentException(
        "unknown status '" + text + "'; must be one of: "
            + Arrays.stream(values()).map(Status::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id();
  }
}
