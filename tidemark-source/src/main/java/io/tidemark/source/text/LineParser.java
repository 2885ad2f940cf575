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
   * Looks at a line's bytes before deciding how to read it. When the line is one that {@link
   * #parse} would turn into a record without any diagnostic, either the filter rejects its bytes
   * (its time goes into {@code span}: {@link Skim#COUNTED}) or {@link #skimmed} builds its record
   * next ({@link Skim#CANDIDATE}). Otherwise nothing changes and the caller must {@link #parse}
   * the line ({@link Skim#PARSE}). Only lines that ended with a line break qualify.
   *
   * @param bytes holds the line {@code [from, to)} without its terminator (or one trailing CR)
   * @param shape the line's {@link LineShape#shape()}, found by this parser's {@link #lineShape()}
   */
  default Skim skim(
      byte[] bytes, int from, int to, long shape, RecordFilter filter, TimeSpan span) {
    return Skim.PARSE;
  }

  /**
   * The record of the line that {@link #skim} just called a {@link Skim#CANDIDATE}, built from
   * the same bytes: exactly what {@link #parse} would return, without decoding, splitting and
   * reading its time a second time.
   *
   * @throws IllegalStateException when the last skim did not find a candidate
   */
  default Event skimmed(byte[] bytes, int from, int to, long lineNumber, long offset) {
    throw new IllegalStateException("no candidate line was skimmed");
  }

  /** What the lines offered to {@link #skim} must be measured with; null when it never skims. */
  default @Nullable LineShape lineShape() {
    return null;
  }

  /** What {@link #skim} made of a line. */
  enum Skim {
    /** The line needs {@link #parse}: a header, damage, or a shape the skim path does not read. */
    PARSE,
    /** No rule can match the record: counted, with its time. */
    COUNTED,
    /** A rule may match the record: {@link #skimmed} builds it. */
    CANDIDATE
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
