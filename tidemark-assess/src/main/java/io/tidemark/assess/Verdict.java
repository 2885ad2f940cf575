package io.tidemark.assess;

/**
 * A server's verdict, from best to worst news. The order matters: the overall verdict of a run is
 * the most severe of its servers'.
 */
public enum Verdict {
  /** Logs were there to look at, and nothing at medium or above fired. */
  CLEAN("clean"),
  /** Not enough of the right logs to say anything; absence of detections means nothing here. */
  INSUFFICIENT_EVIDENCE("insufficient_evidence"),
  /** Findings an analyst must review; none is an exploitation attempt or proof of compromise. */
  SUSPICIOUS("suspicious"),
  /** Someone tried to exploit the server; no evidence shows it worked. */
  EXPLOITATION_ATTEMPTED("exploitation_attempted"),
  /** Evidence that only a successful attack leaves. */
  COMPROMISED("compromised");

  private final String id;

  Verdict(String id) {
    this.id = id;
  }

  /** The identifier used in {@code assessment.json}. */
  public String id() {
    return id;
  }

  /** Severity rank for choosing the worst verdict: higher is worse. */
  public int severity() {
    return ordinal();
  }

  @Override
  public String toString() {
    return id;
  }
}
