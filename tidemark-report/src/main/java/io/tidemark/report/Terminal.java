package io.tidemark.report;

/** Makes untrusted text safe to show on a terminal. */
final class Terminal {
  private Terminal() {}

  /**
   * Replaces control characters (ESC sequences could rewrite the screen or the window title) with
   * {@code ?}, and cuts the text to {@code max} characters with an ellipsis.
   */
  static String safe(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
    for (int i = 0; i < text.length() && out.length() <= max; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || (c >= '\u2028' && c <= '\u202e') || c == '\u200e'
          || c == '\u200f' || (c >= '\u2066' && c <= '\u2069')) {
        out.append('?');
      } else {
        out.append(c);
      }
    }
    if (out.length() > max) {
      out.setLength(Math.max(0, max - 1));
      out.append('…');
    }
    return out.toString();
  }
}
