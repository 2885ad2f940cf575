package io.tidemark.event;

import org.jspecify.annotations.Nullable;

/**
 * The root of Tidemark's exceptions. The message says what went wrong and shows the offending
 * value; when there is a location (a file and line, a rule file and column) it ends the message,
 * so the user can go straight there.
 */
public class TidemarkException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final @Nullable String location;

  public TidemarkException(String message) {
    this(message, null, null);
  }

  public TidemarkException(String message, @Nullable String location) {
    this(message, location, null);
  }

  public TidemarkException(String message, @Nullable String location, @Nullable Throwable cause) {
    super(location == null ? message : message + " (" + location + ")", cause);
    this.location = location;
  }

  /** Where the problem is, such as {@code rules/x.yml:14:9}, or null. */
  public @Nullable String location() {
    return location;
  }
}
