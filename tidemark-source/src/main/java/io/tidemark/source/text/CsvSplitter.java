package io.tidemark.source.text;

/**
 * Finds the value boundaries of one CSV record, as Exchange writes them: comma-separated, a value
 * that holds a comma, a quote or a line break is quoted, and quotes inside are doubled.
 */
final class CsvSplitter {
  /** Returned when the text ends inside a quoted value: the record continues on the next line. */
  static final int[] OPEN_QUOTE = new int[0];

  private CsvSplitter() {}

  /**
   * Value boundaries as cuts: value {@code i} spans {@code [cuts[i], cuts[i + 1] - 1)}, so the
   * array has one more element than there are values.
   */
  static int[] split(String text) {
    int quote = text.indexOf('"');
    return quote < 0 ? splitPlain(text, ',') : splitQuoted(text);
  }

  /** Boundaries for a line with no quotes at all; also used for W3C with a space separator. */
  static int[] splitPlain(String text, char separator) {
    int[] cuts = new int[16];
    int n = 1;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      if (text.charAt(i) == separator) {
        if (n == cuts.length - 1) {
          cuts = java.util.Arrays.copyOf(cuts, cuts.length * 2);
        }
        cuts[n++] = i + 1;
      }
    }
    cuts[n] = length + 1;
    return n + 1 == cuts.length ? cuts : java.util.Arrays.copyOf(cuts, n + 1);
  }

  private static int[] splitQuoted(String text) {
    IntList cuts = new IntList();
    cuts.add(0);
    int length = text.length();
    int i = 0;
    while (true) {
      if (i < length && text.charAt(i) == '"') {
        i = closingQuote(text, i + 1);
        if (i < 0) {
          return OPEN_QUOTE;
        }
        // Anything between the closing quote and the comma is kept, as lenient readers do.
      }
      int comma = text.indexOf(',', i);
      if (comma < 0) {
        cuts.add(length + 1);
        return cuts.toArray();
      }
      i = comma + 1;
      cuts.add(i);
    }
  }

  /** The index just past the quote that closes a value opened before {@code from}, or -1. */
  private static int closingQuote(String text, int from) {
    int i = from;
    while (true) {
      int q = text.indexOf('"', i);
      if (q < 0) {
        return -1;
      }
      if (q + 1 < text.length() && text.charAt(q + 1) == '"') {
        i = q + 2;
      } else {
        return q + 1;
      }
    }
  }

  /** The value of a quoted field {@code text[start, end)} that starts with a quote. */
  static String unquote(String text, int start, int end) {
    StringBuilder value = new StringBuilder(end - start);
    int i = start + 1;
    while (i < end) {
      int q = text.indexOf('"', i);
      if (q < 0 || q >= end) {
        value.append(text, i, end);
        break;
      }
      value.append(text, i, q);
      if (q + 1 < end && text.charAt(q + 1) == '"') {
        value.append('"');
        i = q + 2;
      } else {
        // The closing quote; text after it up to the separator is kept verbatim.
        value.append(text, q + 1, end);
        break;
      }
    }
    return value.toString();
  }

  /** A growable int array, to avoid boxing. */
  static final class IntList {
    private int[] items = new int[32];
    private int size;

    void add(int value) {
      if (size == items.length) {
        items = java.util.Arrays.copyOf(items, size * 2);
      }
      items[size++] = value;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(items, size);
    }
  }
}
