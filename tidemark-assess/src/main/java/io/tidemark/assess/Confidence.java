package io.tidemark.assess;

/** How sure a claim is, from the evidence behind it. */
public enum Confidence {
  /** Inferred from circumstances (time, shared infrastructure) alone. */
  LOW("low"),
  /** Several independent indicators agree. */
  MEDIUM("medium"),
  /** A detection or a direct log record proves it. */
  HIGH("high");

  private final String id;

  Confidence(String id) {
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
