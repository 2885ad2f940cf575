package io.tidemark.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the first bytes of a file for format detection, then replays them before the rest, so
 * the readers see the file from its first byte without a second open.
 */
final class PeekableInputStream extends InputStream {
  private final InputStream in;
  private final byte[] head;
  private final int headLength;
  private int position;

  PeekableInputStream(InputStream in, int peekBytes) throws IOException {
    this.in = in;
    this.head = new byte[peekBytes];
    int filled = 0;
    while (filled < peekBytes) {
      int n = in.read(head, filled, peekBytes - filled);
      if (n < 0) {
        break;
      }
      filled += n;
    }
    this.headLength = filled;
  }

  /** The peeked bytes; only the first {@link #headLength()} are valid. */
  byte[] head() {
    return head;
  }

  int headLength() {
    return headLength;
  }

  @Override
  public int read() throws IOException {
    if (position < headLength) {
      return head[position++] & 0xff;
    }
    return in.read();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position < headLength) {
      int n = Math.min(length, headLength - position);
      System.arraycopy(head, position, buffer, offset, n);
      position += n;
      return n;
    }
    return in.read(buffer, offset, length);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
