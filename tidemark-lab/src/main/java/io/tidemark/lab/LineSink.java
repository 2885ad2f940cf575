package io.tidemark.lab;

/** Receives rendered log lines: an hour's writer, or the attack plan that feeds them. */
interface LineSink {
  /** No truth step: ordinary background traffic. */
  int NO_TAG = -1;

  /**
   * Accepts one line (or one multi-line block, such as an IIS restart header).
   *
   * @param sink the file family it belongs to
   * @param ms when it was written, epoch milliseconds UTC
   * @param text the bytes to write, line terminator included
   * @param tag the truth step it evidences, or {@link #NO_TAG}
   */
  void line(Sink sink, long ms, String text, int tag);
}
