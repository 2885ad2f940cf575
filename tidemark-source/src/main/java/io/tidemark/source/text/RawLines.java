package io.tidemark.source.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Word-at-a-time (SWAR) checks on a raw line's bytes, for the parsers' skim path: eight bytes per
 * step, no branches per byte.
 */
final class RawLines {
  /** {@link #shape} of a line with a byte of 0x80 or above, or a NUL: not for the skim path. */
  static final long NOT_PLAIN = -1;
  /** Set in {@link #shape} when the line holds a double quote. */
  static final long HAS_QUOTE = 1L << 32;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGH = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;
  private static final long QUOTES = '"' * ONES;

  private RawLines() {}

  /**
   * The number of {@code separator} bytes in {@code b[from, to)}, plus {@link #HAS_QUOTE} when a
   * double quote occurs (looked for only when {@code quotes} is set); {@link #NOT_PLAIN} when a
   * byte is non-ASCII or NUL.
   */
  static long shape(byte[] b, int from, int to, byte separator, boolean quotes) {
    long separators = (separator & 0xffL) * ONES;
    long bad = 0;
    long quote = 0;
    int count = 0;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONG_LE.get(b, i);
      // A NUL borrows into a high bit, a non-ASCII byte has one: either flags the line (the
      // borrow may flag a neighbour too, which does not matter for a yes/no).
      bad |= (x - ONES) | x;
      if (quotes) {
        quote |= (x ^ QUOTES) - ONES & ~(x ^ QUOTES);
      }
      count += Long.bitCount(zeroBytes(x ^ separators));
    }
    for (; i < to; i++) {
      byte c = b[i];
      bad |= c <= 0 ? HIGH : 0;
      quote |= quotes && c == '"' ? HIGH : 0;
      count += c == separator ? 1 : 0;
    }
    if ((bad & HIGH) != 0) {
      return NOT_PLAIN;
    }
    return count | ((quote & HIGH) != 0 ? HAS_QUOTE : 0);
  }

  /** The high bit of every byte of {@code x} that is zero, exactly (no borrow between bytes). */
  private static long zeroBytes(long x) {
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  /** Where the value after {@code column} unquoted separators starts, or -1 past the end. */
  static int valueStart(byte[] b, int from, int to, byte separator, int column) {
    int i = from;
    for (int c = 0; c < column; c++) {
      i = indexOf(b, i, to, separator);
      if (i < 0) {
        return -1;
      }
      i++;
    }
    return i;
  }

  /** The first {@code value} in {@code b[from, to)}, or -1. */
  static int indexOf(byte[] b, int from, int to, byte value) {
    for (int i = from; i < to; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code b[from, to)} starts with the characters of {@code prefix}. */
  static boolean startsWith(byte[] b, int from, int to, String prefix) {
    int n = prefix.length();
    if (to - from < n) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (b[from + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value boundaries of a CSV line with quotes, as {@link CsvSplitter#split} finds them on
   * text: {@code cuts[0..n]} with value {@code i} spanning {@code [cuts[i], cuts[i + 1] - 1)}.
   *
   * @return the number of values, or -1 when a quoted value stays open or there are more than
   *     {@code cuts.length - 1}
   */
  static int splitQuoted(byte[] b, int from, int to, int[] cuts) {
    int n = 0;
    cuts[n++] = from;
    int i = from;
    while (true) {
      if (i < to && b[i] == '"') {
        i = closingQuote(b, i + 1, to);
        if (i < 0) {
          return -1;
        }
      }
      int comma = indexOf(b, i, to, (byte) ',');
      if (n == cuts.length) {
        return -1;
      }
      if (comma < 0) {
        cuts[n++] = to + 1;
        return n - 1;
      }
      i = comma + 1;
      cuts[n++] = i;
    }
  }

  private static int closingQuote(byte[] b, int from, int to) {
    int i = from;
    while (true) {
      int q = indexOf(b, i, to, (byte) '"');
      if (q < 0) {
        return -1;
      }
      if (q + 1 < to && b[q + 1] == '"') {
        i = q + 2;
      } else {
        return q + 1;
      }
    }
  }
}
