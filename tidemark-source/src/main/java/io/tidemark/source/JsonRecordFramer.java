package io.tidemark.source;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a byte stream into top-level JSON objects without parsing them: JSON Lines, a JSON array,
 * or concatenated pretty-printed objects alike. Tracking only brace depth and string state keeps
 * it fast and lets it resynchronise after damage: a raw line break cannot occur inside a JSON
 * string, so a string still open at a line end marks a broken record, and reading resumes at the
 * next line that starts an object.
 */
final class JsonRecordFramer {
  private static final int CHUNK = 1 << 20;
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final InputStream in;
  private final int maxRecordBytes;
  private final DiagnosticSink diagnostics;
  private final String path;
  private byte[] buffer;
  private int position;
  private int limit;
  private long bufferOffset;
  private boolean endOfInput;
  private boolean started;
  private long recordNumber;
  /** After a broken record: lines that start no object are its remains, skipped quietly. */
  private boolean resyncing;

  /** One framed record: {@code bytes[start, end)}, valid until the next call. */
  record Frame(byte[] bytes, int start, int end, long offset, long number) {}

  JsonRecordFramer(InputStream in, int maxRecordBytes, DiagnosticSink diagnostics, String path) {
    this.in = in;
    this.maxRecordBytes = maxRecordBytes;
    this.diagnostics = diagnostics;
    this.path = path;
    this.buffer = new byte[Math.min(CHUNK, maxRecordBytes + 1)];
  }

  /** The next complete object, or null at the end of the input. */
  @Nullable Frame next() throws IOException {
    if (!started) {
      start();
    }
    while (true) {
      int first = skipSeparators();
      if (first < 0) {
        return null;
      }
      if (buffer[position] != '{') {
        garbage();
        continue;
      }
      Frame frame = object();
      if (frame != null) {
        return frame;
      }
    }
  }

  /** Counts the remaining objects without handing them out. */
  long countRemaining() throws IOException {
    long count = 0;
    while (next() != null) {
      count++;
    }
    return count;
  }

  private void start() throws IOException {
    started = true;
    ensure(3);
    if (limit - position >= 3 && Arrays.equals(buffer, position, position + 3, UTF8_BOM, 0, 3)) {
      position += 3;
    }
  }

  /** Skips whitespace, commas and array brackets between records; -1 at the end of input. */
  private int skipSeparators() throws IOException {
    while (true) {
      while (position < limit) {
        byte b = buffer[position];
        if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == ',' || b == '[' || b == ']'
            || b == 0) {
          position++;
        } else {
          return position;
        }
      }
      if (!ensure(1)) {
        return -1;
      }
    }
  }

  /** Something other than an object at the top level: report it and skip to the next line. */
  private void garbage() throws IOException {
    if (resyncing) {
      skipToNextLine(); // the rest of a broken record
      return;
    }
    resyncing = true;
    long offset = bufferOffset + position;
    diagnostics.report(Diagnostic.skipped("bad-json", "unexpected '" + printable(buffer[position])
        + "' where a JSON object should start; skipped to the next line", path, recordNumber + 1,
        offset));
    skipToNextLine();
  }

  /** Frames the object starting at {@code position}; null when it was broken and skipped. */
  private @Nullable Frame object() throws IOException {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    int i = position;
    while (true) {
      if (i >= limit) {
        int consumed = i - position;
        if (consumed > maxRecordBytes) {
          return skipOversized(i);
        }
        if (!ensureMore()) {
          report("truncated-record", "JSON record is cut off by the end of the file");
          position = limit;
          return null;
        }
        i = position + consumed;
        continue;
      }
      byte b = buffer[i++];
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        } else if (b == '\n') {
          report("bad-json", "JSON string runs past the end of a line; record skipped");
          position = i;
          return null;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
        if (depth == 0) {
          recordNumber++;
          Frame frame = new Frame(buffer, position, i, bufferOffset + position, recordNumber);
          position = i;
          resyncing = false;
          return frame;
        }
      }
    }
  }

  /** Follows an over-long record to its end without keeping it. */
  private @Nullable Frame skipOversized(int at) throws IOException {
    report("record-too-long", "JSON record longer than " + maxRecordBytes + " bytes; skipped");
    position = at;
    skipToNextLine();
    return null;
  }

  private void report(String code, String message) {
    resyncing = true;
    diagnostics.report(Diagnostic.skipped(code, message, path, recordNumber + 1,
        bufferOffset + position));
    recordNumber++;
  }

  /** Moves past the next line break, reading as needed. */
  private void skipToNextLine() throws IOException {
    while (true) {
      for (int i = position; i < limit; i++) {
        if (buffer[i] == '\n') {
          position = i + 1;
          return;
        }
      }
      position = limit;
      if (!ensure(1)) {
        return;
      }
    }
  }

  /** Makes at least {@code n} unread bytes available if the input has them. */
  private boolean ensure(int n) throws IOException {
    while (limit - position < n) {
      if (!ensureMore()) {
        return limit - position > 0 && limit - position >= n;
      }
    }
    return true;
  }

  /** Reads more input, compacting and growing the buffer for a record in progress. */
  private boolean ensureMore() throws IOException {
    if (endOfInput) {
      return false;
    }
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      bufferOffset += position;
      limit -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.min((long) maxRecordBytes + 2, buffer.length * 2L));
    }
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n < 0) {
      endOfInput = true;
      return false;
    }
    limit += n;
    return true;
  }

  private static String printable(byte b) {
    return b >= 0x20 && b < 0x7f
        ? String.valueOf((char) b)
        : String.format(java.util.Locale.ROOT, "\\x%02x", b & 0xff);
  }
}
