package io.tidemark.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.tidemark.event.Event;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The {@code dump} format: one normalised event per line, {@code {"source", "record_id",
 * "timestamp", "log_type", "host", "event": {fields}}}. Fields are nested so a log field called
 * {@code source} (message tracking has one) cannot collide with ours.
 */
public final class EventJsonLinesWriter implements Closeable {
  private final JsonGenerator g;

  public EventJsonLinesWriter(OutputStream out) throws IOException {
    this.g = Json.FACTORY.createGenerator(out);
    g.setPrettyPrinter(new MinimalPrettyPrinter(""));
  }

  public void write(Event event) throws IOException {
    g.writeStartObject();
    g.writeStringField("source", event.source().path());
    g.writeNumberField("record_id", event.recordId());
    Json.writeInstant(g, "timestamp", event.timestamp());
    g.writeStringField("log_type", event.source().logType().id());
    if (event.source().host() != null) {
      g.writeStringField("host", event.source().host());
    }
    if (event.source().protocol() != null) {
      g.writeStringField("protocol", event.source().protocol());
    }
    g.writeObjectFieldStart("event");
    for (String name : event.fieldNames()) {
      g.writeFieldName(name);
      List<String> values = event.getAll(name);
      if (values.size() > 1) {
        g.writeStartArray();
        for (String v : values) {
          g.writeString(v);
        }
        g.writeEndArray();
      } else {
        String value = event.get(name);
        if (value == null) {
          g.writeNull();
        } else {
          g.writeString(value);
        }
      }
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeRaw('\n');
  }

  public void flush() throws IOException {
    g.flush();
  }

  @Override
  public void close() throws IOException {
    g.close();
  }
}
