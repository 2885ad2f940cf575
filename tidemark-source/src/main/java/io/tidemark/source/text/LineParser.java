package io.tidemark.source.text;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import org.jspecify.annotations.Nullable;

/**
 * Parses the lines of one columnar text log in order, keeping its header state ({@code #Fields}
 * lines, a CSV header row, a quoted value that spans lines). Not thread-safe: one parser per file
 * or per ordered stream of lines.
 *
 * <p>A line that cannot become a record is reported to the diagnostic sink (severity {@code
 * SKIPPED} with a stable code) and yields null, as do header, comment and blank lines; a record
 * that was repaired is reported as a {@code WARNING} and still returned.
 */
public interface LineParser {

  /** The longest record a parser buffers when a quoted value spans several lines. */
  int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

  /**
   * Parses the next line.
   *
   * @param line the line without its terminator (a trailing {@code \r} is ignored)
   * @param lineNumber its 1-based line number, which becomes {@link Event#recordId()}
   * @param offset the byte offset of its first byte in the file, or -1 when unknown
   * @return the record, or null when the line is a header, blank, incomplete or skipped
   */
  @Nullable Event parse(String line, long lineNumber, long offset);

  /**
   * Counts a line that no rule needs without building its record: when the line is one that
   * {@link #parse} would turn into a record without any diagnostic, and the filter rejects its
   * bytes, its time goes into {@code span} and the result is true. Otherwise nothing changes and
   * the caller must {@link #parse} the line. Only lines that ended with a line break qualify.
   *
   * @param bytes holds the line {@code [from, to)} without its terminator (or one trailing CR)
   */
  default boolean skim(byte[] bytes, int from, int to, RecordFilter filter, TimeSpan span) {
    return false;
  }

  /** Ends the input: reports a record left open by a quoted value that never closed. */
  void finish();

  /** A parser for the source's log type, with the default record size limit. */
  static LineParser create(SourceFile source, DiagnosticSink diagnostics) {
    return create(source, diagnostics, DEFAULT_MAX_RECORD_CHARS);
  }

  /**
   * A parser for the source's log type.
   *
   * @throws IllegalArgumentException when the log type is not a columnar text log
   */
  static LineParser create(SourceFile source, DiagnosticSink diagnostics, int maxRecordChars) {
    requireNonNull(source, "source");
    requireNonNull(diagnostics, "diagnostics");
    if (maxRecordChars < 1) {
      throw new IllegalArgumentException("maxRecordChars must be positive: " + maxRecordChars);
    }
    if (source.logType() == LogType.IIS_W3C) {
      return new W3cLineParser(source, diagnostics);
    }
    if (source.logType() == LogType.WINDOWS_EVENT) {
      throw new IllegalArgumentException(
          "windows-event records are read from JSON or EVTX, not parsed line by line: "
              + source.path());
    }
    return new ExchangeCsvLineParser(source, diagnostics, maxRecordChars);
  }
}
