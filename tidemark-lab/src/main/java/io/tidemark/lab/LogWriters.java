package io.tidemark.lab;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.LogType;
import io.tidemark.event.TidemarkException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Renders a few records as a complete log file in the real format of a log type, header
 * included, so rule tests read fixtures through the real readers. Each record gives some fields
 * by their real names; every other field gets the format's empty value ({@code -} in W3C, nothing
 * in Exchange CSV, {@code null} in a Windows event).
 *
 * <p>Values may be strings, numbers, booleans, {@link Instant}s (or other date-times, taken as
 * UTC) and null. Format rules applied as the producing software applies them: W3C fields have
 * spaces written as {@code +}; Exchange user agents have commas written as spaces; Exchange CSV
 * files start with a byte-order mark. Extra W3C fields (e.g. {@code cs(Cookie)}) are added to the
 * {@code #Fields} line; unknown Exchange CSV fields are an error. For {@code windows-event}, the
 * System fields use the names of {@code docs/architecture.md} ({@code Provider_Name}, {@code
 * EventID}, {@code TimeCreated}, …), a {@code Data} list becomes the unnamed {@code <Data>}
 * elements, and every other key becomes a named EventData field. For {@code m365-ual}, each
 * record is an AuditData object (nested maps and lists allowed) written as a Purview CSV export.
 */
public final class LogWriters {
  private static final long FALLBACK_DATE = 0L;
  private static final Set<String> SYSTEM_FIELDS = Set.of(
      "Provider_Name", "Provider_Guid", "Provider_EventSourceName", "EventID", "EventID_Qualifiers",
      "Version", "Level", "Task", "Opcode", "Keywords", "TimeCreated", "EventRecordID",
      "Correlation_ActivityID", "Correlation_RelatedActivityID", "Execution_ProcessID",
      "Execution_ThreadID", "Channel", "Computer", "Security_UserID");

  private LogWriters() {}

  /** A complete file in the real format of that log type, header included. */
  public static String render(LogType type, List<? extends Map<String, ?>> records) {
    requireNonNull(type, "type");
    requireNonNull(records, "records");
    return switch (type) {
      case IIS_W3C -> w3c(records);
      case WINDOWS_EVENT -> windows(records);
      case EXCHANGE_ECP_SERVER -> ecp(CsvLayout.ECP_SERVER, records);
      case EXCHANGE_ECP_ACTIVITY -> ecp(CsvLayout.ECP_ACTIVITY, records);
      case EXCHANGE_HTTPPROXY -> csv(CsvLayout.HTTP_PROXY, records);
      case EXCHANGE_EWS -> csv(CsvLayout.EWS, records);
      case EXCHANGE_OAB_GENERATOR -> csv(CsvLayout.OAB_GENERATOR, records);
      case EXCHANGE_MESSAGE_TRACKING -> csv(CsvLayout.MESSAGE_TRACKING, records);
      case EXCHANGE_CMDLET -> csv(CsvLayout.RPS_CMDLET, records);
      case M365_UAL -> ual(records);
    };
  }

  /** A Purview CSV export; each record is an AuditData object (see {@link UalExport#complete}). */
  private static String ual(List<? extends Map<String, ?>> records) {
    List<Map<String, Object>> full = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      full.add(UalExport.complete(requireNonNull(records.get(i), "record"), FALLBACK_DATE,
          String.format(java.util.Locale.ROOT, "00000000-0000-4000-8000-%012d", i + 1)));
    }
    return UalExport.purviewCsv(full);
  }

  private static String csv(CsvLayout layout, List<? extends Map<String, ?>> records) {
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Map<String, ?> record = requireNonNull(records.get(i), "record");
      String[] values = new String[layout.size()];
      Arrays.fill(values, "");
      for (Map.Entry<String, ?> e : record.entrySet()) {
        int column = layout.columnOrMinusOne(e.getKey());
        if (column < 0) {
          throw new TidemarkException("field '" + e.getKey() + "' is not a column of "
              + layout.logType() + "; its columns are " + String.join(",", layout.fields()),
              "record " + (i + 1));
        }
        values[column] = text(e.getValue(), e.getKey(), i);
      }
      sanitiseUserAgent(layout, values);
      rows.add(values);
    }
    long date = rows.isEmpty() ? FALLBACK_DATE : parseInstant(rows.get(0)[0]);
    StringBuilder sb = new StringBuilder(layout.header(buildFor(date).versionText(), date));
    for (String[] row : rows) {
      layout.appendRow(sb, row);
    }
    return sb.toString();
  }

  private static void sanitiseUserAgent(CsvLayout layout, String[] values) {
    int column = layout.columnOrMinusOne("UserAgent");
    if (column >= 0) {
      values[column] = Text.exchangeUserAgent(values[column]);
    }
  }

  /** ECP logs: the four columns; any other key is appended to EventData as {@code S:KEY=VALUE}. */
  private static String ecp(CsvLayout layout, List<? extends Map<String, ?>> records) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      StringBuilder pairs = new StringBuilder();
      for (Map.Entry<String, ?> e : records.get(i).entrySet()) {
        if (layout.columnOrMinusOne(e.getKey()) >= 0) {
          row.put(e.getKey(), text(e.getValue(), e.getKey(), i));
        } else {
          pairs.append(pairs.length() == 0 ? "" : ";").append("S:").append(e.getKey()).append('=')
              .append(text(e.getValue(), e.getKey(), i));
        }
      }
      if (pairs.length() > 0) {
        Object data = row.get("EventData");
        row.put("EventData", data == null || data.toString().isEmpty()
            ? pairs.toString() : data + ";" + pairs);
      }
      rows.add(row);
    }
    return csv(layout, rows);
  }

  private static String w3c(List<? extends Map<String, ?>> records) {
    Set<String> fields = new LinkedHashSet<>(W3cLayout.DEFAULT_FIELDS);
    for (int i = 0; i < records.size(); i++) {
      for (String key : records.get(i).keySet()) {
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
          throw new TidemarkException("W3C field name '" + key + "' is empty or has a space",
              "record " + (i + 1));
        }
        fields.add(key);
      }
    }
    List<String> columns = List.copyOf(fields);
    long date = records.isEmpty() ? FALLBACK_DATE : w3cDate(records.get(0));
    StringBuilder sb = new StringBuilder(W3cLayout.header(date, columns));
    for (int i = 0; i < records.size(); i++) {
      Map<String, ?> record = records.get(i);
      for (int c = 0; c < columns.size(); c++) {
        if (c > 0) {
          sb.append(' ');
        }
        String name = columns.get(c);
        Object value = record.get(name);
        Text.appendW3cField(sb, w3cText(value, name, i));
      }
      sb.append(Text.CRLF);
    }
    return sb.toString();
  }

  private static String w3cText(@Nullable Object value, String name, int record) {
    Instant instant = instantOrNull(value);
    if (instant != null && (name.equals("date") || name.equals("time"))) {
      StringBuilder sb = new StringBuilder(20);
      Text.appendW3c(sb, instant.toEpochMilli());
      return name.equals("date") ? sb.substring(0, 10) : sb.substring(11);
    }
    return text(value, name, record);
  }

  private static long w3cDate(Map<String, ?> first) {
    Object date = first.get("date");
    Object time = first.get("time");
    Instant instant = instantOrNull(date);
    if (instant != null) {
      return instant.toEpochMilli();
    }
    if (date instanceof String d && time instanceof String t) {
      try {
        return LocalDateTime.parse(d + "T" + t).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException e) {
        return FALLBACK_DATE;
      }
    }
    return FALLBACK_DATE;
  }

  private static String windows(List<? extends Map<String, ?>> records) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < records.size(); i++) {
      sb.append(windowsEvent(records.get(i), i));
    }
    return sb.toString();
  }

  private static String windowsEvent(Map<String, ?> record, int index) {
    WinEvent event = new WinEvent()
        .provider(string(record, "Provider_Name", index), string(record, "Provider_Guid", index))
        .eventSourceName(string(record, "Provider_EventSourceName", index))
        .eventId(number(record, "EventID", index), number(record, "EventID_Qualifiers", index))
        .header(number(record, "Version", index), number(record, "Level", index),
            number(record, "Task", index), number(record, "Opcode", index),
            string(record, "Keywords", index))
        .correlation(string(record, "Correlation_ActivityID", index),
            string(record, "Correlation_RelatedActivityID", index))
        .execution(number(record, "Execution_ProcessID", index),
            number(record, "Execution_ThreadID", index))
        .channel(string(record, "Channel", index), string(record, "Computer", index))
        .security(string(record, "Security_UserID", index));
    Object time = record.get("TimeCreated");
    Instant instant = instantOrNull(time);
    event.systemTime(instant != null ? evtxTime(instant) : string(record, "TimeCreated", index));
    Object recordId = number(record, "EventRecordID", index);
    event.recordId(recordId == null ? index + 1 : recordIdValue(recordId, index));
    for (Map.Entry<String, ?> e : record.entrySet()) {
      String key = e.getKey();
      if (SYSTEM_FIELDS.contains(key)) {
        continue;
      }
      if (key.equals("Data") && e.getValue() instanceof List<?> list) {
        List<String> items = new ArrayList<>();
        for (Object item : list) {
          items.add(text(item, "Data", index));
        }
        event.unnamedData(items);
      } else {
        event.data(key, dataValue(e.getValue(), key, index));
      }
    }
    return event.build();
  }

  private static long recordIdValue(Object value, int index) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    throw new TidemarkException("EventRecordID must be a whole number: '" + value + "'",
        "record " + (index + 1));
  }

  private static String evtxTime(Instant instant) {
    StringBuilder sb = new StringBuilder(28);
    Text.appendEvtx(sb, instant.toEpochMilli(), instant.getNano() / 1000 % 1000);
    return sb.toString();
  }

  private static @Nullable Object dataValue(@Nullable Object value, String key, int index) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return text(value, key, index);
  }

  private static @Nullable String string(Map<String, ?> record, String key, int index) {
    return record.containsKey(key) ? text(record.get(key), key, index) : null;
  }

  /** A System number: numbers, and decimal strings turned into numbers, as evtx_dump has them. */
  private static @Nullable Object number(Map<String, ?> record, String key, int index) {
    if (!record.containsKey(key)) {
      return null;
    }
    Object value = record.get(key);
    if (value == null || value instanceof Number) {
      return value;
    }
    String s = text(value, key, index);
    if (!s.isEmpty() && s.length() < 19 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Long.parseLong(s);
    }
    return s;
  }

  private static String text(@Nullable Object value, String field, int record) {
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
      return value.toString();
    }
    Instant instant = instantOrNull(value);
    if (instant != null) {
      return Text.iso(instant.toEpochMilli());
    }
    throw new TidemarkException("field '" + field + "' has a value of type "
        + value.getClass().getSimpleName() + " ('" + value + "'); expected a string, a number, "
        + "a boolean or a date-time", "record " + (record + 1));
  }

  private static @Nullable Instant instantOrNull(@Nullable Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Date d) {
      return d.toInstant();
    }
    if (value instanceof LocalDateTime ldt) {
      return ldt.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof LocalDate ld) {
      return ld.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (value instanceof TemporalAccessor t && t.isSupported(ChronoField.INSTANT_SECONDS)) {
      return Instant.from(t);
    }
    return null;
  }

  private static long parseInstant(String text) {
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException e) {
      return FALLBACK_DATE;
    }
  }

  private static ExchangeBuild buildFor(long ms) {
    return ExchangeBuild.forDate(LocalDate.ofEpochDay(Math.floorDiv(ms, 86_400_000L)));
  }
}
