package io.tidemark.source.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Word-at-a-time (SWAR) checks on a raw line's bytes, for the parsers' skim path: eight bytes per
 * step, no branches per byte. See also {@link LineShape}.
 */
final class RawLines {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long ONES = 0x0101010101010101L;

  private RawLines() {}

  /**
   * The number of bytes of {@code flags} with their high bit set (and no other bit). Not {@link
   * Long#bitCount}: C1, which the launcher uses on small machines, calls that as a method.
   */
  static int countFlags(long flags) {
    return (int) (((flags >>> 7) * ONES) >>> 56);
  }

  /** The high bit of every byte of {@code x} that is zero, exactly (no borrow between bytes). */
  static long zeroBytes(long x) {
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  /**
   * The raw bounds of some values of a line split at every {@code separator} (no quoting):
   * {@code bounds[2k]} and {@code bounds[2k + 1]} for value {@code columns[k]}. Word-at-a-time,
   * and only as far into the line as the last of the columns.
   *
   * @param columns ascending value indexes
   * @return false when the line has fewer values than a column needs
   */
  static boolean columnBounds(
      byte[] b, int from, int to, byte separator, int[] columns, int[] bounds) {
    long pattern = (separator & 0xffL) * ONES;
    int at = from; // where the search goes on
    int seen = 0; // separators before {@code at}
    for (int k = 0; k < columns.length; k++) {
      int column = columns[k];
      int start = from;
      if (column > 0) {
        int p = separator(b, at, to, pattern, separator, column - 1 - seen);
        if (p < 0) {
          return false;
        }
        start = p + 1;
        at = start;
        seen = column;
      }
      int end = separator(b, at, to, pattern, separator, column - seen);
      if (end < 0) {
        end = to;
      } else {
        at = end; // the next column may start right after this separator
        seen = column;
      }
      bounds[2 * k] = start;
      bounds[2 * k + 1] = end;
    }
    return true;
  }

  /** The separator after {@code skip} others from {@code at}, or -1. */
  private static int separator(byte[] b, int at, int to, long pattern, byte separator, int skip) {
    int i = at;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long flags = zeroBytes((long) LONG_LE.get(b, i) ^ pattern);
      int count = countFlags(flags);
      if (count > skip) {
        for (; skip > 0; skip--) {
          flags &= flags - 1;
        }
        return i + byteIndex(flags & -flags);
      }
      skip -= count;
    }
    for (; i < to; i++) {
      if (b[i] == separator && skip-- == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the byte whose high bit is the only bit set in {@code flag}. */
  static int byteIndex(long flag) {
    return countFlags((((flag >>> 7) - 1) & ONES) << 7);
  }

  /**
   * The value boundaries of a line with {@code values} values split at every {@code separator}
   * (no quoting), as {@link CsvSplitter#splitPlain} finds them on its text: relative to {@code
   * from}, value {@code i} spans {@code [cuts[i], cuts[i + 1] - 1)}.
   *
   * @throws IndexOutOfBoundsException when the line has more separators than that
   */
  static int[] cuts(byte[] b, int from, int to, byte separator, int values) {
    int[] cuts = new int[values + 1];
    long pattern = (separator & 0xffL) * ONES;
    int n = 1;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long flags = zeroBytes((long) LONG_LE.get(b, i) ^ pattern);
      while (flags != 0) {
        long lowest = flags & -flags;
        cuts[n++] = i + byteIndex(lowest) + 1 - from;
        flags ^= lowest;
      }
    }
    for (; i < to; i++) {
      if (b[i] == separator) {
        cuts[n++] = i + 1 - from;
      }
    }
    cuts[n] = to - from + 1;
    return cuts;
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
