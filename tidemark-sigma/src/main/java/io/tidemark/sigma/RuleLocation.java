package io.tidemark.sigma;

import static java.util.Objects.requireNonNull;

/**
 * A place in a rule file, printed as {@code path:line:column} so editors can jump to it.
 *
 * @param path the rule file as the user named it (or a classpath path for built-in rules)
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 */
public record RuleLocation(String path, int line, int column) {

  public RuleLocation {
    requireNonNull(path, "path");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative: " + line + ":" + column);
    }
  }

  /** The whole file, without a line. */
  public static RuleLocation of(String path) {
    return new RuleLocation(path, 0, 0);
  }

  /** The same line, {@code offset} characters further right (for positions inside a scalar). */
  public RuleLocation shift(int offset) {
    return line == 0 ? this : new RuleLocation(path, line, column + offset);
  }

  @Override
  public String toString() {
    if (line == 0) {
      return path;
    }
    return column == 0 ? path + ":" + line : path + ":" + line + ":" + column;
  }
}
