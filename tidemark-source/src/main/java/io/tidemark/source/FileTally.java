package io.tidemark.source;

import io.tidemark.event.LogType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects what becomes one file's {@link FileRecord} while the file is read. */
final class FileTally {
  private final String path;
  private final @Nullable String host;
  private final @Nullable Instant modified;
  private final FileDiagnostics diagnostics;
  private final List<String> notes = new ArrayList<>();
  private Format format = Format.UNKNOWN;
  private @Nullable LogType logType;
  private long recordsRead;
  private boolean complete = true;

  FileTally(
      String path, @Nullable String host, @Nullable Instant modified, FileDiagnostics diagnostics) {
    this.path = path;
    this.host = host;
    this.modified = modified;
    this.diagnostics = diagnostics;
  }

  void detected(Format detectedFormat, @Nullable LogType detectedLogType) {
    this.format = detectedFormat;
    this.logType = detectedLogType;
  }

  void addRecords(long n) {
    recordsRead += n;
  }

  void note(String note) {
    notes.add(note);
  }

  /** The file was not read to its end: its hash is not the file's hash. */
  void incomplete(String why) {
    complete = false;
    notes.add(why);
  }

  FileDiagnostics diagnostics() {
    return diagnostics;
  }

  FileRecord build(long size, @Nullable String sha256) {
    List<String> all = new ArrayList<>(notes);
    all.addAll(diagnostics.notes());
    return new FileRecord(path, host, size, complete ? sha256 : null, modified, format.id(),
        logType, recordsRead, diagnostics.skippedTotal(), diagnostics.skippedByReason(), all);
  }
}
