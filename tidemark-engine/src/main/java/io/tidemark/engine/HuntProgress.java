package io.tidemark.engine;

import io.tidemark.source.FileRecord;
import io.tidemark.source.ProgressListener;

/**
 * What a hunt tells a progress display. Called from worker threads; implementations must be
 * thread-safe and cheap (count, don't print).
 */
public interface HuntProgress extends ProgressListener {

  /** Events were analysed. */
  void onEvents(long delta);

  /** A file (or archive entry) was finished. */
  void onFile(FileRecord record);

  /** A progress display that shows nothing. */
  static HuntProgress none() {
    return new HuntProgress() {
      @Override
      public void onBytes(long delta) {}

      @Override
      public void onEvents(long delta) {}

      @Override
      public void onFile(FileRecord record) {}
    };
  }
}
