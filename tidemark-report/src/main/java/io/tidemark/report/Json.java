package io.tidemark.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tidemark.engine.Detection;
import io.tidemark.engine.EvidenceRef;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Shared JSON pieces, written with Jackson's streaming generator (no object tree per record). */
final class Json {
  static final JsonFactory FACTORY = JsonFactory.builder().build();

  private Json() {}

  static void writeDetectionFields(JsonGenerator g, Detection d) throws IOException {
    g.writeStringField("rule_id", d.rule().id());
    g.writeStringField("rule_title", d.rule().title());
    g.writeStringField("level", d.rule().level());
    g.writeStringField("status", d.rule().status());
    writeStrings(g, "authors", d.rule().authors());
    writeStrings(g, "tags", d.rule().tags());
    writeInstant(g, "timestamp", d.timestamp());
    g.writeStringField("source", d.source());
    g.writeNumberField("record_id", d.recordId());
    if (d.host() != null) {
      g.writeStringField("host", d.host());
    }
    g.writeStringField("log_type", d.logType().id());
    g.writeFieldName("event");
    writeFields(g, d.event());
    if (d.isCorrelation()) {
      g.writeStringField("kind", "correlation");
      g.writeFieldName("group");
      g.writeStartObject();
      for (Map.Entry<String, String> e : d.group().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("evidence");
      for (EvidenceRef ref : d.evidence()) {
        writeRef(g, ref);
      }
      g.writeEndArray();
    }
  }

  static void writeRef(JsonGenerator g, EvidenceRef ref) throws IOException {
    g.writeStartObject();
    g.writeStringField("source", ref.source());
    g.writeNumberField("record_id", ref.recordId());
    writeInstant(g, "timestamp", ref.timestamp());
    g.writeEndObject();
  }

  static void writeFields(JsonGenerator g, Map<String, ?> fields) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      g.writeFieldName(e.getKey());
      writeValue(g, e.getValue());
    }
    g.writeEndObject();
  }

  static void writeValue(JsonGenerator g, @Nullable Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        writeValue(g, item);
      }
      g.writeEndArray();
    } else {
      g.writeString(value.toString());
    }
  }

  static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  static void writeInstant(JsonGenerator g, String name, @Nullable Instant time) throws IOException {
    if (time == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, time.toString());
    }
  }
}
