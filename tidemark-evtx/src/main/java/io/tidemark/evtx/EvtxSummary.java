package io.tidemark.evtx;

/**
 * What a reader found in a file, complete once {@link EvtxReader#next} returned null.
 *
 * @param chunks blocks with a chunk signature
 * @param emptyBlocks all-zero blocks (space Windows allocated but never wrote)
 * @param records records read in order from their chunks, as Windows lists them
 * @param recovered records carved from slack or damaged regions and returned, flagged
 * @param duplicates carved records dropped because a record with their id was already returned
 * @param undecodable records found whose Binary XML could not be decoded: lost
 * @param missing records the chunk headers count that were not found at all: lost
 * @param crcMismatches file and chunk checksums that did not match (decoded anyway)
 * @param truncated whether the file ended inside a chunk
 * @param dirty whether the header says the log was not closed cleanly
 */
public record EvtxSummary(
    long chunks,
    long emptyBlocks,
    long records,
    long recovered,
    long duplicates,
    long undecodable,
    long missing,
    long crcMismatches,
    boolean truncated,
    boolean dirty) {

  /** Records known to have existed that could not be returned. */
  public long lost() {
    return undecodable + missing;
  }
}
