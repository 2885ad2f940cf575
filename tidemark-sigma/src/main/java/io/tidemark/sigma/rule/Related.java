package io.tidemark.sigma.rule;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A link to another rule ({@code related:}). */
public record Related(String id, Type type) {

  public Related {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
  }

  /** How the rules are related. */
  public enum Type {
    DERIVED,
    OBSOLETE,
    MERGED,
    RENAMED,
    SIMILAR;

    /** Parses strictly; the message lists the allowed values. */
    public static Type parse(String text) {
      for (Type type : values()) {
        if (type.name().toLowerCase(Locale.ROOT).equals(text)) {
          return type;
        }
      }
      throw new IllegalArgumentException(
          "unknown related type '" + text + "'; must be one of: "
              + Arrays.stream(values())
                  .map(t -> t.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")));
    }
  }
}
