package io.tidemark.source;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Wraps the decompressed stream of an archive entry and stops it when it looks like a
 * decompression bomb: too high a ratio for this entry, or too many bytes for the whole unit.
 * The trip is reported once, naming the archive and the entry.
 */
final class GuardedInputStream extends InputStream {
  /** The ratio is only judged once an entry is big enough for it to mean something. */
  static final long RATIO_THRESHOLD = 1L << 20;

  private final InputStream in;
  private final @Nullable LongSupplier compressedBytes;
  private final Budget budget;
  private final double maxRatio;
  private final ArchiveLimitException.Scope ratioScope;
  private final DiagnosticSink diagnostics;
  private final String archivePath;
  private final String entryName;
  private long produced;
  private @Nullable ArchiveLimitException tripped;

  /** The decompressed bytes a top-level unit may still produce, shared by all its archives. */
  static final class Budget {
    private final long limit;
    private long used;

    Budget(long limit) {
      this.limit = limit;
    }

    boolean spend(long bytes) {
      used += bytes;
      return used <= limit;
    }

    long limit() {
      return limit;
    }
  }

  GuardedInputStream(
      InputStream in,
      @Nullable LongSupplier compressedBytes,
      Budget budget,
      double maxRatio,
      ArchiveLimitException.Scope ratioScope,
      DiagnosticSink diagnostics,
      String archivePath,
      String entryName) {
    this.in = in;
    this.compressedBytes = compressedBytes;
    this.budget = budget;
    this.maxRatio = maxRatio;
    this.ratioScope = ratioScope;
    this.diagnostics = diagnostics;
    this.archivePath = archivePath;
    this.entryName = entryName;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (tripped != null) {
      throw tripped;
    }
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      produced += n;
      check(n);
    }
    return n;
  }

  private void check(int n) throws ArchiveLimitException {
    if (!budget.spend(n)) {
      trip("archive-too-large", "decompressed data exceeds the limit of " + budget.limit()
          + " bytes per archive; the rest of the archive is not read",
          ArchiveLimitException.Scope.UNIT);
    }
    if (compressedBytes != null && produced > RATIO_THRESHOLD) {
      long compressed = Math.max(1, compressedBytes.getAsLong());
      double ratio = (double) produced / compressed;
      if (ratio > maxRatio) {
        trip("compression-ratio", String.format(java.util.Locale.ROOT,
            "entry '%s' expands %d bytes to more than %d (ratio %.0f, limit %.0f): likely a "
                + "decompression bomb; the %s is not read further",
            entryName, compressed, produced, ratio, maxRatio,
            ratioScope == ArchiveLimitException.Scope.ENTRY ? "entry" : "archive"), ratioScope);
      }
    }
  }

  private void trip(String code, String message, ArchiveLimitException.Scope scope)
      throws ArchiveLimitException {
    tripped = new ArchiveLimitException(message, this, scope);
    diagnostics.report(Diagnostic.error(code, message, archivePath + "!/" + entryName, produced));
    throw tripped;
  }

  /** Whether this guard stopped its stream. */
  boolean hasTripped() {
    return tripped != null;
  }

  @Override
  public void close() {
    // The archive stream is closed by its owner, not by each entry's reader.
  }
}
