package io.tidemark.source;

/** Hears how many raw bytes of evidence have been consumed, for a progress bar. Thread-safe. */
@FunctionalInterface
public interface ProgressListener {

  /** Another {@code delta} bytes of evidence were read from disk. */
  void onBytes(long delta);

  /** A listener that ignores progress. */
  static ProgressListener none() {
    return delta -> {};
  }
}
