package io.tidemark.source;

/** Cheap shape tests on the first data line of a file, for format detection. */
final class LineShapes {
  private LineShapes() {}

  /** {@code yyyy-MM-dd HH:mm:ss}, as a W3C record starts. */
  static boolean startsWithW3cDateTime(String text) {
    return startsWithDateTime(text, ' ');
  }

  /** {@code yyyy-MM-ddTHH:mm:ss}, as an Exchange CSV record starts. */
  static boolean startsWithIsoDateTime(String text) {
    return startsWithDateTime(text, 'T');
  }

  private static boolean startsWithDateTime(String text, char separator) {
    if (text.length() < 19) {
      return false;
    }
    String shape = "dddd-dd-dd" + separator + "dd:dd:dd";
    for (int i = 0; i < shape.length(); i++) {
      char expected = shape.charAt(i);
      char c = text.charAt(i);
      boolean ok = expected == 'd' ? c >= '0' && c <= '9' : c == expected;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The number of CSV values in a line, honouring quotes. */
  static int countCsvValues(String line) {
    int count = 1;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        count++;
      }
    }
    return count;
  }
}
