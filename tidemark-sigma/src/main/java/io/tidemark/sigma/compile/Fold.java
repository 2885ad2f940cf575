package io.tidemark.sigma.compile;

/**
 * Case folding for Sigma's case-insensitive matching. Every comparison (matchers and the
 * prefilter alike) uses this one folding, so a literal that matches a value also occurs, folded,
 * in the value: that is what makes the prefilter safe.
 */
final class Fold {
  private static final char[] ASCII = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
  }

  private Fold() {}

  static char fold(char c) {
    return c < 128 ? ASCII[c] : Character.toLowerCase(Character.toUpperCase(c));
  }

  static String fold(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char f = fold(c);
      if (f != c && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        out.append(f);
      }
    }
    return out == null ? s : out.toString();
  }

  /** Whether {@code value} equals the already-folded {@code folded}, ignoring case. */
  static boolean equals(String value, String folded) {
    int n = folded.length();
    if (value.length() != n) {
      return false;
    }
    return regionMatches(value, 0, folded, 0, n);
  }

  static boolean regionMatches(String value, int from, String folded, int foldedFrom, int len) {
    for (int i = 0; i < len; i++) {
      char c = value.charAt(from + i);
      char f = folded.charAt(foldedFrom + i);
      if (c != f && fold(c) != f) {
        return false;
      }
    }
    return true;
  }

  static boolean startsWith(String value, String folded) {
    return value.length() >= folded.length() && regionMatches(value, 0, folded, 0, folded.length());
  }

  static boolean endsWith(String value, String folded) {
    int start = value.length() - folded.length();
    return start >= 0 && regionMatches(value, start, folded, 0, folded.length());
  }

  static boolean contains(String value, String folded) {
    return indexOf(value, folded, 0) >= 0;
  }

  static int indexOf(String value, String folded, int from) {
    int n = folded.length();
    if (n == 0) {
      return from <= value.length() ? from : -1;
    }
    char first = folded.charAt(0);
    int last = value.length() - n;
    for (int i = from; i <= last; i++) {
      char c = value.charAt(i);
      if ((c == first || fold(c) == first) && regionMatches(value, i + 1, folded, 1, n - 1)) {
        return i;
      }
    }
    return -1;
  }
}
