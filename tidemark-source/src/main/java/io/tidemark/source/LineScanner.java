package io.tidemark.source;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.source.text.LineShape;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Splits a byte stream into lines with bounded memory. Line ends are found on bytes; ASCII lines
 * decode on the JDK's fast path. Damage is repaired or skipped and reported: lines longer than
 * the limit are skipped without being buffered, NUL bytes (preallocated log space, injected
 * bytes) are removed, invalid UTF-8 is replaced, a missing final line break is flagged.
 */
final class LineScanner {
  private static final int CHUNK = 1 << 20;
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final byte[] RELEASED = new byte[0];
  /**
   * One spare read buffer per thread: a hunt opens hundreds of files one after another, and
   * zeroing (and first touching) a fresh megabyte for each cost more than scanning its lines.
   */
  private static final ThreadLocal<byte @Nullable []> SPARE = new ThreadLocal<>();

  private final InputStream in;
  private final int maxLineBytes;
  private final DiagnosticSink diagnostics;
  private final String path;
  private byte[] buffer;
  private int position;
  private int limit;
  private long bufferOffset;
  private boolean endOfInput;
  private boolean started;
  private long lineNumber;
  private long lineOffset;
  private int lineStart;
  private int lineEnd;
  private boolean lineTerminated;

  LineScanner(InputStream in, int maxLineBytes, DiagnosticSink diagnostics, String path) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.diagnostics = diagnostics;
    this.path = path;
    this.buffer = take(Math.min(CHUNK, maxLineBytes + 2));
  }

  private static byte[] take(int size) {
    byte[] spare = SPARE.get();
    if (spare != null && spare.length == size) {
      SPARE.set(null); // taken, so a second scanner on this thread cannot share it
      return spare;
    }
    return new byte[size];
  }

  /** Gives the buffer back at the end of the input; nothing reads it any more. */
  private void release() {
    if (buffer.length > 0 && buffer.length <= CHUNK) {
      SPARE.set(buffer);
    }
    buffer = RELEASED;
    position = 0;
    limit = 0;
  }

  /** The 1-based number of the line last returned. */
  long lineNumber() {
    return lineNumber;
  }

  /** The byte offset of the line last returned. */
  long lineOffset() {
    return lineOffset;
  }

  /** The next line without its terminator, or null at the end of the input. */
  @Nullable String next() throws IOException {
    return advance() ? decode() : null;
  }

  /**
   * Moves to the next line without decoding it: its bytes are {@code buffer()[lineStart(),
   * lineEnd())}, valid until the next call. Returns false at the end of the input.
   */
  boolean advance() throws IOException {
    return advance(null);
  }

  /**
   * {@link #advance()}, measuring the line with {@code shape} on the way when it is not null:
   * then {@link LineShape#shape()} describes a line that ended with a line break.
   */
  boolean advance(@Nullable LineShape shape) throws IOException {
    if (!started) {
      start();
    }
    while (true) {
      int newline = shape != null
          ? shape.scan(buffer, position, limit) : indexOfNewline(position, limit);
      if (newline >= 0) {
        int start = position;
        position = newline + 1;
        return enter(start, newline, /* terminated= */ true);
      }
      if (endOfInput) {
        if (position < limit) {
          int start = position;
          position = limit;
          return enter(start, limit, /* terminated= */ false);
        }
        release();
        return false;
      }
      if (limit - position > maxLineBytes) {
        skipLongLine();
        continue;
      }
      fill();
    }
  }

  private boolean enter(int start, int end, boolean terminated) {
    lineNumber++;
    lineOffset = bufferOffset + start;
    lineStart = start;
    lineEnd = end > start && buffer[end - 1] == '\r' ? end - 1 : end;
    lineTerminated = terminated;
    return true;
  }

  /** The buffer holding the current line's bytes. */
  byte[] buffer() {
    return buffer;
  }

  /** Where the current line starts in {@link #buffer()}. */
  int lineStart() {
    return lineStart;
  }

  /** Where the current line ends in {@link #buffer()}, before any CR. */
  int lineEnd() {
    return lineEnd;
  }

  /** Whether the current line ended with a line break (only the last line of a file may not). */
  boolean lineTerminated() {
    return lineTerminated;
  }

  /**
   * Counts the remaining lines that could be records (not blank, not {@code #} directives)
   * without decoding them.
   */
  long countRemainingRecords() throws IOException {
    if (!started) {
      start();
    }
    long count = 0;
    boolean lineStart = true;
    while (true) {
      for (int i = position; i < limit; i++) {
        byte b = buffer[i];
        if (b == '\n') {
          lineStart = true;
        } else if (lineStart && b != '\r' && b != 0) {
          lineStart = false;
          if (b != '#') {
            count++;
          }
        }
      }
      position = limit;
      if (endOfInput) {
        release();
        return count;
      }
      fill();
    }
  }

  private void start() throws IOException {
    started = true;
    while (limit < UTF8_BOM.length && !endOfInput) {
      fill();
    }
    if (limit >= 3 && Arrays.equals(buffer, 0, 3, UTF8_BOM, 0, 3)) {
      position = 3;
    }
  }

  /** The first LF in {@code buffer[from, to)}, or -1; eight bytes per step (SWAR). */
  private int indexOfNewline(int from, int to) {
    byte[] b = buffer;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONG_LE.get(b, i) ^ NEWLINES;
      // The lowest flagged byte is exactly the first LF; flags above it may be false.
      long found = (x - ONES) & ~x & HIGH_BITS;
      if (found != 0) {
        // The byte index of the lowest flag, without Long.numberOfTrailingZeros (a call in C1).
        long below = (((found & -found) >>> 7) - 1) & ONES;
        return i + (int) ((below * ONES) >>> 56);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Decodes the current line, repairing what it must and reporting what it repaired. */
  String decode() {
    int start = lineStart;
    int stop = lineEnd;
    String text = new String(buffer, start, stop - start, StandardCharsets.UTF_8);
    if (text.indexOf('\0') >= 0) {
      text = removeNul(text, stop - start);
    }
    if (text.indexOf('\uFFFD') >= 0 && !isValidUtf8(start, stop)) {
      diagnostics.report(Diagnostic.warning("invalid-utf8",
          "invalid UTF-8 bytes replaced by U+FFFD", path, lineNumber, lineOffset));
    }
    if (!lineTerminated && !text.isEmpty()) {
      diagnostics.report(Diagnostic.warning("no-final-newline",
          "last line has no line break; the file may have been cut while being written",
          path, lineNumber, lineOffset));
    }
    return text;
  }

  private String removeNul(String text, int rawLength) {
    String cleaned = text.replace("\0", "");
    if (cleaned.isEmpty()) {
      diagnostics.report(Diagnostic.warning("nul-padding", rawLength
          + " NUL bytes where a line should be (space preallocated but never written)",
          path, lineNumber, lineOffset));
    } else {
      diagnostics.report(Diagnostic.warning("nul-bytes", (text.length() - cleaned.length())
          + " NUL bytes removed from the line", path, lineNumber, lineOffset));
    }
    return cleaned;
  }

  private boolean isValidUtf8(int start, int end) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buffer, start, end - start));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Discards a line longer than the limit, up to and including its line break. */
  private void skipLongLine() throws IOException {
    lineNumber++;
    lineOffset = bufferOffset + position;
    long skipped = 0;
    boolean onlyNul = true;
    while (true) {
      int newline = indexOfNewline(position, limit);
      int end = newline >= 0 ? newline : limit;
      for (int i = position; i < end && onlyNul; i++) {
        onlyNul = buffer[i] == 0;
      }
      skipped += end - position;
      position = newline >= 0 ? newline + 1 : limit;
      if (newline >= 0 || endOfInput) {
        break;
      }
      fill();
      if (endOfInput && position >= limit) {
        break;
      }
    }
    if (onlyNul) {
      diagnostics.report(Diagnostic.warning("nul-padding", skipped
          + " NUL bytes where a line should be (space preallocated but never written)",
          path, lineNumber, lineOffset));
    } else {
      diagnostics.report(Diagnostic.skipped("line-too-long", "line of " + skipped
          + " bytes exceeds the limit of " + maxLineBytes + " bytes; skipped",
          path, lineNumber, lineOffset));
    }
  }

  /** Moves the unread bytes to the front, grows the buffer if a line needs it, reads more. */
  private void fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      bufferOffset += position;
      limit -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      int grown = (int) Math.min((long) maxLineBytes + 2, buffer.length * 2L);
      if (grown <= buffer.length) {
        return; // full of one over-long line: the caller skips it
      }
      buffer = Arrays.copyOf(buffer, grown);
    }
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n < 0) {
      endOfInput = true;
    } else {
      limit += n;
    }
  }
}
