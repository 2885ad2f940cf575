package io.tidemark.cli;

import io.tidemark.assess.Verdict;

/**
 * Exit codes, documented in {@code --help} and the README. Verdicts use 10 and up so a script can
 * tell "the tool failed" (1, 2) from "the tool worked and found something".
 */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int INSUFFICIENT_EVIDENCE = 10;
  static final int SUSPICIOUS = 11;
  static final int EXPLOITATION_ATTEMPTED = 12;
  static final int COMPROMISED = 13;

  static final String HELP =
      "%nExit codes:%n"
          + "  0   success (scan: verdict clean)%n"
          + "  1   the run failed (unreadable rules, I/O error); the message says why%n"
          + "  2   usage error%n"
          + "  10  scan: insufficient_evidence%n"
          + "  11  scan: suspicious%n"
          + "  12  scan: exploitation_attempted%n"
          + "  13  scan: compromised%n";

  private ExitCodes() {}

  static int of(Verdict verdict) {
    switch (verdict) {
      case CLEAN:
        return OK;
      case INSUFFICIENT_EVIDENCE:
        return INSUFFICIENT_EVIDENCE;
      case SUSPICIOUS:
        return SUSPICIOUS;
      case EXPLOITATION_ATTEMPTED:
        return EXPLOITATION_ATTEMPTED;
      case COMPROMISED:
        return COMPROMISED;
      default:
        throw new IllegalArgumentException("no exit code for verdict " + verdict);
    }
  }
}
