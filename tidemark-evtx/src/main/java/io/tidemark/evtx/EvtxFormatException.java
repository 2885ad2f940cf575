package io.tidemark.evtx;

import io.tidemark.event.TidemarkException;

/**
 * Bytes that do not decode as EVTX: a bad token, a length running past its chunk, a name or
 * template at an offset that holds something else. Caught per record and turned into a
 * diagnostic; it never leaves the reader.
 */
final class EvtxFormatException extends TidemarkException {
  private static final long serialVersionUID = 1L;

  /** A problem with no single location, such as a size budget exceeded. */
  EvtxFormatException(String message) {
    super(message);
  }

  /** A problem at a chunk-relative offset. */
  EvtxFormatException(String message, int chunkOffset) {
    super(message + " at chunk offset " + chunkOffset);
  }

  // Thrown for every undecodable record carved from slack, thousands per file: a stack trace
  // would cost more than the decoding, and the message already says where.
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
