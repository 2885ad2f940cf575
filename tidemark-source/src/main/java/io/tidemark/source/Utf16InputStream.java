package io.tidemark.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * UTF-16 text (with its byte-order mark) as UTF-8 bytes. Windows PowerShell 5 writes {@code
 * ConvertTo-Json | Out-File} and {@code >} redirections as UTF-16LE, so audit log exports arrive
 * that way. Malformed input becomes U+FFFD, as everywhere else in the intake.
 */
final class Utf16InputStream extends InputStream {
  private final Reader reader;
  private final char[] chars = new char[8192];
  private int held = -1;
  private byte[] bytes = new byte[0];
  private int position;
  private boolean ended;

  Utf16InputStream(InputStream in) {
    this.reader = new InputStreamReader(in, StandardCharsets.UTF_16);
  }

  /** Whether the bytes start with a UTF-16 byte-order mark. */
  static boolean hasBom(byte[] head, int length) {
    return length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
        || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return bytes[position++] & 0xff;
  }

  @Override
  public int read(byte[] out, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(length, bytes.length - position);
    System.arraycopy(bytes, position, out, offset, n);
    position += n;
    return n;
  }

  private boolean fill() throws IOException {
    while (position >= bytes.length) {
      if (ended) {
        return false;
      }
      int start = 0;
      if (held >= 0) {
        chars[0] = (char) held;
        held = -1;
        start = 1;
      }
      int n = reader.read(chars, start, chars.length - start);
      if (n < 0) {
        ended = true;
        n = 0;
      }
      int count = start + n;
      // A surrogate pair cut by the buffer end waits for its second half.
      if (!ended && count > 0 && Character.isHighSurrogate(chars[count - 1])) {
        held = chars[--count];
      }
      bytes = new String(chars, 0, count).getBytes(StandardCharsets.UTF_8);
      position = 0;
    }
    return true;
  }
}
