package io.tidemark.cli;

import io.tidemark.engine.HuntProgress;
import io.tidemark.source.FileRecord;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what a hunt reads and, when enabled, redraws one status line on stderr twice a second:
 * files, MB, records and the rate. Counting is lock-free; drawing happens on its own thread.
 */
final class ProgressPrinter implements HuntProgress, AutoCloseable {
  private final PrintStream err;
  private final boolean draw;
  private final long startNanos = System.nanoTime();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final Thread painter;
  private volatile boolean running = true;
  private int lastWidth;

  ProgressPrinter(PrintStream err, boolean draw) {
    this.err = err;
    this.draw = draw;
    this.painter = new Thread(this::paintLoop, "tidemark-progress");
    painter.setDaemon(true);
    if (draw) {
      painter.start();
    }
  }

  @Override
  public void onBytes(long delta) {
    bytes.addAndGet(delta);
  }

  @Override
  public void onEvents(long delta) {
    events.addAndGet(delta);
  }

  @Override
  public void onFile(FileRecord record) {
    files.incrementAndGet();
    skipped.addAndGet(record.recordsSkipped());
  }

  long skipped() {
    return skipped.get();
  }

  /** "12 files, 350.2 MB, 1,234,567 records in 3.2 s (109.4 MB/s)". */
  String summary() {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    double mb = bytes.get() / 1048576.0;
    return String.format(Locale.ROOT, "%,d files, %.1f MB, %,d records in %.1f s (%.1f MB/s, %,.0f records/s)",
        files.get(), mb, events.get(), seconds, mb / seconds, events.get() / seconds);
  }

  private void paintLoop() {
    while (running) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
      if (running) {
        paint("reading: " + summary());
      }
    }
  }

  private synchronized void paint(String line) {
    StringBuilder text = new StringBuilder("\r").append(line);
    for (int i = line.length(); i < lastWidth; i++) {
      text.append(' ');
    }
    lastWidth = line.length();
    err.print(text);
    err.flush();
  }

  /** Stops drawing and clears the status line; safe to call more than once. */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    painter.interrupt();
    if (draw && lastWidth > 0) {
      paint("");
      err.print('\r');
      err.flush();
    }
  }
}
