package io.tidemark.sigma.compile;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Linear checks that reject most values before a regex runs: the pattern's longest required
 * literal must occur, and each char its required literals hold more than once must occur that
 * often ({@code \+.*\+.*\+...} needs that many {@code +}). Both are necessary conditions of a
 * match, so they change speed only: backtracking regexes over long command lines were the
 * largest cost of the SigmaHQ process-creation rules.
 */
final class RegexGate {
  private final Fold.@Nullable Needle needle;
  private final char[] repeated;
  private final int[] times;

  RegexGate(Pattern pattern) {
    String literal = RegexLiterals.required(pattern.pattern(), pattern.flags());
    this.needle = literal == null ? null : new Fold.Needle(Fold.fold(literal));
    Map<Character, Integer> counts = new TreeMap<>();
    List<String> runs = RegexLiterals.runs(pattern.pattern(), pattern.flags());
    if (runs != null) {
      for (String run : runs) {
        for (int i = 0; i < run.length(); i++) {
          counts.merge(Fold.fold(run.charAt(i)), 1, Integer::sum);
        }
      }
    }
    counts.values().removeIf(n -> n < 2);
    this.repeated = new char[counts.size()];
    this.times = new int[counts.size()];
    int k = 0;
    for (Map.Entry<Character, Integer> e : counts.entrySet()) {
      repeated[k] = e.getKey();
      times[k++] = e.getValue();
    }
  }

  /** False when the value cannot match; true when the regex must decide. */
  boolean mayMatch(String value) {
    if (needle != null && !Fold.contains(value, needle)) {
      return false;
    }
    for (int k = 0; k < repeated.length; k++) {
      if (Fold.count(value, repeated[k], times[k]) < times[k]) {
        return false;
      }
    }
    return true;
  }
}
