package io.tidemark.report;

import io.tidemark.engine.Detection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Detections as a fixed-width table, streamed (no second pass to size columns, so memory stays
 * bounded however many detections there are).
 */
final class TableDetectionWriter implements DetectionWriter {
  private static final String ROW = "%-24s  %-8s  %-52s  %s%n";
  private final Writer out;
  private long rows;

  TableDetectionWriter(OutputStream stream) {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
  }

  @Override
  public void write(Detection d) throws IOException {
    if (rows++ == 0) {
      out.write(String.format(Locale.ROOT, ROW, "timestamp (UTC)", "level", "rule", "where"));
    }
    String where = d.source() + ":" + d.recordId();
    out.write(String.format(Locale.ROOT, ROW,
        d.timestamp() == null ? "-" : d.timestamp().toString(),
        d.rule().level(),
        Terminal.safe(d.rule().title(), 52),
        Terminal.safe(where, 200)));
    String details = CsvDetectionWriter.details(d.event());
    if (!details.isEmpty()) {
      out.write("    " + Terminal.safe(details, 160) + System.lineSeparator());
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (rows == 0) {
      out.write("no detections" + System.lineSeparator());
    }
    out.close();
  }
}
