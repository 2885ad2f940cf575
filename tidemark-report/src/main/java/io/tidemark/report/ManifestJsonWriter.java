package io.tidemark.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tidemark.event.Diagnostic;
import io.tidemark.sigma.RuleProblem;
import io.tidemark.source.FileRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Writes {@code manifest.json}: the run's chain-of-custody record. */
public final class ManifestJsonWriter {
  private ManifestJsonWriter() {}

  public static void write(Manifest m, OutputStream out) throws IOException {
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", "tidemark");
      g.writeStringField("version", m.toolVersion());
      g.writeEndObject();
      Json.writeStrings(g, "command", m.command());
      Json.writeInstant(g, "started", m.started());
      Json.writeInstant(g, "finished", m.finished());
      g.writeNumberField("duration_ms", Duration.between(m.started(), m.finished()).toMillis());

      g.writeObjectFieldStart("rules");
      g.writeStringField("source", m.rules());
      g.writeStringField("sha256", m.rulesFingerprint());
      g.writeNumberField("loaded", m.ruleCount());
      g.writeArrayFieldStart("problems");
      for (RuleProblem p : m.ruleProblems()) {
        g.writeStartObject();
        g.writeStringField("path", p.location().path());
        g.writeNumberField("line", p.location().line());
        g.writeNumberField("column", p.location().column());
        if (p.ruleId() != null) {
          g.writeStringField("rule_id", p.ruleId());
        }
        g.writeStringField("reason", p.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();

      long bytes = 0;
      long records = 0;
      long skipped = 0;
      for (FileRecord f : m.inputs()) {
        if (!f.path().contains("!/")) {
          bytes += f.size();
        }
        records += f.recordsRead();
        skipped += f.recordsSkipped();
      }
      g.writeObjectFieldStart("totals");
      g.writeNumberField("inputs", m.inputs().size());
      g.writeNumberField("bytes", bytes);
      g.writeNumberField("records_read", records);
      g.writeNumberField("records_skipped", skipped);
      g.writeEndObject();

      writeFiles(g, "outputs", m.outputs());
      writeFiles(g, "references", m.references());

      g.writeArrayFieldStart("inputs");
      for (FileRecord f : m.inputs()) {
        writeInput(g, f);
      }
      g.writeEndArray();

      g.writeArrayFieldStart("diagnostics");
      for (Diagnostic d : m.diagnostics()) {
        g.writeStartObject();
        g.writeStringField("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("code", d.code());
        g.writeStringField("source", d.source());
        if (d.line() >= 0) {
          g.writeNumberField("line", d.line());
        }
        if (d.offset() >= 0) {
          g.writeNumberField("offset", d.offset());
        }
        g.writeStringField("message", d.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void writeFiles(JsonGenerator g, String key, List<Manifest.Output> files)
      throws IOException {
    g.writeArrayFieldStart(key);
    for (Manifest.Output o : files) {
      g.writeStartObject();
      g.writeStringField("name", o.name());
      g.writeNumberField("size", o.size());
      g.writeStringField("sha256", o.sha256());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeInput(JsonGenerator g, FileRecord f) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", f.path());
    if (f.host() != null) {
      g.writeStringField("host", f.host());
    }
    g.writeNumberField("size", f.size());
    if (f.sha256() == null) {
      g.writeNullField("sha256");
    } else {
      g.writeStringField("sha256", f.sha256());
    }
    Json.writeInstant(g, "modified", f.modified());
    g.writeStringField("format", f.format());
    if (f.logType() == null) {
      g.writeNullField("log_type");
    } else {
      g.writeStringField("log_type", f.logType().id());
    }
    g.writeNumberField("records_read", f.recordsRead());
    g.writeNumberField("records_skipped", f.recordsSkipped());
    g.writeObjectFieldStart("skipped_by_reason");
    for (Map.Entry<String, Long> e : f.skippedByReason().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    Json.writeStrings(g, "notes", f.notes());
    g.writeEndObject();
  }
}
