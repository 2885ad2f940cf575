package io.tidemark.evtx;

import java.util.Arrays;

/** Little-endian reads from a byte array; callers check bounds first. */
final class Bytes {
  private Bytes() {}

  static int u8(byte[] b, int off) {
    return b[off] & 0xFF;
  }

  static int u16(byte[] b, int off) {
    return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
  }

  static int i32(byte[] b, int off) {
    return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16
        | (b[off + 3] & 0xFF) << 24;
  }

  static long u32(byte[] b, int off) {
    return i32(b, off) & 0xFFFF_FFFFL;
  }

  static long i64(byte[] b, int off) {
    return (i32(b, off) & 0xFFFF_FFFFL) | ((long) i32(b, off + 4)) << 32;
  }

  /** Whether the four bytes at {@code off} are a record signature {@code 2a 2a 00 00}. */
  static boolean isRecordSignature(byte[] b, int off) {
    return b[off] == 0x2A && b[off + 1] == 0x2A && b[off + 2] == 0 && b[off + 3] == 0;
  }

  private static final byte[] ZEROS = new byte[ChunkHeader.CHUNK_SIZE];

  /** Whether {@code length} bytes from {@code off} are all zero. */
  static boolean isZero(byte[] b, int off, int length) {
    // Arrays.mismatch is vectorised; most of a preallocated log is zero blocks.
    for (int start = off; start < off + length; start += ZEROS.length) {
      int n = Math.min(ZEROS.length, off + length - start);
      if (Arrays.mismatch(b, start, start + n, ZEROS, 0, n) >= 0) {
        return false;
      }
    }
    return true;
  }
}
