package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.TidemarkException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * How long a stretch without records must last, per log source, to be reported as a gap: the
 * {@code coverage.gap*} rows of {@code damage-thresholds.tsv}. Logs that health probes keep busy
 * take the default; logs only people or schedules write have their own, longer ones.
 *
 * @param fallback the threshold of sources without their own
 * @param bySource thresholds by full source name ({@code exchange-httpproxy/Ews}) or log type id
 */
record GapThresholds(Duration fallback, Map<String, Duration> bySource) {
  private static final String KEY = "coverage.gap";
  private static final GapThresholds BUNDLED = load();

  GapThresholds {
    requireNonNull(fallback, "fallback");
    bySource = Map.copyOf(bySource);
    if (fallback.isNegative() || fallback.isZero()) {
      throw new IllegalArgumentException("the gap threshold must be positive: " + fallback);
    }
    for (Map.Entry<String, Duration> e : bySource.entrySet()) {
      if (e.getValue().isNegative() || e.getValue().isZero()) {
        throw new IllegalArgumentException("the gap threshold of " + e.getKey()
            + " must be positive: " + e.getValue());
      }
    }
  }

  /** The bundled thresholds, read once. */
  static GapThresholds bundled() {
    return BUNDLED;
  }

  /** The threshold for a source: its own, else its log type's, else the default. */
  Duration of(String source, String logTypeId) {
    Duration own = bySource.get(source);
    if (own != null) {
      return own;
    }
    return bySource.getOrDefault(logTypeId, fallback);
  }

  private static GapThresholds load() {
    Duration fallback = null;
    Map<String, Duration> bySource = new HashMap<>();
    for (String[] row : DamageConfig.rows(DamageConfig.THRESHOLDS, 2)) {
      if (row[0].equals(KEY)) {
        fallback = duration(row);
      } else if (row[0].startsWith(KEY + ".")) {
        bySource.put(row[0].substring(KEY.length() + 1), duration(row));
      }
    }
    if (fallback == null) {
      throw new TidemarkException("threshold '" + KEY + "' is missing", DamageConfig.THRESHOLDS);
    }
    return new GapThresholds(fallback, bySource);
  }

  private static Duration duration(String[] row) {
    try {
      return Duration.parse(row[1]);
    } catch (DateTimeParseException e) {
      throw new TidemarkException("'" + row[0] + "' must be an ISO-8601 duration such as PT6H: '"
          + row[1] + "'", DamageConfig.THRESHOLDS);
    }
  }
}
