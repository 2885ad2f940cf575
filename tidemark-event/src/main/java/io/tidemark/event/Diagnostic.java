package io.tidemark.event;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Something worth telling the user about the input: a damaged record that was repaired, a record
 * that was skipped, or a file that could not be read. Diagnostics never stop a scan.
 *
 * @param severity how much was lost
 * @param code a stable, kebab-case reason used to count like problems together, e.g. {@code
 *     line-too-long}
 * @param message what went wrong, naming the offending value where useful
 * @param source the file, as in {@link SourceFile#path()}
 * @param line the 1-based line or record number, or -1 when the problem concerns the whole file
 * @param offset the byte offset in the (decompressed) file, or -1 when unknown
 */
public record Diagnostic(
    Severity severity, String code, String message, String source, long line, long offset) {

  public Diagnostic {
    requireNonNull(severity, "severity");
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(source, "source");
    if (code.isEmpty()) {
      throw new IllegalArgumentException("code must not be empty");
    }
  }

  /** A record that was dropped. */
  public static Diagnostic skipped(String code, String message, String source, long line, long offset) {
    return new Diagnostic(Severity.SKIPPED, code, message, source, line, offset);
  }

  /** A record that was kept but repaired (e.g. invalid UTF-8 replaced). */
  public static Diagnostic warning(String code, String message, String source, long line, long offset) {
    return new Diagnostic(Severity.WARNING, code, message, source, line, offset);
  }

  /** A file, or part of one, that could not be read at all. */
  public static Diagnostic error(String code, String message, String source, long offset) {
    return new Diagnostic(Severity.ERROR, code, message, source, -1, offset);
  }

  /** "file:line (offset N): message", the form printed to users. */
  public String describe() {
    StringBuilder where = new StringBuilder(source);
    if (line >= 0) {
      where.append(':').append(line);
    }
    if (offset >= 0) {
      where.append(" (offset ").append(offset).append(')');
    }
    return String.format(Locale.ROOT, "%s: %s [%s]", where, message, code);
  }

  /** How much a diagnostic cost. */
  public enum Severity {
    /** The record was kept, possibly repaired. */
    WARNING,
    /** The record was dropped and counted as skipped. */
    SKIPPED,
    /** A file or a region of it could not be read. */
    ERROR
  }
}
