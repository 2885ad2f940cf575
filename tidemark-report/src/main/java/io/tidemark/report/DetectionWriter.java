package io.tidemark.report;

import io.tidemark.engine.Detection;
import java.io.Closeable;
import java.io.IOException;

/** Writes detections one at a time, in the order given. Not thread-safe. */
public interface DetectionWriter extends Closeable {

  void write(Detection detection) throws IOException;

  /** Flushes buffered output without closing the underlying stream. */
  void flush() throws IOException;
}
