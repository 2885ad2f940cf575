package io.tidemark.source.winevent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * PowerShell's {@code Get-WinEvent | ConvertTo-Json}: EventLogRecord properties ({@code Id},
 * {@code ProviderName}, {@code LogName}, {@code RecordId}, {@code TimeCreated} as {@code
 * "/Date(ms)/"} or ISO) and the event data as unnamed {@code Properties[].Value}.
 */
final class GetWinEventShape implements ExportShape {
  /** What ConvertTo-Json writes for a property below its default depth of 2. */
  private static final String TRUNCATED = "System.Diagnostics.Eventing.Reader.EventProperty";

  private static final String[][] SYSTEM = {
    {"Provider_Name", "ProviderName"},
    {"Provider_Guid", "ProviderId"},
    {"EventID", "Id"},
    {"EventID_Qualifiers", "Qualifiers"},
    {"Version", "Version"},
    {"Level", "Level"},
    {"Task", "Task"},
    {"Opcode", "Opcode"},
  };

  @Override
  public String id() {
    return "Get-WinEvent";
  }

  @Override
  public boolean matches(JsonNode record) {
    return record.has("ProviderName") && (record.has("Id") || record.has("RecordId"));
  }

  @Override
  public void map(JsonNode record, EventFields out) {
    for (String[] field : SYSTEM) {
      out.putNode(field[0], record.get(field[1]));
    }
    JsonNode keywords = record.get("Keywords");
    if (keywords != null && keywords.isIntegralNumber()) {
      // The XML form is hexadecimal; .NET gives a signed Int64.
      out.put("Keywords", "0x" + Long.toHexString(keywords.longValue()).toUpperCase(Locale.ROOT));
    } else {
      out.putNode("Keywords", keywords);
    }
    out.put("TimeCreated", isoTime(EventFields.text(record.get("TimeCreated"))));
    out.putNode("EventRecordID", record.get("RecordId"));
    out.putNode("Correlation_ActivityID", record.get("ActivityId"));
    out.putNode("Correlation_RelatedActivityID", record.get("RelatedActivityId"));
    out.putNode("Execution_ProcessID", record.get("ProcessId"));
    out.putNode("Execution_ThreadID", record.get("ThreadId"));
    out.putNode("Channel", record.get("LogName"));
    out.putNode("Computer", record.get("MachineName"));
    out.putNode("Security_UserID", record.get("UserId"));
    mapProperties(record.get("Properties"), out);
    out.putNode("Message", record.get("Message"));
  }

  private static void mapProperties(@Nullable JsonNode properties, EventFields out) {
    if (properties == null || !properties.isArray()) {
      return;
    }
    boolean truncated = false;
    for (JsonNode property : properties) {
      if (property.isObject()) {
        out.addData(EventFields.text(property.get("Value")));
      } else if (TRUNCATED.equals(property.asText())) {
        truncated = true;
      } else {
        out.addData(EventFields.text(property));
      }
    }
    if (truncated) {
      out.warn("properties-truncated", "Properties were cut by ConvertTo-Json's default depth; "
          + "export again with "
          + "ConvertTo-Json -Depth 4 to keep the event data");
    }
  }

  /** {@code /Date(1614760000000)/} or an ISO time, as ISO-8601 UTC text; else as written. */
  static @Nullable String isoTime(@Nullable String text) {
    if (text == null) {
      return null;
    }
    if (text.startsWith("/Date(") && text.endsWith(")/") && text.length() < 40) {
      String millis = text.substring(6, text.length() - 2);
      int sign = Math.max(millis.indexOf('+', 1), millis.indexOf('-', 1));
      if (sign > 0) {
        millis = millis.substring(0, sign); // "/Date(ms+0100)/": ms are UTC already
      }
      try {
        return Instant.ofEpochMilli(Long.parseLong(millis)).toString();
      } catch (NumberFormatException e) {
        return text;
      }
    }
    try {
      return OffsetDateTime.parse(text).toInstant().toString();
    } catch (DateTimeParseException e) {
      return text;
    }
  }
}
