package io.tidemark.assess;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Whether a finding proves that an attack step worked, or only that it was tried. */
public enum Outcome {
  ATTEMPT,
  SUCCESS;

  /**
   * The outcome a rule declares in its {@code tidemark.outcome}; rules without one (SigmaHQ's)
   * count as success only at level critical, because SigmaHQ reserves critical for near-certain
   * compromise.
   */
  static Outcome of(@Nullable String declared, Level level) {
    if (declared != null) {
      switch (declared.trim().toLowerCase(Locale.ROOT)) {
        case "success":
          return SUCCESS;
        case "attempt":
          return ATTEMPT;
        default:
          throw new IllegalArgumentException(
              "unknown tidemark.outcome '" + declared + "', must be: attempt or success");
      }
    }
    return level == Level.CRITICAL ? SUCCESS : ATTEMPT;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
