package io.tidemark.sigma.rule;

import static java.util.Objects.requireNonNull;

/**
 * Rule text with the path to report it under, for rules that do not come from the file system
 * (the built-in pack on the classpath, tests).
 */
public record RuleSource(String path, String text) {

  public RuleSource {
    requireNonNull(path, "path");
    requireNonNull(text, "text");
  }
}
