package io.tidemark.source.winevent;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.Events;
import io.tidemark.event.SourceFile;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Maps one Windows event, written as JSON by any supported exporter, onto Sigma's field names. */
public final class WindowsEventJson {
  private static final List<ExportShape> SHAPES = List.of(
      new EvtxDumpShape(), new WinlogbeatShape(), new SentinelShape(), new GetWinEventShape(),
      new FlatShape());
  private static final int MAX_TIME_LENGTH = 64;

  private WindowsEventJson() {}

  /** Whether a JSON record is a Windows event in one of the supported export shapes. */
  public static boolean isWindowsEvent(JsonNode record) {
    return shapeOf(record) != null;
  }

  /**
   * The event for one JSON record, or null when the record is in no known shape (reported as a
   * skipped record).
   *
   * @param index the record's 1-based position in its file, its id when it carries no
   *     EventRecordID
   * @param offset byte offset of the record in its file, or -1
   */
  public static @Nullable Event toEvent(
      JsonNode record, SourceFile source, long index, long offset, DiagnosticSink diagnostics) {
    requireNonNull(record, "record");
    requireNonNull(source, "source");
    ExportShape shape = shapeOf(record);
    if (shape == null) {
      diagnostics.report(Diagnostic.skipped("unknown-json-shape",
          "JSON record is not a Windows event in a known export shape (evtx_dump, Winlogbeat, "
              + "Sentinel, Get-WinEvent, flat)", source.path(), index, offset));
      return null;
    }
    EventFields fields = new EventFields();
    shape.map(record, fields);
    fields.forEachWarning((code, message) -> diagnostics.report(
        Diagnostic.warning(code, message, source.path(), index, offset)));
    Instant timestamp = null;
    Object timeCreated = fields.get("TimeCreated");
    if (timeCreated instanceof String text) {
      timestamp = parseTime(text);
      if (timestamp == null) {
        diagnostics.report(Diagnostic.warning("bad-timestamp",
            "unreadable TimeCreated '" + clip(text) + "' in " + shape.id()
                + " record; kept without a time", source.path(), index, offset));
      }
    }
    Map<String, @Nullable Object> built = fields.build();
    return Events.of(source, recordId(built.get("EventRecordID"), index), offset, timestamp, built);
  }

  private static @Nullable ExportShape shapeOf(JsonNode record) {
    if (!record.isObject()) {
      return null;
    }
    for (ExportShape shape : SHAPES) {
      if (shape.matches(record)) {
        return shape;
      }
    }
    return null;
  }

  private static long recordId(@Nullable Object value, long index) {
    if (value instanceof String text && !text.isEmpty() && text.length() < 20) {
      try {
        long id = Long.parseLong(text);
        return id > 0 ? id : index;
      } catch (NumberFormatException e) {
        return index;
      }
    }
    return index;
  }

  /** ISO-8601 with offset, evtx_dump's older {@code 2021-03-03 01:12:09 UTC}, or naive UTC. */
  static @Nullable Instant parseTime(String text) {
    if (text.length() > MAX_TIME_LENGTH) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    String naive = text.endsWith(" UTC") ? text.substring(0, text.length() - 4) : text;
    try {
      return LocalDateTime.parse(naive.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String clip(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
