package io.tidemark.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the timeline twice: {@code timeline.jsonl} for Timesketch's JSONL importer (which
 * requires {@code message}, {@code datetime} and {@code timestamp_desc}) and {@code timeline.csv}
 * in the column layout of Hayabusa's CSV timelines, so responders can load either into the tools
 * they already use.
 */
final class TimelineWriter {
  static final List<String> CSV_COLUMNS = List.of("Timestamp", "RuleTitle", "Level", "Computer",
      "Channel", "EventID", "RecordID", "Details", "Source", "RuleID", "Kind");

  private static final DateTimeFormatter HAYABUSA_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx", Locale.ROOT).withZone(ZoneOffset.UTC);

  private TimelineWriter() {}

  /**
   * One JSON object per timestamped entry. Entries without a time are left out: Timesketch rejects
   * lines without {@code datetime}; they stay in the CSV and in detections.jsonl.
   */
  static void writeJsonl(ReportData data, OutputStream out) throws IOException {
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.setRootValueSeparator(null);
      for (TimelineEntry e : data.timeline()) {
        if (e.time() == null) {
          continue;
        }
        g.writeStartObject();
        g.writeStringField("message", e.message());
        g.writeStringField("datetime", e.time().toString());
        g.writeNumberField("timestamp", micros(e.time()));
        g.writeStringField("timestamp_desc", e.timestampDesc());
        g.writeStringField("kind", e.kind());
        g.writeStringField("host", e.host());
        g.writeStringField("source", e.source());
        g.writeNumberField("record_id", e.recordId());
        g.writeStringField("rule", e.ruleTitle());
        g.writeStringField("rule_id", e.ruleId());
        g.writeStringField("level", e.level());
        g.writeStringField("channel", e.channel());
        if (!e.eventId().isEmpty()) {
          g.writeStringField("event_id", e.eventId());
        }
        // Flat, prefixed keys: Timesketch indexes into OpenSearch, where a dotted key becomes an
        // object path and one key with two shapes across lines makes whole lines fail to index.
        java.util.Set<String> written = new java.util.HashSet<>(java.util.List.of("event_id"));
        for (Map.Entry<String, Object> f : e.fields().entrySet()) {
          String key = "event_" + f.getKey().replaceAll("[^A-Za-z0-9_-]", "_");
          if (written.add(key)) {
            g.writeFieldName(key);
            Json.writeValue(g, f.getValue());
          }
        }
        g.writeEndObject();
        g.writeRaw('\n');
      }
    }
  }

  /** Hayabusa-style CSV: one row per entry, earliest first, undated rows last. */
  static void writeCsv(ReportData data, OutputStream stream) throws IOException {
    Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    row(out, CSV_COLUMNS);
    for (TimelineEntry e : data.timeline()) {
      row(out, List.of(
          e.time() == null ? "" : HAYABUSA_TIME.format(e.time()),
          e.ruleTitle(),
          hayabusaLevel(e.level()),
          e.host(),
          e.channel(),
          e.eventId(),
          e.recordId() == 0 && e.source().isEmpty() ? "" : Long.toString(e.recordId()),
          details(e.fields()),
          e.source(),
          e.ruleId(),
          e.kind()));
    }
    out.flush();
  }

  /** Hayabusa's short level names. */
  static String hayabusaLevel(String level) {
    switch (level.toLowerCase(Locale.ROOT)) {
      case "critical":
        return "crit";
      case "high":
        return "high";
      case "medium":
        return "med";
      case "low":
        return "low";
      case "informational":
        return "info";
      default:
        return level;
    }
  }

  /** {@code Name: value ¦ Name: value}, Hayabusa's Details form; newlines flattened. */
  static String details(Map<String, Object> fields) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Object> f : fields.entrySet()) {
      Object value = f.getValue();
      String v = value instanceof List<?> list ? joined(list) : value == null ? "" : value.toString();
      if (v.isEmpty()) {
        continue;
      }
      if (text.length() > 0) {
        text.append(" ¦ ");
      }
      text.append(f.getKey()).append(": ").append(v.replace('\r', ' ').replace('\n', ' '));
    }
    return text.toString();
  }

  private static String joined(List<?> list) {
    StringBuilder out = new StringBuilder();
    for (Object o : list) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(o);
    }
    return out.toString();
  }

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  private static void row(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(CsvDetectionWriter.quote(cells.get(i)));
    }
    out.write("\r\n");
  }
}
