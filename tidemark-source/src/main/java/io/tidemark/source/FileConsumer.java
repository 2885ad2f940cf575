package io.tidemark.source;

import io.tidemark.event.SourceFile;

/** Receives the evidence files of a unit, in order, each followed by its manifest record. */
public interface FileConsumer {

  /**
   * A file with a reader: pull its events from the stream, which is valid only during this
   * call. Returning early is allowed; the intake then counts the rest of the file.
   */
  void onFile(SourceFile source, EventStream events);

  /** The manifest record of a file, sent after {@link #onFile} or for a file that has no reader. */
  void onFileDone(FileRecord record);
}
