package io.tidemark.evtx;

/**
 * How {@link EvtxReader} decodes a file.
 *
 * @param threads decoder threads; chunks are independent, so 2 keeps both cores busy. With 1,
 *     chunks are decoded on the reading thread.
 * @param chunksInFlight chunks read ahead and decoding at once; bounds memory to about this many
 *     64 KiB chunks and their events
 * @param recover carve records from chunk slack and damaged regions and return them with the
 *     field {@code Tidemark_Recovered=true}; off, they are neither decoded nor counted
 * @param renderXml render each record's XML on the decoder threads, so {@link EvtxXml#render}
 *     on the reading thread only hands it over
 */
public record EvtxOptions(int threads, int chunksInFlight, boolean recover, boolean renderXml) {

  public EvtxOptions {
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be 1 to 64, not " + threads);
    }
    if (chunksInFlight < threads || chunksInFlight > 1024) {
      throw new IllegalArgumentException(
          "chunksInFlight must be from threads (" + threads + ") to 1024, not " + chunksInFlight);
    }
  }

  /** Two decoder threads, eight chunks in flight, recovery on, XML rendered on demand. */
  public static EvtxOptions defaults() {
    return new EvtxOptions(2, 8, true, false);
  }

  /** These options with another thread count, and a read-ahead of four chunks per thread. */
  public EvtxOptions withThreads(int count) {
    return new EvtxOptions(count, Math.max(4 * count, 1), recover, renderXml);
  }

  /** These options with recovery of deleted and damaged records on or off. */
  public EvtxOptions withRecover(boolean on) {
    return new EvtxOptions(threads, chunksInFlight, on, renderXml);
  }

  /** These options with XML rendered on the decoder threads or on demand. */
  public EvtxOptions withRenderXml(boolean on) {
    return new EvtxOptions(threads, chunksInFlight, recover, on);
  }
}
