package io.tidemark.engine;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.LogType;
import io.tidemark.event.SiteRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How much of one kind of log a run saw for one server: the basis for saying "no evidence" only
 * where there was evidence to look at, and for finding the stretches a log does not cover.
 *
 * @param protocol the HttpProxy protocol folder, or null for log types without one
 * @param role the site the layout names (IIS's front-end W3SVC1 and back-end W3SVC2 are two
 *     sources: one site's missing day is not covered by the other's), or unknown
 * @param spans the stretches with records, in time order: each file counts from its first to its
 *     last record, overlapping files merge; at most {@link SpanSet#DEFAULT_LIMIT}, the nearest
 *     neighbours merged first, so the holes between them are the longest ones
 * @param hiddenGap the longest hole that bound had to close (zero when none): longer holes than
 *     this are all between the spans
 */
public record LogCoverage(
    @Nullable String host,
    LogType logType,
    @Nullable String protocol,
    SiteRole role,
    long files,
    long records,
    long skipped,
    @Nullable Instant earliest,
    @Nullable Instant latest,
    List<Span> spans,
    Duration hiddenGap) {

  public LogCoverage {
    requireNonNull(logType, "logType");
    requireNonNull(role, "role");
    requireNonNull(hiddenGap, "hiddenGap");
    spans = List.copyOf(spans);
    if (files < 0 || records < 0 || skipped < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    if (hiddenGap.isNegative()) {
      throw new IllegalArgumentException("hiddenGap must not be negative: " + hiddenGap);
    }
  }

  /** Coverage without a site role, as one span from earliest to latest (for tests and tools). */
  public LogCoverage(@Nullable String host, LogType logType, @Nullable String protocol,
      long files, long records, long skipped, @Nullable Instant earliest,
      @Nullable Instant latest) {
    this(host, logType, protocol, SiteRole.UNKNOWN, files, records, skipped, earliest, latest,
        earliest == null || latest == null ? List.of() : List.of(new Span(earliest, latest)),
        Duration.ZERO);
  }

  /**
   * The source's name in reports: the log type id, then the HttpProxy protocol where there is
   * one ({@code exchange-httpproxy/Ews}), else the site role where the layout gives one ({@code
   * iis-w3c/front-end}).
   */
  public String source() {
    if (protocol != null) {
      return logType.id() + "/" + protocol;
    }
    return role == SiteRole.UNKNOWN ? logType.id() : logType.id() + "/" + role.id();
  }

  /** A stretch of time with records. */
  public record Span(Instant from, Instant to) {
    public Span {
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("span end " + to + " is before its start " + from);
      }
    }
  }
}
