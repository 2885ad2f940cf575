package io.tidemark.cli;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells the user about unreadable input as it happens (files and archives that could not be read
 * are printed at once, capped), and sums up skipped and repaired records at the end.
 */
final class DiagnosticPrinter implements DiagnosticSink {
  private static final int MAX_PRINTED = 20;
  private final PrintStream err;
  private final boolean print;
  private final AtomicInteger printed = new AtomicInteger();
  private final Map<String, Integer> byCode = new TreeMap<>();

  DiagnosticPrinter(PrintStream err, boolean print) {
    this.err = err;
    this.print = print;
  }

  @Override
  public void report(Diagnostic d) {
    synchronized (byCode) {
      byCode.merge(d.code(), 1, Integer::sum);
    }
    // Whole files and archive entries that could not be read are worth a line each; damaged
    // records are only counted here (the manifest lists them).
    boolean wholeInput = d.severity() == Diagnostic.Severity.ERROR
        || (d.severity() == Diagnostic.Severity.SKIPPED && d.line() < 0);
    if (print && wholeInput) {
      int n = printed.incrementAndGet();
      if (n <= MAX_PRINTED) {
        err.println("\rwarning: " + safe(d.describe()));
      } else if (n == MAX_PRINTED + 1) {
        err.println("\rwarning: more unreadable inputs; every one is listed in the manifest");
      }
    }
  }

  /** "problems seen: invalid-utf8 x3, line-too-long x1", or empty when there were none. */
  String summary() {
    synchronized (byCode) {
      if (byCode.isEmpty()) {
        return "";
      }
      StringBuilder text = new StringBuilder("input problems (diagnostic code x count): ");
      boolean first = true;
      for (Map.Entry<String, Integer> e : byCode.entrySet()) {
        text.append(first ? "" : ", ").append(e.getKey()).append(" x").append(e.getValue());
        first = false;
      }
      return text.toString();
    }
  }

  // Messages quote log content; keep escape sequences off the user's terminal.
  private static String safe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.toString();
  }
}
