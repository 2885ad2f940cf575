package io.tidemark.evtx;

import java.util.zip.CRC32;

/**
 * The 512-byte header of a 64 KiB chunk.
 *
 * @param firstRecordId the EventRecordID of the chunk's first record
 * @param lastRecordId the EventRecordID of its last record
 * @param freeSpaceOffset where the records end and unused (slack) space begins
 * @param headerChecksumValid CRC32 of bytes 0-120 and 128-512 matches
 * @param dataChecksumValid CRC32 of the records, 512 to the free space offset, matches
 */
record ChunkHeader(
    long firstRecordId,
    long lastRecordId,
    int freeSpaceOffset,
    boolean headerChecksumValid,
    boolean dataChecksumValid) {

  static final int SIZE = 512;
  static final int CHUNK_SIZE = 65_536;

  /** Whether a block starts with the chunk signature {@code ElfChnk\0}. */
  static boolean hasSignature(byte[] b) {
    return b[0] == 'E' && b[1] == 'l' && b[2] == 'f' && b[3] == 'C' && b[4] == 'h'
        && b[5] == 'n' && b[6] == 'k' && b[7] == 0;
  }

  /** Parses the header of a chunk of which {@code length} bytes (at least 512) were read. */
  static ChunkHeader parse(byte[] b, int length) {
    CRC32 crc = new CRC32();
    crc.update(b, 0, 120);
    crc.update(b, 128, SIZE - 128);
    boolean headerValid = crc.getValue() == Bytes.u32(b, 124);
    int free = Bytes.i32(b, 48);
    boolean dataValid = false;
    if (free >= SIZE && free <= length) {
      crc.reset();
      crc.update(b, SIZE, free - SIZE);
      dataValid = crc.getValue() == Bytes.u32(b, 52);
    }
    return new ChunkHeader(Bytes.i64(b, 24), Bytes.i64(b, 32), free, headerValid, dataValid);
  }

  /** How many records the header says the chunk holds, or -1 when its ids make no sense. */
  long expectedRecords() {
    long count = lastRecordId - firstRecordId + 1;
    return firstRecordId > 0 && count > 0 && count <= CHUNK_SIZE / 28 ? count : -1;
  }
}
