package io.tidemark.source.text;

/** Small checks on raw lines, shared by the parsers. */
final class Lines {
  /** Log values quoted in messages are cut to this many characters. */
  static final int CLIP = 80;

  private Lines() {}

  static String stripCarriageReturn(String line) {
    int length = line.length();
    return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line;
  }

  /** {@code text[start, end)} cut to a readable length, with control characters escaped. */
  static String clip(String text, int start, int end) {
    int stop = Math.min(end, start + CLIP);
    StringBuilder out = new StringBuilder(stop - start + 8);
    for (int i = start; i < stop; i++) {
      char c = text.charAt(i);
      if (c < ' ' || c == 0x7f) {
        out.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (end > stop) {
      out.append("...(").append(end - start).append(" chars)");
    }
    return out.toString();
  }

  /** Whether the text starts {@code yyyy-MM-dd HH:mm:ss}, as a W3C record does. */
  static boolean startsWithW3cDateTime(CharSequence text) {
    return startsWithDate(text) && text.length() >= 19 && text.charAt(10) == ' '
        && isTime(text, 11);
  }

  /** Whether the text starts {@code yyyy-MM-ddTHH:mm:ss}, as an Exchange CSV record does. */
  static boolean startsWithIsoDateTime(CharSequence text) {
    return startsWithDate(text) && text.length() >= 19 && text.charAt(10) == 'T'
        && isTime(text, 11);
  }

  private static boolean startsWithDate(CharSequence text) {
    return text.length() >= 10 && digits(text, 0, 4) && text.charAt(4) == '-'
        && digits(text, 5, 2) && text.charAt(7) == '-' && digits(text, 8, 2);
  }

  private static boolean isTime(CharSequence text, int at) {
    return digits(text, at, 2) && text.charAt(at + 2) == ':' && digits(text, at + 3, 2)
        && text.charAt(at + 5) == ':' && digits(text, at + 6, 2);
  }

  private static boolean digits(CharSequence text, int at, int count) {
    for (int i = at; i < at + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
