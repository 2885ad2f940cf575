package io.tidemark.sigma.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds a literal that every match of a regex must contain, for the prefilter. Conservative: it
 * reads only the top level of the pattern, gives up on top-level alternation, comments mode and
 * {@code \Q}, and treats every construct it does not know (groups, classes, escapes like
 * {@code \d}) as a break between literals. A character made optional by {@code ? * {0,n}} is
 * dropped; one repeated by {@code + {n,m}} ends its run.
 */
final class RegexLiterals {
  private RegexLiterals() {}

  /** The longest required literal, or null when none can be proven. */
  static @Nullable String required(String p, int flags) {
    List<String> runs = runs(p, flags);
    if (runs == null) {
      return null;
    }
    String best = "";
    for (String run : runs) {
      if (run.length() > best.length()) {
        best = run;
      }
    }
    return best.isEmpty() ? null : best;
  }

  /**
   * Every required literal run of the pattern's top level, in pattern order, or null when none
   * can be proven. The runs are matched by disjoint parts of any match (the top level is a
   * sequence), so a match holds each run's characters at distinct places: a text that holds a
   * character fewer times than the runs together cannot match.
   */
  static @Nullable List<String> runs(String p, int flags) {
    if ((flags & (Pattern.COMMENTS | Pattern.LITERAL)) != 0 || p.contains("\\Q")
        || hasInlineCommentsFlag(p) || hasTopLevelAlternation(p)) {
      return null;
    }
    List<String> runs = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int i = 0;
    int n = p.length();
    while (i < n) {
      char c = p.charAt(i);
      boolean literal = false;
      char lit = c;
      int next;
      if (c == '\\') {
        if (i + 1 >= n) {
          return null;
        }
        char d = p.charAt(i + 1);
        if (!Character.isLetterOrDigit(d)) {
          literal = true;
          lit = d;
          next = i + 2;
        } else {
          next = skipEscape(p, i + 1);
          if (next < 0) {
            return null;
          }
        }
      } else if (c == '[') {
        next = skipClass(p, i) + 1;
      } else if (c == '(') {
        next = skipGroup(p, i);
        if (next < 0) {
          return null;
        }
      } else if (c == '.' || c == '^' || c == '$' || c == ')' || c == '*' || c == '+' || c == '?'
          || c == '{') {
        next = i + 1;
      } else {
        literal = true;
        next = i + 1;
      }
      int quantifierEnd = quantifierEnd(p, next);
      boolean optional = quantifierEnd > next && optional(p, next);
      if (quantifierEnd > next) {
        if (literal && !optional) {
          run.append(lit);
        }
        endRun(run, runs);
        next = quantifierEnd;
      } else if (literal) {
        run.append(lit);
      } else {
        endRun(run, runs);
      }
      i = next;
    }
    endRun(run, runs);
    return runs.isEmpty() ? null : runs;
  }

  private static void endRun(StringBuilder run, List<String> runs) {
    if (run.length() > 0) {
      runs.add(run.toString());
      run.setLength(0);
    }
  }

  /** Index after a quantifier at {@code at} (with a lazy or possessive suffix), or {@code at}. */
  private static int quantifierEnd(String p, int at) {
    if (at >= p.length()) {
      return at;
    }
    char q = p.charAt(at);
    int end;
    if (q == '*' || q == '+' || q == '?') {
      end = at + 1;
    } else if (q == '{') {
      int close = p.indexOf('}', at);
      if (close < 0) {
        return at;
      }
      end = close + 1;
    } else {
      return at;
    }
    if (end < p.length() && (p.charAt(end) == '?' || p.charAt(end) == '+')) {
      end++;
    }
    return end;
  }

  private static boolean optional(String p, int at) {
    char q = p.charAt(at);
    if (q == '*' || q == '?') {
      return true;
    }
    if (q == '{') {
      int i = at + 1;
      while (i < p.length() && p.charAt(i) == ' ') {
        i++;
      }
      return i >= p.length() || p.charAt(i) == '0' || p.charAt(i) == ',';
    }
    return false;
  }

  /** Index after an escape whose letter or digit is at {@code at}; -1 when unsure. */
  private static int skipEscape(String p, int at) {
    char d = p.charAt(at);
    int next = at + 1;
    switch (d) {
      case 'x':
        return next < p.length() && p.charAt(next) == '{' ? close(p, next, '}') : next + 2;
      case 'u':
        return next + 4;
      case 'c':
        return next + 1;
      case 'p': case 'P': case 'N':
        return next < p.length() && p.charAt(next) == '{' ? close(p, next, '}') : next + 1;
      case 'k':
        return next < p.length() && p.charAt(next) == '<' ? close(p, next, '>') : -1;
      case 'Q': case 'E':
        return -1;
      default:
        break;
    }
    if (Character.isDigit(d)) {
      while (next < p.length() && Character.isDigit(p.charAt(next))) {
        next++;
      }
    }
    return next;
  }

  private static int close(String p, int open, char closer) {
    int close = p.indexOf(closer, open);
    return close < 0 ? -1 : close + 1;
  }

  /** Index of the {@code ]} closing the class opened at {@code open}. */
  private static int skipClass(String p, int open) {
    int i = open + 1;
    if (i < p.length() && p.charAt(i) == '^') {
      i++;
    }
    if (i < p.length() && p.charAt(i) == ']') {
      i++;
    }
    int nested = 0;
    for (; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        nested++;
      } else if (c == ']') {
        if (nested == 0) {
          return i;
        }
        nested--;
      }
    }
    return p.length();
  }

  /** Index after the {@code )} closing the group opened at {@code open}; -1 if unbalanced. */
  private static int skipGroup(String p, int open) {
    int depth = 0;
    for (int i = open; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = skipClass(p, i);
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  private static boolean hasInlineCommentsFlag(String p) {
    for (int at = p.indexOf("(?"); at >= 0; at = p.indexOf("(?", at + 2)) {
      for (int i = at + 2; i < p.length() && (Character.isLetter(p.charAt(i)) || p.charAt(i) == '-'); i++) {
        if (p.charAt(i) == 'x') {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code |} occurs outside groups and classes (then no literal is required). */
  static boolean hasTopLevelAlternation(String p) {
    int depth = 0;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '[') {
        i = skipClass(p, i);
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }
}
