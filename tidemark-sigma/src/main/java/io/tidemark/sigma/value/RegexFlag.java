package io.tidemark.sigma.value;

import java.util.regex.Pattern;

/** The regular-expression flags Sigma defines ({@code re|i}, {@code re|m}, {@code re|s}). */
public enum RegexFlag {
  IGNORE_CASE(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
  MULTILINE(Pattern.MULTILINE),
  DOTALL(Pattern.DOTALL);

  private final int javaFlags;

  RegexFlag(int javaFlags) {
    this.javaFlags = javaFlags;
  }

  /** The {@link Pattern} flags this stands for. */
  public int javaFlags() {
    return javaFlags;
  }
}
