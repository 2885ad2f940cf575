package io.tidemark.engine;

import io.tidemark.event.LogType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Counts one (server, log type, protocol) while a hunt runs; becomes a {@link LogCoverage}. */
final class CoverageTally {
  final @Nullable String host;
  final LogType logType;
  final @Nullable String protocol;
  long files;
  long records;
  long skipped;
  @Nullable Instant earliest;
  @Nullable Instant latest;

  CoverageTally(@Nullable String host, LogType logType, @Nullable String protocol) {
    this.host = host;
    this.logType = logType;
    this.protocol = protocol;
  }

  boolean sameKey(CoverageTally other) {
    return Objects.equals(host, other.host) && logType == other.logType
        && Objects.equals(protocol, other.protocol);
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

  void add(CoverageTally other) {
    files += other.files;
    records += other.records;
    skipped += other.skipped;
    see(other.earliest);
    see(other.latest);
  }

  LogCoverage toCoverage() {
    return new LogCoverage(host, logType, protocol, files, records, skipped, earliest, latest);
  }
}
