package io.tidemark.evtx;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.SourceFile;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Reads the events of one {@code .evtx} file from a stream, in file order. The file is read
 * chunk by chunk (64 KiB); a bounded number of chunks is decoded ahead on a small pool of
 * threads and handed out in order, so memory stays bounded whatever the file size.
 *
 * <p>Damage never ends the stream with an exception: bad checksums are reported and decoded
 * anyway, a truncated file yields what it holds, records in slack are recovered and flagged, and
 * every record lost is counted in a {@link Diagnostic} naming the file and offset. An I/O error
 * ends the stream and is kept in {@link #failure()}.
 *
 * <p>Not thread-safe: one thread pulls events.
 */
public final class EvtxReader implements Closeable {
  private static final Map<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

  private final InputStream in;
  private final SourceFile source;
  private final DiagnosticSink diagnostics;
  private final EvtxOptions options;
  private final ArrayDeque<Future<ChunkResult>> pending = new ArrayDeque<>();
  private final RecordIdSet returned = new RecordIdSet();
  private Iterator<EvtxEvent> current = Collections.emptyIterator();
  private byte @Nullable [] spare;
  private boolean started;
  private boolean endOfInput;
  private boolean closed;
  private long position;
  private int blockIndex;
  private @Nullable IOException failure;
  private @Nullable FileHeader header;
  private long recordsRead;
  private long chunks;
  private long emptyBlocks;
  private long records;
  private long recovered;
  private long duplicates;
  private long undecodable;
  private long missing;
  private long crcMismatches;
  private boolean truncated;

  private EvtxReader(
      InputStream in, SourceFile source, DiagnosticSink diagnostics, EvtxOptions options) {
    this.in = requireNonNull(in, "in");
    this.source = requireNonNull(source, "source");
    this.diagnostics = requireNonNull(diagnostics, "diagnostics");
    this.options = requireNonNull(options, "options");
  }

  /**
   * A reader of the EVTX file in {@code in}, which it closes when closed. Nothing is read until
   * the first {@link #next()}.
   */
  public static EvtxReader open(
      InputStream in, SourceFile source, DiagnosticSink diagnostics, EvtxOptions options) {
    return new EvtxReader(in, source, diagnostics, options);
  }

  /**
   * Starts reading the file and decoding its first chunks on the pool, without waiting for
   * them; {@link #next()} does this itself. A caller going through many small files starts the
   * next few readers early, so their chunks decode while it consumes the current one.
   */
  public void start() {
    if (!closed) {
      fill();
    }
  }

  /** The next event in file order, or null at the end of the file. */
  public @Nullable Event next() {
    while (true) {
      while (current.hasNext()) {
        EvtxEvent event = current.next();
        // A carved record whose id was already returned is an older copy of it.
        if (!returned.add(event.recordId()) && event.recovered()) {
          duplicates++;
          recovered--;
          continue;
        }
        recordsRead++;
        return event;
      }
      if (closed || !advance()) {
        return null;
      }
    }
  }

  /** Events returned so far. */
  public long recordsRead() {
    return recordsRead;
  }

  /** The I/O error that ended the stream early, or null. */
  public @Nullable IOException failure() {
    return failure;
  }

  /** What was found so far; complete once {@link #next()} has returned null. */
  public EvtxSummary summary() {
    FileHeader h = header;
    return new EvtxSummary(chunks, emptyBlocks, records, recovered, duplicates, undecodable,
        missing, crcMismatches, truncated, h != null && h.isDirty());
  }

  /**
   * Reads the rest of the file without decoding it, after the consumer stopped early, and
   * returns how many more records it holds by its chunk headers' counts.
   */
  public long drain() throws IOException {
    long rest = 0;
    while (current.hasNext()) {
      current.next();
      rest++;
    }
    // Chunks already read are decoded or decoding: count what they hold.
    while (!pending.isEmpty()) {
      rest += await(pending.poll()).events().size();
    }
    byte[] block = new byte[ChunkHeader.CHUNK_SIZE];
    while (!endOfInput && !closed) {
      int n = in.readNBytes(block, 0, block.length);
      if (n < ChunkHeader.SIZE) {
        break;
      }
      if (ChunkHeader.hasSignature(block)) {
        rest += Math.max(0, ChunkHeader.parse(block, n).expectedRecords());
      }
    }
    endOfInput = true;
    return rest;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      for (Future<ChunkResult> future : pending) {
        future.cancel(false);
      }
      pending.clear();
      current = Collections.emptyIterator();
      in.close();
    }
  }

  /** Takes the next decoded chunk; false when there is none left. */
  private boolean advance() {
    fill();
    Future<ChunkResult> next = pending.poll();
    if (next == null) {
      return false;
    }
    ChunkResult result = await(next);
    apply(result);
    current = result.events().iterator();
    fill();
    return true;
  }

  private ChunkResult await(Future<ChunkResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly();
      return emptyResult();
    } catch (ExecutionException e) {
      // ChunkDecoder catches its own failures; this is an Error such as OutOfMemoryError.
      throw new IllegalStateException("decoder thread failed on " + source.path(), e.getCause());
    }
  }

  private void apply(ChunkResult result) {
    for (Diagnostic diagnostic : result.diagnostics()) {
      diagnostics.report(diagnostic);
    }
    chunks += result.chunks();
    recovered += result.recovered();
    records += result.events().size() - result.recovered();
    undecodable += result.undecodable() + result.undecodableCarved();
    missing += result.missing();
    crcMismatches += result.crcMismatches();
  }

  /** Reads and submits blocks until the read-ahead is full or the input ends. */
  private void fill() {
    if (!started) {
      started = true;
      readHeader();
    }
    while (!endOfInput && !closed && pending.size() < options.chunksInFlight()) {
      submitBlock();
    }
  }

  private void readHeader() {
    byte[] bytes = new byte[FileHeader.SIZE];
    int n = read(bytes);
    if (n < FileHeader.SIZE) {
      endOfInput = true;
      if (failure == null) {
        truncated = n > 0;
        report(Diagnostic.error(n == 0 ? "evtx-empty" : "evtx-truncated",
            n == 0 ? "file is empty, not an EVTX log"
                : "file ends after " + n + " bytes, inside the 4096-byte EVTX header",
            source.path(), n));
      }
      return;
    }
    FileHeader parsed = FileHeader.parse(bytes);
    header = parsed;
    if (!parsed.signatureValid()) {
      report(Diagnostic.error("evtx-file-signature", "file does not start with the EVTX "
          + "signature 'ElfFile'; looking for chunks anyway", source.path(), 0));
    } else if (!parsed.checksumValid()) {
      crcMismatches++;
      report(Diagnostic.warning("evtx-file-header-crc",
          "file header checksum mismatch; its counts are not trusted", source.path(), -1, 0));
    }
    if (parsed.isDirty()) {
      report(Diagnostic.warning("evtx-file-dirty", String.format(Locale.ROOT,
          "log was not closed cleanly (header flags 0x%x): its header counts may be stale, "
              + "every chunk is read", parsed.flags()), source.path(), -1, 0));
    }
  }

  private void submitBlock() {
    byte[] block = spare != null ? spare : new byte[ChunkHeader.CHUNK_SIZE];
    spare = null;
    long offset = position;
    int n = read(block);
    if (n < block.length) {
      endOfInput = true;
    }
    if (n <= 0) {
      spare = block;
      return;
    }
    int index = blockIndex++;
    boolean signature = n >= 8 && ChunkHeader.hasSignature(block);
    if (!signature && Bytes.isZero(block, 0, n)) {
      emptyBlocks++;
      spare = block;
      return;
    }
    if (n < block.length) {
      truncated = true;
      // Queued in order, so the report comes after the previous chunks' reports.
      pending.add(CompletableFuture.completedFuture(truncation(index, offset, n)));
    }
    if (options.threads() == 1) {
      pending.add(CompletableFuture.completedFuture(
          ChunkDecoder.decode(source, options, block, n, offset, index)));
    } else {
      pending.add(pool(options.threads()).submit(
          () -> ChunkDecoder.decode(source, options, block, n, offset, index)));
    }
  }

  private ChunkResult truncation(int index, long offset, int n) {
    ChunkResult.Builder result = new ChunkResult.Builder();
    result.diagnostic(Diagnostic.error("evtx-truncated", String.format(Locale.ROOT,
        "file ends %d bytes into chunk %d (of 65536); decoding the part that is there",
        n, index), source.path(), offset + n));
    return result.build();
  }

  /** Reads until the buffer is full or the input ends; an I/O error ends the input. */
  private int read(byte[] buffer) {
    try {
      int n = in.readNBytes(buffer, 0, buffer.length);
      position += n;
      return n;
    } catch (IOException e) {
      failure = e;
      endOfInput = true;
      report(Diagnostic.error("evtx-read-error", "reading stopped: " + e.getMessage(),
          source.path(), position));
      return 0;
    }
  }

  private void report(Diagnostic diagnostic) {
    diagnostics.report(diagnostic);
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      failure = e;
    }
  }

  private static ChunkResult emptyResult() {
    return new ChunkResult.Builder().build();
  }

  /** A shared pool per thread count: daemon threads, so an abandoned reader never blocks exit. */
  private static ExecutorService pool(int threads) {
    return POOLS.computeIfAbsent(threads, n -> {
      AtomicInteger count = new AtomicInteger();
      return Executors.newFixedThreadPool(n, task -> {
        Thread thread = new Thread(task, "evtx-decoder-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
    });
  }
}
