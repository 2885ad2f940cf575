package io.tidemark.sigma.compile;

/**
 * Case folding for Sigma's case-insensitive matching. Every comparison (matchers and the
 * prefilter alike) uses this one folding, so a literal that matches a value also occurs, folded,
 * in the value: that is what makes the prefilter safe.
 */
final class Fold {
  /**
   * The folding of every char, computed once: field values such as Sysmon's {@code Product}
   * ("Microsoft® Windows® ...") hold non-ASCII chars on most events, and asking
   * {@link Character} for each of them was a tenth of the matching time.
   */
  private static final char[] TABLE = new char[Character.MAX_VALUE + 1];
  /** How many chars fold to each folded char (capped at 3), for choosing search anchors. */
  private static final byte[] PREIMAGES = new byte[Character.MAX_VALUE + 1];
  /** For a folded char that two chars fold to: the other one. */
  private static final char[] OTHER = new char[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      TABLE[c] = c < 128
          ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : ch)
          : Character.toLowerCase(Character.toUpperCase(ch));
    }
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char f = TABLE[c];
      if (PREIMAGES[f] < 3) {
        PREIMAGES[f]++;
      }
      if (c != f) {
        OTHER[f] = (char) c;
      }
    }
  }

  private Fold() {}

  static char fold(char c) {
    return TABLE[c];
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
      if (c != f && TABLE[c] != f) {
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

  static boolean contains(String value, Needle needle) {
    return indexOf(value, needle, 0) >= 0;
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
      if ((c == first || TABLE[c] == first) && regionMatches(value, i + 1, folded, 1, n - 1)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The first index at or after {@code from} where the needle occurs, ignoring case. Jumps from
   * one occurrence of the needle's anchor char to the next with {@link String#indexOf(int, int)}
   * (a tight loop, vectorised by C2) instead of folding every char of the value.
   */
  static int indexOf(String value, Needle needle, int from) {
    if (needle.anchor < 0) {
      return indexOf(value, needle.text, from);
    }
    String folded = needle.text;
    int n = folded.length();
    int k = needle.anchor;
    char a = needle.one;
    char b = needle.two;
    int last = value.length() - n;
    int nextA = -2;
    int nextB = a == b ? -1 : -2;
    int i = from;
    while (i <= last) {
      int at = i + k;
      if (nextA != -1 && nextA < at) {
        nextA = value.indexOf(a, at);
      }
      if (nextB != -1 && nextB < at) {
        nextB = value.indexOf(b, at);
      }
      int j = nextA < 0 ? nextB : nextB < 0 ? nextA : Math.min(nextA, nextB);
      if (j < 0 || j - k > last) {
        return -1;
      }
      int start = j - k;
      if (regionMatches(value, start, folded, 0, n)) {
        return start;
      }
      i = start + 1;
    }
    return -1;
  }

  /** How often the folded character occurs in the value, ignoring case, counting up to {@code limit}. */
  static int count(String value, char folded, int limit) {
    int n = 0;
    for (int i = 0, len = value.length(); i < len && n < limit; i++) {
      char c = value.charAt(i);
      if (c == folded || TABLE[c] == folded) {
        n++;
      }
    }
    return n;
  }

  /**
   * A folded text prepared for {@link #indexOf(String, Needle, int)}: its anchor is the char
   * that the fewest value chars fold to (one or two, so a search finds every candidate place
   * with at most two {@code indexOf} calls), preferring chars rare in command lines and paths.
   */
  static final class Needle {
    final String text;
    final int anchor;
    final char one;
    final char two;

    Needle(String folded) {
      this.text = folded;
      int best = -1;
      int bestScore = Integer.MAX_VALUE;
      for (int i = 0; i < folded.length(); i++) {
        char f = folded.charAt(i);
        int preimages = PREIMAGES[f];
        if (TABLE[f] != f || preimages > 2) {
          continue;
        }
        int score = preimages * 10 + (" \\.:/-_e".indexOf(f) >= 0 ? 5 : 0);
        if (score < bestScore) {
          best = i;
          bestScore = score;
        }
      }
      this.anchor = best;
      char f = best < 0 ? 0 : folded.charAt(best);
      this.one = f;
      this.two = best >= 0 && PREIMAGES[f] == 2 ? OTHER[f] : f;
    }
  }
}
