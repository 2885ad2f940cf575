package io.tidemark.sigma.modifier;

/**
 * A modifier chain that cannot apply to a value; the loader adds the rule, field and location.
 */
public final class ModifierException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A modifier problem, described without location. */
  public ModifierException(String message) {
    super(message);
  }
}
