package io.tidemark.evtx;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The 4 KiB file header. Its counts go stale when a log is copied while open, so the reader
 * uses them only to report; chunks are read until the file ends.
 *
 * @param signatureValid whether the file starts with {@code ElfFile\0}
 * @param checksumValid whether the CRC32 of the first 120 bytes matches the stored one
 * @param nextRecordId the record id Windows would write next
 * @param chunkCount the number of chunks the header claims
 * @param majorVersion 3 on every Windows since Vista
 * @param minorVersion 1, or 2 on Windows 10 2004 and later
 * @param flags bit 0: dirty (not closed cleanly), bit 1: full
 */
record FileHeader(
    boolean signatureValid,
    boolean checksumValid,
    long nextRecordId,
    int chunkCount,
    int majorVersion,
    int minorVersion,
    int flags) {

  static final int SIZE = 4096;
  private static final byte[] SIGNATURE = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);

  /** Parses the first {@link #SIZE} bytes of a file. */
  static FileHeader parse(byte[] b) {
    boolean signature = true;
    for (int i = 0; i < SIGNATURE.length; i++) {
      signature &= b[i] == SIGNATURE[i];
    }
    CRC32 crc = new CRC32();
    crc.update(b, 0, 120);
    return new FileHeader(
        signature,
        crc.getValue() == Bytes.u32(b, 124),
        Bytes.i64(b, 24),
        Bytes.u16(b, 42),
        Bytes.u16(b, 38),
        Bytes.u16(b, 36),
        Bytes.i32(b, 120));
  }

  boolean isDirty() {
    return (flags & 1) != 0;
  }
}
