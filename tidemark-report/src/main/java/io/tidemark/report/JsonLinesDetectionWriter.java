package io.tidemark.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.tidemark.engine.Detection;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The {@code hunt} contract: one JSON object per line with {@code rule_id, rule_title, level,
 * authors, tags, timestamp, source, record_id, event}, plus {@code status, host, log_type}, and for
 * correlations {@code kind, group, evidence}.
 */
final class JsonLinesDetectionWriter implements DetectionWriter {
  private final JsonGenerator generator;

  JsonLinesDetectionWriter(OutputStream out) {
    try {
      this.generator = Json.FACTORY.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // No whitespace between root values: each write ends its own line.
    generator.setPrettyPrinter(new MinimalPrettyPrinter(""));
  }

  @Override
  public void write(Detection detection) throws IOException {
    generator.writeStartObject();
    Json.writeDetectionFields(generator, detection);
    generator.writeEndObject();
    generator.writeRaw('\n');
  }

  @Override
  public void flush() throws IOException {
    generator.flush();
  }

  @Override
  public void close() throws IOException {
    generator.close();
  }
}
