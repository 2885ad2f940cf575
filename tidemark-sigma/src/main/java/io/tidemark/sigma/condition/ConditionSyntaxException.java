package io.tidemark.sigma.condition;

/** A condition that does not parse; {@link #offset()} points into the condition text. */
public final class ConditionSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int offset;

  /** A syntax error at a 0-based offset of the condition text. */
  public ConditionSyntaxException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  /** The 0-based character offset of the problem in the condition text. */
  public int offset() {
    return offset;
  }
}
