package io.tidemark.source.ual;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.Events;
import io.tidemark.event.SourceFile;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft 365 Unified Audit Log records as the exports write them: Search-UnifiedAuditLog
 * objects (ConvertTo-Json or Export-Csv, AuditData as a JSON string beside CreationDate, UserIds,
 * Operations, ResultIndex, ...), Purview's CSV ({@code RecordId,CreationDate,RecordType,
 * Operation,UserId,AuditData,...}) and JSON, and bare AuditData objects (Management Activity
 * API, DFIR-O365RC). Field names are documented in {@code docs/formats-ual.md}.
 */
public final class UnifiedAuditLog {
  /** The normalised client address, from ClientIPAddress, ClientIP or ActorIpAddress. */
  public static final String CLIENT_IP = "Tidemark_ClientIP";
  /** The port that came with the client address, when there was one. */
  public static final String CLIENT_PORT = "Tidemark_ClientPort";

  private static final int MAX_REASON = 120;
  private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern(
      "M/d/yyyy h:mm:ss a", Locale.US);

  private UnifiedAuditLog() {}

  /** One record, read or rejected. */
  public sealed interface Mapped permits Accepted, Rejected {}

  /**
   * A record that became an event.
   *
   * @param id the record's Id (the key Microsoft's guidance deduplicates on), or null
   * @param throttled whether it is a MailItemsAccessed record marked {@code IsThrottled=True}
   */
  public record Accepted(Event event, @Nullable String id, boolean throttled) implements Mapped {
    public Accepted {
      requireNonNull(event, "event");
    }
  }

  /** A record that was skipped; the reason was reported. */
  public record Rejected(String code) implements Mapped {
    public Rejected {
      requireNonNull(code, "code");
    }
  }

  /**
   * Whether a JSON object is a UAL record: an export object holding AuditData, or an AuditData
   * object itself (Operation and RecordType plus Workload or CreationTime).
   */
  public static boolean isRecord(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    if (node.has("AuditData")
        && (node.has("Operations") || node.has("Operation") || node.has("CreationDate"))) {
      return true;
    }
    return node.has("Operation") && node.has("RecordType")
        && (node.has("Workload") || node.has("CreationTime"));
  }

  /** For a head too short to hold a whole first record: the names UAL JSON always carries. */
  public static boolean looksLikeRecordText(String text) {
    return text.contains("\"AuditData\"") || (text.contains("\"Operation\"")
        && text.contains("\"RecordType\"") && text.contains("\"Workload\""));
  }

  /** Whether a CSV header line is a UAL export's: quoted or not, with AuditData and a date. */
  public static boolean isCsvHeader(@Nullable String line) {
    if (line == null || line.indexOf(',') < 0) {
      return false;
    }
    boolean auditData = false;
    boolean date = false;
    for (String cell : line.split(",", -1)) {
      String name = unquote(cell.strip());
      auditData |= name.equals("AuditData");
      date |= name.equals("CreationDate") || name.equals("CreationTime");
    }
    return auditData && date;
  }

  /** A header cell without its quotes. */
  static String unquote(String cell) {
    return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
        ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
  }

  /**
   * The record for one JSON object of a UAL export.
   *
   * @param number the record's 1-based position in its file, its record id
   * @param offset its byte offset, or -1
   */
  public static Mapped fromJson(JsonNode node, ObjectMapper mapper, SourceFile source,
      long number, long offset, DiagnosticSink diagnostics) {
    if (!isRecord(node)) {
      return reject(diagnostics, "not-ual-record",
          "JSON object is not a Unified Audit Log record (no AuditData, Operation or RecordType)",
          source, number, offset);
    }
    JsonNode auditData = node;
    Map<String, @Nullable String> envelope = new LinkedHashMap<>();
    if (node.has("AuditData")) {
      Iterator<Map.Entry<String, JsonNode>> members = node.fields();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> m = members.next();
        JsonNode v = m.getValue();
        if (!m.getKey().equals("AuditData") && v.isValueNode()) {
          envelope.put(m.getKey(), v.isNull() ? null : v.asText());
        }
      }
      JsonNode inner = node.get("AuditData");
      if (inner.isTextual()) {
        Object parsed = parse(inner.asText(), mapper, source, number, offset, diagnostics);
        if (parsed instanceof Rejected rejected) {
          return rejected;
        }
        auditData = (JsonNode) parsed;
      } else if (inner.isObject()) {
        auditData = inner;
      } else {
        return reject(diagnostics, "bad-auditdata", "AuditData is neither a JSON object nor a "
            + "string holding one", source, number, offset);
      }
    }
    return map(envelope, auditData, source, number, number, offset, diagnostics);
  }

  /**
   * The record for one CSV row of a UAL export.
   *
   * @param header the column names, unquoted
   * @param values the row's cells, as many as the header has
   * @param number the row's 1-based position among the file's records, its record id
   * @param line the line the row starts on, which diagnostics name
   */
  public static Mapped fromCsv(List<String> header, List<String> values, ObjectMapper mapper,
      SourceFile source, long number, long line, long offset, DiagnosticSink diagnostics) {
    Map<String, @Nullable String> envelope = new LinkedHashMap<>();
    String auditText = null;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equals("AuditData")) {
        auditText = values.get(i);
      } else {
        envelope.put(header.get(i), values.get(i));
      }
    }
    if (auditText == null || auditText.isBlank()) {
      return reject(diagnostics, "bad-auditdata", "AuditData is empty", source, line, offset);
    }
    Object parsed = parse(auditText, mapper, source, line, offset, diagnostics);
    if (parsed instanceof Rejected rejected) {
      return rejected;
    }
    return map(envelope, (JsonNode) parsed, source, number, line, offset, diagnostics);
  }

  private static Object parse(String text, ObjectMapper mapper, SourceFile source, long number,
      long offset, DiagnosticSink diagnostics) {
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || !node.isObject()) {
        return reject(diagnostics, "bad-auditdata", "AuditData does not hold a JSON object",
            source, number, offset);
      }
      return node;
    } catch (JsonProcessingException e) {
      return reject(diagnostics, "bad-auditdata",
          "AuditData is not valid JSON: " + clip(e.getOriginalMessage()), source, number, offset);
    }
  }

  private static Mapped map(Map<String, @Nullable String> envelope, JsonNode auditData,
      SourceFile source, long number, long line, long offset, DiagnosticSink diagnostics) {
    UalFieldMap fieldMap = UalFieldMap.DEFAULT;
    AuditDataFlattener flattener = new AuditDataFlattener(fieldMap);
    Map<String, @Nullable Object> fields = flattener.flatten(auditData);
    for (Map.Entry<String, @Nullable String> e : envelope.entrySet()) {
      String field = fieldMap.envelopeField(e.getKey());
      if (field != null && !fields.containsKey(field) && e.getValue() != null
          && !e.getValue().isEmpty()) {
        String value = e.getValue();
        fields.put(field, value.length() > AuditDataFlattener.MAX_VALUE_CHARS
            ? value.substring(0, AuditDataFlattener.MAX_VALUE_CHARS) : value);
      }
    }
    clientAddress(fields, fieldMap);
    if (flattener.truncated()) {
      diagnostics.report(Diagnostic.warning("field-truncated", "record has values, fields or "
          + "names beyond Tidemark's caps (" + AuditDataFlattener.MAX_VALUE_CHARS + " characters, "
          + AuditDataFlattener.MAX_VALUES_PER_FIELD + " values, " + AuditDataFlattener.MAX_FIELDS
          + " fields); kept, cut to fit", source.path(), line, offset));
    }
    Instant time = time(text(fields, "CreationTime"));
    if (time == null) {
      time = time(envelope.get("CreationDate"));
    }
    if (time == null) {
      diagnostics.report(Diagnostic.warning("no-timestamp", "record has no readable CreationTime "
          + "or CreationDate; kept without a time", source.path(), line, offset));
    }
    String id = text(fields, "Id");
    boolean throttled = "MailItemsAccessed".equals(text(fields, "Operation"))
        && "true".equalsIgnoreCase(text(fields, "IsThrottled"));
    return new Accepted(Events.of(source, number, offset, time, fields), id, throttled);
  }

  /** Adds the address without its port, so one value matches across record types. */
  private static void clientAddress(Map<String, @Nullable Object> fields, UalFieldMap fieldMap) {
    for (String name : fieldMap.clientIpFields()) {
      String raw = text(fields, name);
      if (raw == null || raw.isBlank()) {
        continue;
      }
      ClientAddress address = ClientAddress.parse(raw.strip());
      if (address != null) {
        fields.put(CLIENT_IP, address.ip());
        if (address.port() != null) {
          fields.put(CLIENT_PORT, address.port());
        }
      }
      return;
    }
  }

  private static @Nullable String text(Map<String, @Nullable Object> fields, String name) {
    Object value = fields.get(name);
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof List<?> list && !list.isEmpty()) {
      return String.valueOf(list.get(0));
    }
    return null;
  }

  /**
   * A UAL time: AuditData's CreationTime is UTC without a zone ({@code 2021-03-03T01:12:09});
   * export envelopes add fractions and a Z, a trailing space (Purview), PowerShell 5's {@code
   * /Date(ms)/}, or the US short form of Export-Csv ({@code 3/12/2025 7:31:34 AM}, taken as UTC).
   */
  static @Nullable Instant time(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String text = raw.strip();
    if (text.isEmpty() || text.length() > 64) {
      return null;
    }
    if (text.startsWith("/Date(") && text.endsWith(")/")) {
      String digits = text.substring(6, text.length() - 2);
      int zone = Math.max(digits.indexOf('+', 1), digits.indexOf('-', 1));
      try {
        return Instant.ofEpochMilli(Long.parseLong(zone > 0 ? digits.substring(0, zone) : digits));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try {
      if (text.indexOf('T') > 0) {
        char last = text.charAt(text.length() - 1);
        boolean zoned = last == 'Z' || last == 'z' || text.lastIndexOf('+') > 10
            || text.lastIndexOf('-') > 10;
        return zoned ? OffsetDateTime.parse(text).toInstant()
            : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      }
      if (text.indexOf('/') > 0) {
        return LocalDateTime.parse(text.toUpperCase(Locale.ROOT), US_DATE)
            .toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    return null;
  }

  private static Rejected reject(DiagnosticSink diagnostics, String code, String message,
      SourceFile source, long number, long offset) {
    diagnostics.report(Diagnostic.skipped(code, message, source.path(), number, offset));
    return new Rejected(code);
  }

  private static String clip(@Nullable String text) {
    if (text == null) {
      return "";
    }
    return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "..." : text;
  }
}
