package io.tidemark.cli;

/** A bad argument found after parsing (a missing evidence path, output inside the evidence). */
final class UsageException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Runs a strict parse of a user-given value; its complaint becomes a usage error. */
  static <T> T parsing(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
