package io.tidemark.sigma.compile;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether any of a set of literals occurs, ASCII-case-insensitively, in a run of ASCII
 * bytes: the raw-line prefilter that lets a reader count a log line instead of parsing it.
 * Immutable and thread-safe.
 *
 * <p>With {@code m} the shortest literal and q-grams of {@code q} bytes, the scan reads the text
 * only every {@code s = m - q + 1} bytes: an occurrence of a literal spans {@code s} consecutive
 * q-gram positions, one of which the sampling hits. Each literal tables the {@code s} consecutive
 * q-grams whose bytes are rarest in logs; each sampled q-gram is case-folded with one OR and
 * tested against a 2<sup>18</sup>-bit table (32 KiB, cache-resident), and only a set bit leads to
 * an exact comparison. The stride is what makes the scan fast, so {@code q} is 3 unless the
 * literals are long enough for 4-byte grams at a stride of three. No loop-carried state: the scan
 * runs at memory speed whatever the text, and never backtracks.
 *
 * <p>Literals with non-ASCII characters are left out: they can only occur in text with non-ASCII
 * characters, which callers treat as candidates without asking (see {@link #find}).
 */
public final class LiteralScanner {
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int MAX_TABLE_BITS = 18;
  private static final int CHECK_BITS = 12;
  private static final int MAX_STRIDE = 16;
  /** ORing 0x20 into each byte maps A-Z onto a-z; other bytes may collide: that costs a check. */
  private static final int FOLD_BITS = 0x20202020;

  private final byte[][] literals;
  private final int gram;
  private final int gramMask;
  private final int stride;
  /** {@code 32 - log2} of the table's size in bits. */
  private final int shift;
  private final long[] bits;
  /** Per check bucket, packed {@code literal << 8 | offset} entries, in CSR form. */
  private final int[] checkStart = new int[(1 << CHECK_BITS) + 1];
  private final int[] checks;
  private final boolean[] containsAscii = new boolean[128];

  private LiteralScanner(List<byte[]> ascii) {
    this.literals = ascii.toArray(byte[][]::new);
    int shortest = Integer.MAX_VALUE;
    for (byte[] l : literals) {
      shortest = Math.min(shortest, l.length);
      for (byte b : l) {
        containsAscii[b] = true;
      }
    }
    this.gram = literals.length == 0 ? 4 : shortest >= 6 ? 4 : Math.min(3, shortest);
    this.gramMask = gram == 4 ? -1 : (1 << (8 * gram)) - 1;
    this.stride = literals.length == 0 ? 1 : Math.min(MAX_STRIDE, shortest - gram + 1);
    // About a thousand bits per entry keep false hits rare; a small table stays in L1 next to
    // the other columns' tables.
    int tableBits = Math.max(CHECK_BITS,
        Math.min(MAX_TABLE_BITS, 42 - Integer.numberOfLeadingZeros(literals.length * stride)));
    this.shift = 32 - tableBits;
    this.bits = new long[Math.max(1, (1 << tableBits) >>> 6)];
    List<int[]> entries = new ArrayList<>();
    for (int l = 0; l < literals.length; l++) {
      int first = rarestWindow(literals[l]);
      for (int o = first; o < first + stride; o++) {
        int h = hash((pack(literals[l], o, gram) | FOLD_BITS) & gramMask);
        bits[h >>> 6] |= 1L << h;
        checkStart[(h & ((1 << CHECK_BITS) - 1)) + 1]++;
        entries.add(new int[] {h, l << 8 | o});
      }
    }
    for (int i = 1; i < checkStart.length; i++) {
      checkStart[i] += checkStart[i - 1];
    }
    checks = new int[entries.size()];
    int[] fill = checkStart.clone();
    for (int[] e : entries) {
      checks[fill[e[0] & ((1 << CHECK_BITS) - 1)]++] = e[1];
    }
  }

  /**
   * The first of the {@code stride} consecutive q-gram offsets whose bytes are rarest in logs:
   * fewer hits that fail the exact comparison. Any window inside the literal finds it.
   */
  private int rarestWindow(byte[] literal) {
    int best = 0;
    int bestCost = Integer.MAX_VALUE;
    // Offsets are packed into a byte next to the literal's index.
    int lastFirst = Math.min(literal.length - gram - stride + 1, 256 - stride);
    for (int first = 0; first <= lastFirst; first++) {
      int cost = 0;
      for (int k = first; k < first + stride - 1 + gram; k++) {
        cost += commonness(literal[k]);
      }
      if (cost < bestCost) {
        best = first;
        bestCost = cost;
      }
    }
    return best;
  }

  /** A rough rank of how often a byte occurs in web and mail logs (host names, URLs, numbers). */
  private static int commonness(byte b) {
    if ((b >= '0' && b <= '9') || b == '.' || b == ',' || b == '-' || b == ':' || b == ' ') {
      return 10;
    }
    if (b >= 'a' && b <= 'z') {
      return "etaoinsrlcdhxmup".indexOf(b) >= 0 ? 8 : 4;
    }
    if (b == '/' || b == '=' || b == '&' || b == ';' || b == '_') {
      return 6;
    }
    return 2;
  }

  /**
   * A scanner for these folded literals (as {@link CompiledRule#requiredLiterals} gives them).
   * An empty collection gives a scanner that finds nothing.
   *
   * @throws IllegalArgumentException for an empty literal, which would match everywhere
   */
  public static LiteralScanner of(Collection<String> foldedLiterals) {
    Set<String> unique = new LinkedHashSet<>(foldedLiterals);
    List<byte[]> ascii = new ArrayList<>(unique.size());
    for (String literal : unique) {
      if (literal.isEmpty()) {
        throw new IllegalArgumentException("an empty literal matches everywhere; use no prefilter");
      }
      byte[] bytes = asciiLower(literal);
      if (bytes != null) {
        ascii.add(bytes);
      }
    }
    return new LiteralScanner(ascii);
  }

  /** The literal's bytes lower-cased, or null when it has a non-ASCII character. */
  private static byte @Nullable [] asciiLower(String literal) {
    byte[] out = new byte[literal.length()];
    for (int i = 0; i < out.length; i++) {
      char c = literal.charAt(i);
      if (c >= 128) {
        return null;
      }
      out[i] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return out;
  }

  /** {@code length} bytes at {@code offset}, packed little-endian as the text is read. */
  private static int pack(byte[] literal, int offset, int length) {
    int x = 0;
    for (int k = length - 1; k >= 0; k--) {
      x = x << 8 | (literal[offset + k] & 0xff);
    }
    return x;
  }

  private int hash(int foldedGram) {
    return (foldedGram * 0x9E3779B1) >>> shift;
  }

  /**
   * Whether some literal occurs in {@code bytes[from, to)}, ignoring ASCII case. Only ASCII text is
   * meaningful: a caller must treat text with bytes of 0x80 and above (which may decode to
   * characters that fold onto ASCII, such as KELVIN SIGN onto k) as a candidate without asking.
   */
  public boolean find(byte[] bytes, int from, int to) {
    if (from < 0 || to > bytes.length || from > to) {
      throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + bytes.length);
    }
    if (literals.length == 0) {
      return false;
    }
    final long[] table = bits;
    final int mask = gramMask;
    final int s = stride;
    final int sh = shift;
    int i = from;
    // Whole 4-byte reads stay inside the array; the last positions of a 3-byte gram may not.
    int last = Math.min(to - gram, bytes.length - 4);
    // Two grams per step, one branch for both: C1 neither unrolls nor hoists.
    for (; i + s <= last; i += 2 * s) {
      int h1 = ((((int) INT_LE.get(bytes, i) | FOLD_BITS) & mask) * 0x9E3779B1) >>> sh;
      int h2 = ((((int) INT_LE.get(bytes, i + s) | FOLD_BITS) & mask) * 0x9E3779B1) >>> sh;
      if ((((table[h1 >>> 6] >>> h1) | (table[h2 >>> 6] >>> h2)) & 1) != 0
          && (check(bytes, from, to, i, h1) || check(bytes, from, to, i + s, h2))) {
        return true;
      }
    }
    for (; i <= last; i += s) {
      int h = hash(((int) INT_LE.get(bytes, i) | FOLD_BITS) & mask);
      if ((table[h >>> 6] & (1L << h)) != 0 && check(bytes, from, to, i, h)) {
        return true;
      }
    }
    for (; i <= to - gram; i += s) {
      int h = hash(((int) pack(bytes, i, gram) | FOLD_BITS) & mask);
      if ((table[h >>> 6] & (1L << h)) != 0 && check(bytes, from, to, i, h)) {
        return true;
      }
    }
    return false;
  }

  /** Compares the literals whose sampled gram hashes like the one at {@code at}. */
  private boolean check(byte[] bytes, int from, int to, int at, int h) {
    int bucket = h & ((1 << CHECK_BITS) - 1);
    for (int k = checkStart[bucket], end = checkStart[bucket + 1]; k < end; k++) {
      byte[] literal = literals[checks[k] >>> 8];
      int start = at - (checks[k] & 0xff);
      if (start >= from && start + literal.length <= to && equalsFolded(bytes, start, literal)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equalsFolded(byte[] bytes, int start, byte[] literal) {
    for (int k = 0; k < literal.length; k++) {
      int b = bytes[start + k];
      if (b >= 'A' && b <= 'Z') {
        b += 32;
      }
      if (b != literal[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether some literal contains this ASCII character: a reader whose field values differ from
   * the raw bytes around it (a CSV value's doubled quotes, W3C's {@code cs-uri} joined with
   * {@code ?}) must then check such records some other way.
   */
  public boolean contains(char c) {
    return c < 128 && containsAscii[c];
  }

  /** How many literals the scanner looks for (non-ASCII ones left out). */
  public int size() {
    return literals.length;
  }

  @Override
  public String toString() {
    return "LiteralScanner[" + literals.length + " literals, " + gram + "-byte grams every "
        + stride + " bytes]";
  }
}
