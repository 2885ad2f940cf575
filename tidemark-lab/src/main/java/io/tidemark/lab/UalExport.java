package io.tidemark.lab;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes Unified Audit Log records as the two exports investigators get: Purview's audit search
 * CSV ({@code RecordId,CreationDate,RecordType,Operation,UserId,AuditData,...}, AuditData as a
 * JSON string with its quotes doubled) and {@code Search-UnifiedAuditLog | ConvertTo-Json}
 * (an array of the cmdlet's objects, AuditData again a JSON string). A record is its AuditData:
 * an ordered map of strings, numbers, booleans, nulls, lists and maps, in Microsoft's names.
 */
final class UalExport {
  static final String PURVIEW_HEADER = "RecordId,CreationDate,RecordType,Operation,UserId,"
      + "AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames";
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final DateTimeFormatter CREATION_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter PURVIEW_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.0000000Z'").withZone(ZoneOffset.UTC);
  private static final Map<String, Kind> OPERATIONS = loadOperations();

  private record Kind(int recordType, String workload) {}

  private UalExport() {}

  /** AuditData's {@code CreationTime}: UTC, whole seconds, no zone. */
  static String creationTime(long ms) {
    return CREATION_TIME.format(Instant.ofEpochMilli(ms));
  }

  /** Purview's CSV export, CRLF line ends as the portal writes them. */
  static String purviewCsv(List<? extends Map<String, ?>> records) {
    StringBuilder out = new StringBuilder(PURVIEW_HEADER).append("\r\n");
    for (Map<String, ?> record : records) {
      out.append(csvCell(string(record, "Id"))).append(',');
      out.append('"').append(PURVIEW_DATE.format(time(record))).append(" \",");
      out.append(string(record, "RecordType")).append(',');
      out.append(csvCell(string(record, "Operation"))).append(',');
      out.append(csvCell(string(record, "UserId"))).append(',');
      out.append('"').append(json(record, false).replace("\"", "\"\"")).append("\",,\r\n");
    }
    return out.toString();
  }

  /** {@code Search-UnifiedAuditLog ... | ConvertTo-Json} in PowerShell 7. */
  static String powerShellJson(List<? extends Map<String, ?>> records) {
    StringWriter out = new StringWriter(records.size() * 1024 + 16);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      g.writeStartArray();
      int index = 0;
      for (Map<String, ?> record : records) {
        index++;
        g.writeStartObject();
        g.writeFieldName("RecordType");
        g.writeNumber(Integer.parseInt(string(record, "RecordType")));
        g.writeStringField("CreationDate", CREATION_TIME.format(time(record)));
        g.writeStringField("UserIds", string(record, "UserId"));
        g.writeStringField("Operations", string(record, "Operation"));
        g.writeStringField("AuditData", json(record, false));
        g.writeNumberField("ResultIndex", index);
        g.writeNumberField("ResultCount", records.size());
        g.writeStringField("Identity", string(record, "Id"));
        g.writeBooleanField("IsValid", true);
        g.writeStringField("ObjectState", "Unchanged");
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.toString() + "\n";
  }

  /**
   * A record with what Microsoft always writes filled in when left out: CreationTime (the fallback
   * time), Id, RecordType and Workload (from the operation), ResultStatus.
   */
  static Map<String, Object> complete(Map<String, ?> record, long fallbackMs, String id) {
    Map<String, Object> full = new LinkedHashMap<>();
    Object time = record.get("CreationTime");
    full.put("CreationTime", time == null ? creationTime(fallbackMs) : time instanceof Instant i
        ? creationTime(i.toEpochMilli()) : time.toString());
    full.put("Id", record.containsKey("Id") ? record.get("Id") : id);
    String operation = record.containsKey("Operation") ? String.valueOf(record.get("Operation"))
        : "MailItemsAccessed";
    full.put("Operation", operation);
    Kind kind = OPERATIONS.getOrDefault(operation, new Kind(1, "Exchange"));
    full.put("RecordType", record.containsKey("RecordType") ? record.get("RecordType")
        : kind.recordType());
    full.put("ResultStatus", kind.recordType() == 15 ? "Success" : "Succeeded");
    full.put("Workload", kind.workload());
    for (Map.Entry<String, ?> e : record.entrySet()) {
      full.put(e.getKey(), e.getValue() instanceof Instant i ? creationTime(i.toEpochMilli())
          : e.getValue());
    }
    return full;
  }

  /** The AuditData JSON of one record, compact as the service writes it. */
  static String json(Map<String, ?> record, boolean pretty) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      value(g, record);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.toString();
  }

  private static void value(JsonGenerator g, @Nullable Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof Integer || value instanceof Long) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeString(value.toString());
    }
  }

  private static Instant time(Map<String, ?> record) {
    Object time = record.get("CreationTime");
    if (time instanceof Instant i) {
      return i;
    }
    return LocalDateTime.parse(String.valueOf(time)).toInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.SECONDS);
  }

  private static String string(Map<String, ?> record, String key) {
    Object value = record.get(key);
    return value == null ? "" : value.toString();
  }

  private static String csvCell(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
        || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static Map<String, Kind> loadOperations() {
    Map<String, Kind> kinds = new HashMap<>();
    InputStream in = UalExport.class.getResourceAsStream("ual-operations.tsv");
    if (in == null) {
      throw new IllegalStateException("resource ual-operations.tsv is missing from the classpath");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        if (cells.length != 3) {
          throw new IllegalStateException("ual-operations.tsv: row '" + line
              + "' needs 3 tab-separated cells (operation, record type, workload)");
        }
        kinds.put(cells[0], new Kind(Integer.parseInt(cells[1]), cells[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ual-operations.tsv", e);
    }
    return Map.copyOf(kinds);
  }
}
