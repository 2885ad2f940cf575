package io.tidemark.source;

import io.tidemark.event.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** A reader of one file format: the events of a file, then the rest of it counted unparsed. */
interface LogReader extends EventStream {

  /** Events returned so far. */
  long recordsRead();

  /**
   * Reads the rest of the file without parsing, after the consumer stopped early, and returns
   * how many more records it holds.
   */
  long drain() throws IOException;

  /** The read error that ended the stream, or null. */
  @Nullable IOException failure();

  /** Makes a reader for one file. */
  @FunctionalInterface
  interface Factory {
    LogReader open(
        InputStream in, SourceFile source, FileDiagnostics diagnostics, IntakeOptions options);
  }
}
