package io.tidemark.engine;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.LogType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How much of one kind of log a run saw for one server: the basis for saying "no evidence" only
 * where there was evidence to look at.
 *
 * @param protocol the HttpProxy protocol folder, or null for log types without one
 */
public record LogCoverage(
    @Nullable String host,
    LogType logType,
    @Nullable String protocol,
    long files,
    long records,
    long skipped,
    @Nullable Instant earliest,
    @Nullable Instant latest) {

  public LogCoverage {
    requireNonNull(logType, "logType");
    if (files < 0 || records < 0 || skipped < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
