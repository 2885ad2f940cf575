package io.tidemark.source.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the end of a line and, in the same word-at-a-time pass, what a parser's skim path needs
 * to know about its bytes: how many value separators it holds, whether it holds a double quote,
 * and whether any byte is non-ASCII or NUL. One pass over the bytes instead of two. Mutable: it
 * keeps the shape of the line it found last; one per reader.
 */
public final class LineShape {
  /** {@link #shape()} of a line with a byte of 0x80 or above, or a NUL: not for the skim path. */
  public static final long NOT_PLAIN = -1;
  /** Set in {@link #shape()} when the line holds a double quote. */
  public static final long HAS_QUOTE = 1L << 32;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGH = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;
  private static final long NEWLINES = '\n' * ONES;
  private static final long QUOTES = '"' * ONES;

  private final byte separator;
  private final long separators;
  private final boolean quotes;
  private long shape = NOT_PLAIN;
  /** Ordinals (ascending) of the separators whose positions the next scans record. */
  private int[] marks = new int[0];
  private int[] marked = new int[0];
  private int markCount;

  LineShape(byte separator, boolean quotes) {
    if (separator == '\n' || separator == '"' || separator <= 0) {
      throw new IllegalArgumentException("not a value separator: " + separator);
    }
    this.separator = separator;
    this.separators = (separator & 0xffL) * ONES;
    this.quotes = quotes;
  }

  /**
   * Makes the following scans record where the separators with these ordinals (0 for a line's
   * first separator) are, so that a parser finds the columns it searches without another pass.
   *
   * @param ordinals ascending; kept, not copied
   */
  void mark(int[] ordinals) {
    marks = ordinals;
    marked = new int[ordinals.length];
    markCount = 0;
  }

  /** Whether scans record the separators of exactly this array of ordinals. */
  boolean marks(int[] ordinals) {
    return marks == ordinals;
  }

  /**
   * Where the {@code k}th marked separator of the line last found is; valid for {@code k} below
   * {@link #markCount()}.
   */
  int marked(int k) {
    return marked[k];
  }

  /** How many of the marked separators the line last found has. */
  int markCount() {
    return markCount;
  }

  /**
   * The first line feed in {@code b[from, to)}, or -1 when there is none. When there is one,
   * {@link #shape()} then describes {@code b[from, lineFeed)}.
   */
  public int scan(byte[] b, int from, int to) {
    long bad = 0;
    long quote = 0;
    int count = 0;
    markCount = 0;
    int nextMark = marks.length > 0 ? marks[0] : Integer.MAX_VALUE;
    int i = from;
    // Loops without branches but the one for the line end and the rare one for a marked
    // separator: C1 neither unswitches nor unrolls.
    if (quotes) {
      // Two words a step; the word loop below finishes the line.
      for (; i + 2 * Long.BYTES <= to; i += 2 * Long.BYTES) {
        long x = (long) LONG_LE.get(b, i);
        long y = (long) LONG_LE.get(b, i + Long.BYTES);
        long nx = x ^ NEWLINES;
        long ny = y ^ NEWLINES;
        if (((((nx - ONES) & ~nx) | ((ny - ONES) & ~ny)) & HIGH) != 0) {
          break;
        }
        // A NUL borrows into a high bit, a non-ASCII byte has one: either flags the line.
        bad |= (x - ONES) | x | (y - ONES) | y;
        long qx = x ^ QUOTES;
        long qy = y ^ QUOTES;
        quote |= ((qx - ONES) & ~qx) | ((qy - ONES) & ~qy);
        long fx = RawLines.zeroBytes(x ^ separators);
        long fy = RawLines.zeroBytes(y ^ separators);
        int found = (int) ((((fx >>> 7) + (fy >>> 7)) * ONES) >>> 56);
        if (count + found > nextMark) {
          nextMark = mark(fx, i, count);
          nextMark = mark(fy, i + Long.BYTES, count + RawLines.countFlags(fx));
        }
        count += found;
      }
      for (; i + Long.BYTES <= to; i += Long.BYTES) {
        long x = (long) LONG_LE.get(b, i);
        long n = x ^ NEWLINES;
        if (((n - ONES) & ~n & HIGH) != 0) {
          break;
        }
        bad |= (x - ONES) | x;
        long q = x ^ QUOTES;
        quote |= (q - ONES) & ~q;
        long flags = RawLines.zeroBytes(x ^ separators);
        int found = RawLines.countFlags(flags);
        if (count + found > nextMark) {
          nextMark = mark(flags, i, count);
        }
        count += found;
      }
    } else {
      // Two words a step; the word loop below finishes the line.
      for (; i + 2 * Long.BYTES <= to; i += 2 * Long.BYTES) {
        long x = (long) LONG_LE.get(b, i);
        long y = (long) LONG_LE.get(b, i + Long.BYTES);
        long nx = x ^ NEWLINES;
        long ny = y ^ NEWLINES;
        if (((((nx - ONES) & ~nx) | ((ny - ONES) & ~ny)) & HIGH) != 0) {
          break;
        }
        bad |= (x - ONES) | x | (y - ONES) | y;
        long fx = RawLines.zeroBytes(x ^ separators);
        long fy = RawLines.zeroBytes(y ^ separators);
        int found = (int) ((((fx >>> 7) + (fy >>> 7)) * ONES) >>> 56);
        if (count + found > nextMark) {
          nextMark = mark(fx, i, count);
          nextMark = mark(fy, i + Long.BYTES, count + RawLines.countFlags(fx));
        }
        count += found;
      }
      for (; i + Long.BYTES <= to; i += Long.BYTES) {
        long x = (long) LONG_LE.get(b, i);
        long n = x ^ NEWLINES;
        if (((n - ONES) & ~n & HIGH) != 0) {
          break;
        }
        bad |= (x - ONES) | x;
        long flags = RawLines.zeroBytes(x ^ separators);
        int found = RawLines.countFlags(flags);
        if (count + found > nextMark) {
          nextMark = mark(flags, i, count);
        }
        count += found;
      }
    }
    if (i + Long.BYTES <= to) {
      // The word with the line feed: only the bytes before it count (the lowest flag is exact,
      // and a borrow only climbs, so bytes past it cannot flag the line).
      long x = (long) LONG_LE.get(b, i);
      long n = x ^ NEWLINES;
      long lineFeed = (n - ONES) & ~n & HIGH;
      lineFeed &= -lineFeed;
      long keep = (lineFeed >>> 7) - 1;
      bad |= ((x - ONES) | x) & keep;
      if (quotes) {
        long q = x ^ QUOTES;
        quote |= (q - ONES) & ~q & keep;
      }
      long flags = RawLines.zeroBytes(x ^ separators) & keep;
      int found = RawLines.countFlags(flags);
      if (count + found > nextMark) {
        mark(flags, i, count);
      }
      count += found;
      shape = (bad & HIGH) != 0 ? NOT_PLAIN : count | ((quote & HIGH) != 0 ? HAS_QUOTE : 0);
      return i + RawLines.byteIndex(lineFeed);
    }
    for (; i < to; i++) {
      byte c = b[i];
      if (c == '\n') {
        shape = (bad & HIGH) != 0 ? NOT_PLAIN : count | ((quote & HIGH) != 0 ? HAS_QUOTE : 0);
        return i;
      }
      bad |= c <= 0 ? HIGH : 0;
      quote |= quotes && c == '"' ? HIGH : 0;
      if (c == separator) {
        if (count == nextMark) {
          marked[markCount++] = i;
          nextMark = markCount < marks.length ? marks[markCount] : Integer.MAX_VALUE;
        }
        count++;
      }
    }
    return -1;
  }

  /**
   * Records the marked separators among those flagged in the word at {@code base}, after
   * {@code count} earlier ones; returns the next ordinal to mark.
   */
  private int mark(long flags, int base, int count) {
    int m = markCount;
    int found = RawLines.countFlags(flags);
    while (m < marks.length && marks[m] - count < found) {
      long f = flags;
      for (int k = marks[m] - count; k > 0; k--) {
        f &= f - 1;
      }
      marked[m++] = base + RawLines.byteIndex(f & -f);
    }
    markCount = m;
    return m < marks.length ? marks[m] : Integer.MAX_VALUE;
  }

  /**
   * The line last found: its number of separators, plus {@link #HAS_QUOTE} when it holds a
   * double quote (looked for only in quoted formats); {@link #NOT_PLAIN} when a byte is non-ASCII
   * or NUL.
   */
  public long shape() {
    return shape;
  }
}
