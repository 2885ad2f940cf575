package io.tidemark.sigma;

import io.tidemark.event.TidemarkException;
import org.jspecify.annotations.Nullable;

/** A rule or a mapping file that cannot be used; the message ends with its location. */
public class SigmaException extends TidemarkException {
  private static final long serialVersionUID = 1L;

  /** A problem at a location (or nowhere in particular, when null). */
  public SigmaException(String message, @Nullable RuleLocation location) {
    super(message, location == null ? null : location.toString());
  }

  /** A problem at a location, caused by another exception. */
  public SigmaException(String message, @Nullable RuleLocation location, @Nullable Throwable cause) {
    super(message, location == null ? null : location.toString(), cause);
  }
}
