package io.tidemark.engine;

import io.tidemark.event.LogType;
import io.tidemark.event.SiteRole;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Counts one (server, log type, protocol, site role) while a hunt runs; becomes a {@link
 * LogCoverage}. A worker fills one tally per file and closes it with {@link #endFile}; the
 * hunting thread merges them.
 */
final class CoverageTally {
  final @Nullable String host;
  final LogType logType;
  final @Nullable String protocol;
  final SiteRole role;
  long files;
  long records;
  long skipped;
  @Nullable Instant earliest;
  @Nullable Instant latest;
  private final SpanSet spans = new SpanSet(SpanSet.DEFAULT_LIMIT);

  CoverageTally(@Nullable String host, LogType logType, @Nullable String protocol,
      SiteRole role) {
    this.host = host;
    this.logType = logType;
    this.protocol = protocol;
    this.role = role;
  }

  boolean sameKey(CoverageTally other) {
    return Objects.equals(host, other.host) && logType == other.logType
        && Objects.equals(protocol, other.protocol) && role == other.role;
  }

  void see(@Nullable Instant time) {
    if (time == null) {
      return;
    }
    if (earliest == null || time.isBefore(earliest)) {
      earliest = time;
    }
    if (latest == null || time.isAfter(latest)) {
      latest = time;
    }
  }

  /**
   * Ends a one-file tally: the file covers its first to its last record. Times inside one file
   * are not followed record by record (the prefilter counts most lines without returning them),
   * so a hole inside a file, such as lines cut out of it, is not seen here.
   */
  void endFile() {
    if (earliest != null && latest != null) {
      spans.add(earliest, latest);
    }
  }

  void add(CoverageTally other) {
    files += other.files;
    records += other.records;
    skipped += other.skipped;
    see(other.earliest);
    see(other.latest);
    spans.addAll(other.spans);
  }

  LogCoverage toCoverage() {
    return new LogCoverage(host, logType, protocol, role, files, records, skipped, earliest,
        latest, spans.spans(), spans.hiddenHole());
  }
}
