package io.tidemark.source;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.LogType;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the intake did with one evidence file: the manifest entry that proves it was read (or why
 * not). Archives get one too, after the records of their entries.
 *
 * @param path as in {@link io.tidemark.event.SourceFile#path()}
 * @param host the server the layout names, or null
 * @param size bytes read (decompressed bytes for an archive entry)
 * @param sha256 lowercase hex SHA-256 of those bytes; null when hashing was off or the file could
 *     not be read to its end
 * @param modified last-modified time from the file system or the archive entry, or null
 * @param format the detected file format: {@code w3c}, {@code exchange-csv}, {@code
 *     windows-event-json}, {@code evtx}, {@code m365-ual-json}, {@code m365-ual-csv}, {@code
 *     zip}, {@code gzip}, {@code tar}, {@code json},
 *     {@code text}, {@code iis-native}, {@code empty}, {@code unknown}, {@code unreadable}
 * @param logType the log type of its records, or null when no reader handles the file
 * @param recordsRead records handed on (entries, for an archive)
 * @param recordsSkipped records dropped as damaged or hostile (entries, for an archive)
 * @param skippedByReason {@code recordsSkipped} by diagnostic code, complete even when the
 *     diagnostics themselves were capped
 * @param notes remarks for the reader of the manifest
 */
public record FileRecord(
    String path,
    @Nullable String host,
    long size,
    @Nullable String sha256,
    @Nullable Instant modified,
    String format,
    @Nullable LogType logType,
    long recordsRead,
    long recordsSkipped,
    Map<String, Long> skippedByReason,
    List<String> notes) {

  public FileRecord {
    requireNonNull(path, "path");
    requireNonNull(format, "format");
    if (size < 0 || recordsRead < 0 || recordsSkipped < 0) {
      throw new IllegalArgumentException(
          "size and counts must not be negative: " + size + ", " + recordsRead + ", "
              + recordsSkipped);
    }
    if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
    }
    skippedByReason = Collections.unmodifiableMap(new TreeMap<>(skippedByReason));
    notes = List.copyOf(notes);
  }
}
