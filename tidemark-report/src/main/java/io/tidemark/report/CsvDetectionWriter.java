package io.tidemark.report;

import io.tidemark.engine.Detection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Detections as RFC 4180 CSV, one row per detection. The {@code event} column holds the event's
 * fields as {@code name=value} pairs separated by {@code " | "}, the way Hayabusa's timelines show
 * details.
 */
final class CsvDetectionWriter implements DetectionWriter {
  static final List<String> COLUMNS =
      List.of("timestamp", "level", "rule_title", "rule_id", "host", "source", "record_id",
          "authors", "tags", "event");

  private final Writer out;

  CsvDetectionWriter(OutputStream stream) {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    try {
      writeRow(COLUMNS);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void write(Detection d) throws IOException {
    writeRow(List.of(
        d.timestamp() == null ? "" : d.timestamp().toString(),
        d.rule().level(),
        d.rule().title(),
        d.rule().id(),
        d.host() == null ? "" : d.host(),
        d.source(),
        Long.toString(d.recordId()),
        String.join(", ", d.rule().authors()),
        String.join(", ", d.rule().tags()),
        details(d.event())));
  }

  static String details(Map<String, Object> event) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Object> e : event.entrySet()) {
      Object value = e.getValue();
      if (value == null || value.toString().isEmpty()) {
        continue;
      }
      if (text.length() > 0) {
        text.append(" | ");
      }
      text.append(e.getKey()).append('=').append(value);
    }
    return text.toString();
  }

  private void writeRow(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells.get(i)));
    }
    out.write("\r\n");
  }

  /**
   * Quotes a cell per RFC 4180, and defuses spreadsheet formulas: a cell an attacker made start
   * with {@code = + - @} (or a tab or carriage return) gets a leading apostrophe (OWASP "CSV
   * injection").
   */
  static String quote(String cell) {
    String value = cell;
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      value = "'" + value;
    }
    boolean needsQuotes = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        needsQuotes = true;
        break;
      }
    }
    return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
