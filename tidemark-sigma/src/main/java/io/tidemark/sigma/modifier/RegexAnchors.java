package io.tidemark.sigma.modifier;

/**
 * pySigma's rewriting of a regular expression under {@code contains}, {@code startswith} and
 * {@code endswith}: a top-level alternation is grouped first, then {@code .*} is added where the
 * pattern is open-ended. Kept verbatim so rules mean the same here as in pySigma's backends.
 */
final class RegexAnchors {
  private RegexAnchors() {}

  static String apply(Modifier m, String pattern) {
    String p = hasTopLevelAlternation(pattern) ? "(?:" + pattern + ")" : pattern;
    boolean openStart = !p.startsWith(".*") && !p.startsWith("^");
    boolean openEnd = !endsWithUnescaped(p, ".*") && !endsWithUnescaped(p, "$");
    return switch (m) {
      case CONTAINS -> (openStart ? ".*" : "") + p + (openEnd ? ".*" : "");
      case STARTSWITH -> p + (openEnd ? ".*" : "");
      default -> (openStart ? ".*" : "") + p;
    };
  }

  static boolean hasTopLevelAlternation(String regex) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          i++;
        }
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

  static boolean endsWithUnescaped(String regex, String suffix) {
    if (!regex.endsWith(suffix)) {
      return false;
    }
    int backslashes = 0;
    for (int i = regex.length() - suffix.length() - 1; i >= 0 && regex.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 0;
  }
}
