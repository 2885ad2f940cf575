package io.tidemark.source;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The diagnostics of one file: all are counted by code, only the first few of each code are
 * passed on, so a hostile file of a million bad lines cannot flood memory or the console.
 * Used by one thread at a time.
 */
final class FileDiagnostics implements DiagnosticSink {
  /** Diagnostics passed on per file and code; the rest are only counted. */
  static final int CAP_PER_CODE = 20;

  private final DiagnosticSink downstream;
  private final Map<String, Long> counts = new TreeMap<>();
  private final Map<String, Long> skipped = new TreeMap<>();
  private final Map<String, Long> warnings = new TreeMap<>();
  private final List<String> readerNotes = new ArrayList<>();

  FileDiagnostics(DiagnosticSink downstream) {
    this.downstream = downstream;
  }

  @Override
  public void report(Diagnostic diagnostic) {
    long n = counts.merge(diagnostic.code(), 1L, Long::sum);
    if (diagnostic.severity() == Diagnostic.Severity.SKIPPED) {
      skipped.merge(diagnostic.code(), 1L, Long::sum);
    } else if (diagnostic.severity() == Diagnostic.Severity.WARNING) {
      warnings.merge(diagnostic.code(), 1L, Long::sum);
    }
    if (n <= CAP_PER_CODE) {
      downstream.report(diagnostic);
    }
  }

  /**
   * Counts records as skipped that a reader knows were lost without having reported each one,
   * such as records a damaged EVTX chunk header promises but that are not there.
   */
  void countSkipped(String code, long n) {
    if (n > 0) {
      skipped.merge(code, n, Long::sum);
    }
  }

  /** A reader's summary of the file, for the manifest. */
  void note(String note) {
    readerNotes.add(note);
  }

  Map<String, Long> skippedByReason() {
    return skipped;
  }

  long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Manifest notes: warning counts and which codes were capped. */
  List<String> notes() {
    List<String> notes = new ArrayList<>(readerNotes);
    warnings.forEach((code, n) -> notes.add(String.format(Locale.ROOT,
        "%d record%s kept with warning %s", n, n == 1 ? "" : "s", code)));
    counts.forEach((code, n) -> {
      if (n > CAP_PER_CODE) {
        notes.add(String.format(Locale.ROOT,
            "%d diagnostics %s, only the first %d reported", n, code, CAP_PER_CODE));
      }
    });
    return notes;
  }
}
