package io.tidemark.assess;

/** What the attacker did with an account. */
public enum AccountStatus {
  /** The attacker authenticated as it or acted through it. */
  COMPROMISED("compromised"),
  /** The attacker tried (spray, brute force, failed logons) and no success is evidenced. */
  TARGETED("targeted"),
  /** Seen in the evidence, with no attacker activity. */
  UNAFFECTED("unaffected");

  private final String id;

  AccountStatus(String id) {
    this.id = id;
  }

  /** The identifier used in {@code assessment.json}. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
