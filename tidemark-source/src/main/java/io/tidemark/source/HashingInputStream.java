package io.tidemark.source;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Counts the bytes of one evidence file as they pass, hashes them when asked, and reports them to
 * the progress listener for top-level files. Also remembers the first read failure, so the
 * record can say the hash is incomplete.
 */
final class HashingInputStream extends InputStream {
  private final InputStream in;
  private final @Nullable MessageDigest digest;
  private final @Nullable ProgressListener progress;
  private long count;

  HashingInputStream(InputStream in, boolean hash, @Nullable ProgressListener progress) {
    this.in = in;
    this.digest = hash ? sha256() : null;
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      count += n;
      if (digest != null) {
        digest.update(buffer, offset, n);
      }
      if (progress != null) {
        progress.onBytes(n);
      }
    }
    return n;
  }

  /** Reads to the end so the count and the hash cover the whole file. */
  void drain() throws IOException {
    // A reader usually stopped at the end already: probe before allocating a real buffer.
    byte[] buffer = new byte[256];
    if (read(buffer, 0, buffer.length) < 0) {
      return;
    }
    buffer = new byte[64 * 1024];
    while (read(buffer, 0, buffer.length) >= 0) {
      // discard
    }
  }

  long count() {
    return count;
  }

  /** The hex SHA-256 of everything read, or null when hashing is off. Call once, at the end. */
  @Nullable String sha256Hex() {
    return digest == null ? null : HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
