package io.tidemark.source;

/**
 * Limits and switches for reading evidence.
 *
 * @param maxLineBytes longest line (or JSON record) read; longer ones are skipped without being
 *     buffered
 * @param maxArchiveBytes total decompressed bytes allowed per top-level archive, nested archives
 *     included
 * @param maxCompressionRatio decompressed-to-compressed ratio above which an entry is taken for a
 *     decompression bomb, checked once the entry has produced 1 MiB
 * @param maxArchiveDepth how many archive levels are opened ({@code a.zip!/b.zip!/...})
 * @param hashFiles whether to compute the SHA-256 of every file (on for a scan, off for a hunt)
 */
public record IntakeOptions(
    int maxLineBytes,
    long maxArchiveBytes,
    double maxCompressionRatio,
    int maxArchiveDepth,
    boolean hashFiles) {

  /** 1 MiB lines, 64 GiB per archive, ratio 200, four archive levels, hashing on. */
  public static final IntakeOptions DEFAULTS =
      new IntakeOptions(1 << 20, 64L << 30, 200.0, 4, /* hashFiles= */ true);

  public IntakeOptions {
    if (maxLineBytes < 256) {
      throw new IllegalArgumentException("maxLineBytes must be at least 256: " + maxLineBytes);
    }
    if (maxArchiveBytes < 1) {
      throw new IllegalArgumentException("maxArchiveBytes must be positive: " + maxArchiveBytes);
    }
    if (!(maxCompressionRatio >= 1.0)) {
      throw new IllegalArgumentException(
          "maxCompressionRatio must be at least 1: " + maxCompressionRatio);
    }
    if (maxArchiveDepth < 0) {
      throw new IllegalArgumentException(
          "maxArchiveDepth must not be negative: " + maxArchiveDepth);
    }
  }

  /** The default limits. */
  public static IntakeOptions defaults() {
    return DEFAULTS;
  }

  /** These options with hashing switched on or off. */
  public IntakeOptions withHashFiles(boolean hash) {
    return new IntakeOptions(
        maxLineBytes, maxArchiveBytes, maxCompressionRatio, maxArchiveDepth, hash);
  }

  /** These options with another line length limit. */
  public IntakeOptions withMaxLineBytes(int bytes) {
    return new IntakeOptions(
        bytes, maxArchiveBytes, maxCompressionRatio, maxArchiveDepth, hashFiles);
  }

  /** These options with other archive limits. */
  public IntakeOptions withArchiveLimits(long totalBytes, double compressionRatio, int depth) {
    return new IntakeOptions(maxLineBytes, totalBytes, compressionRatio, depth, hashFiles);
  }
}
