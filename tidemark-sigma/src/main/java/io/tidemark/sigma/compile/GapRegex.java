package io.tidemark.sigma.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A regex made only of literal text and {@code .*} gaps ({@code \+.*\+.*\+...}, {@code `.*`.*`}),
 * searched in linear time: it occurs in a value exactly when its literals occur in order, without
 * overlapping, within one line (or anywhere, with {@code DOTALL}), and the leftmost occurrence of
 * each literal after the previous one decides that. Java's backtracking search explores every
 * way to place the gaps instead: on a long command line with many {@code +} it read millions of
 * chars per value and gave up at its budget. Same answer, found by at most two reads per char.
 */
final class GapRegex {
  private final String[] literals;
  private final boolean dotAll;

  private GapRegex(String[] literals, boolean dotAll) {
    this.literals = literals;
    this.dotAll = dotAll;
  }

  /**
   * The linear form of the pattern, or null when it holds anything but literal chars and
   * {@code .*} or {@code .*?} gaps, or flags that could change what a literal or {@code .}
   * matches (case-insensitive letters, {@code UNIX_LINES}, comments, ...).
   */
  static @Nullable GapRegex of(Pattern pattern) {
    int flags = pattern.flags();
    int allowed = Pattern.DOTALL | Pattern.MULTILINE | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    if ((flags & ~allowed) != 0) {
      return null;
    }
    boolean caseInsensitive = (flags & Pattern.CASE_INSENSITIVE) != 0;
    String p = pattern.pattern();
    List<String> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int gaps = 0;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '.') {
        if (i + 1 >= p.length() || p.charAt(i + 1) != '*') {
          return null;
        }
        i++;
        if (i + 1 < p.length() && p.charAt(i + 1) == '?') {
          i++;
        }
        gaps++;
        if (run.length() > 0) {
          out.add(run.toString());
          run.setLength(0);
        }
        continue;
      }
      char literal;
      if (c == '\\') {
        if (i + 1 >= p.length()) {
          return null;
        }
        literal = p.charAt(++i);
        if (Character.isLetterOrDigit(literal) || literal >= 128) {
          return null; // \d, \w, \Q, back-references, ...: not a literal
        }
      } else if ("[](){}|?*+^$".indexOf(c) >= 0 || c >= 128) {
        return null;
      } else {
        literal = c;
      }
      if (literal == '\n' || literal == '\r' || (caseInsensitive && Character.isLetter(literal))) {
        return null;
      }
      if (i + 1 < p.length() && "?*+{".indexOf(p.charAt(i + 1)) >= 0) {
        return null; // a quantified literal
      }
      run.append(literal);
    }
    if (run.length() > 0) {
      out.add(run.toString());
    }
    if (gaps == 0 || out.isEmpty()) {
      return null; // a plain literal: the regex engine is quick enough
    }
    return new GapRegex(out.toArray(String[]::new), (flags & Pattern.DOTALL) != 0);
  }

  /** Whether the regex occurs in the value. */
  boolean find(String value) {
    int n = value.length();
    int from = 0;
    search:
    while (true) {
      int start = value.indexOf(literals[0], from);
      if (start < 0) {
        return false;
      }
      int at = start + literals[0].length();
      int lineEnd = dotAll ? n : lineEnd(value, at);
      for (int k = 1; k < literals.length; k++) {
        int next = value.indexOf(literals[k], at);
        if (next < 0) {
          return false; // nowhere after this point, so not after any later start either
        }
        if (next >= lineEnd) {
          from = lineEnd + 1; // a later start on the same line only has fewer chances
          continue search;
        }
        at = next + literals[k].length();
      }
      return true;
    }
  }

  /** The index of the first char at or after {@code from} that {@code .} does not match. */
  private static int lineEnd(String value, int from) {
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return i;
      }
    }
    return value.length();
  }
}
