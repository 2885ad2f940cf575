package io.tidemark.source.ual;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cuts an RFC 4180 CSV byte stream into rows: quoted cells may hold commas, doubled quotes and
 * line breaks (an AuditData cell is a whole JSON document). Delimiters are ASCII, so UTF-8 is
 * split as bytes and decoded per cell. A row longer than the limit is skipped to its end without
 * being kept, so a hostile cell cannot exhaust memory. Not thread-safe.
 */
public final class CsvRecords {
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final int maxRowBytes;
  private final byte[] buffer = new byte[BUFFER];
  private int position;
  private int limit;
  private long bufferOffset;
  private long line = 1;
  private boolean started;

  /**
   * One row.
   *
   * @param cells the decoded cells, or empty when the row was too long
   * @param line the 1-based line the row starts on
   * @param offset the byte offset where it starts
   * @param tooLong whether it exceeded the limit and was skipped
   */
  public record Row(List<String> cells, long line, long offset, boolean tooLong) {
    public Row {
      cells = List.copyOf(cells);
    }
  }

  public CsvRecords(InputStream in, int maxRowBytes) {
    this.in = in;
    this.maxRowBytes = maxRowBytes;
  }

  /** The next non-blank row, or null at the end of the input. */
  public @Nullable Row next() throws IOException {
    if (!started) {
      started = true;
      skipBom();
    }
    while (true) {
      int b = peek();
      if (b < 0) {
        return null;
      }
      if (b == '\n' || b == '\r') {
        consumeLineEnd();
        continue;
      }
      return row();
    }
  }

  private Row row() throws IOException {
    long startLine = line;
    long startOffset = bufferOffset + position;
    List<String> cells = new ArrayList<>();
    ByteArrayOutputStream cell = new ByteArrayOutputStream(256);
    boolean quoted = false;
    boolean atCellStart = true;
    long size = 0;
    boolean tooLong = false;
    while (true) {
      int b = read();
      if (b < 0) {
        break;
      }
      if (++size > maxRowBytes && !tooLong) {
        tooLong = true;
        cell = new ByteArrayOutputStream(0);
        cells.clear();
      }
      if (quoted) {
        if (b == '"') {
          if (peek() == '"') {
            read();
            append(cell, '"', tooLong);
          } else {
            quoted = false;
          }
        } else {
          if (b == '\n') {
            line++;
          }
          append(cell, b, tooLong);
        }
        continue;
      }
      if (b == '"' && atCellStart) {
        quoted = true;
        atCellStart = false;
      } else if (b == ',') {
        if (!tooLong) {
          cells.add(decode(cell));
        }
        cell.reset();
        atCellStart = true;
      } else if (b == '\n' || b == '\r') {
        if (b == '\r' && peek() == '\n') {
          read();
        }
        line++;
        break;
      } else {
        append(cell, b, tooLong);
        atCellStart = false;
      }
    }
    if (tooLong) {
      return new Row(List.of(), startLine, startOffset, true);
    }
    cells.add(decode(cell));
    return new Row(cells, startLine, startOffset, false);
  }

  private static void append(ByteArrayOutputStream cell, int b, boolean tooLong) {
    if (!tooLong) {
      cell.write(b);
    }
  }

  private static String decode(ByteArrayOutputStream cell) {
    return cell.toString(StandardCharsets.UTF_8);
  }

  private void skipBom() throws IOException {
    if (fill(3) && (buffer[position] & 0xff) == 0xEF && (buffer[position + 1] & 0xff) == 0xBB
        && (buffer[position + 2] & 0xff) == 0xBF) {
      position += 3;
    }
  }

  private void consumeLineEnd() throws IOException {
    int b = read();
    if (b == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int peek() throws IOException {
    return fill(1) ? buffer[position] & 0xff : -1;
  }

  private int read() throws IOException {
    return fill(1) ? buffer[position++] & 0xff : -1;
  }

  /** Makes at least {@code n} (at most 3) unread bytes available if the input has them. */
  private boolean fill(int n) throws IOException {
    while (limit - position < n) {
      if (position > 0) {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        bufferOffset += position;
        limit -= position;
        position = 0;
      }
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        return false;
      }
      limit += read;
    }
    return true;
  }
}
