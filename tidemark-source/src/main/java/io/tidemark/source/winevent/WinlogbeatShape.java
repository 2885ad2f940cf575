package io.tidemark.source.winevent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Elastic Winlogbeat documents: {@code winlog.channel}, {@code winlog.event_id}, {@code
 * winlog.event_data}... and the time in {@code @timestamp}. Nested objects and dotted keys are
 * both accepted, as exports flatten them differently.
 */
final class WinlogbeatShape implements ExportShape {
  private static final String[][] SYSTEM = {
    {"Provider_Name", "provider_name"},
    {"Provider_Guid", "provider_guid"},
    {"EventID", "event_id"},
    {"Version", "version"},
    {"Task", "task"},
    {"Opcode", "opcode"},
    {"Keywords", "keywords"},
    {"EventRecordID", "record_id"},
    {"Correlation_ActivityID", "activity_id"},
    {"Correlation_RelatedActivityID", "related_activity_id"},
    {"Channel", "channel"},
    {"Computer", "computer_name"},
  };

  @Override
  public String id() {
    return "winlogbeat";
  }

  @Override
  public boolean matches(JsonNode record) {
    JsonNode winlog = record.get("winlog");
    return (winlog != null && winlog.isObject()) || record.has("winlog.channel")
        || record.has("winlog.event_id");
  }

  @Override
  public void map(JsonNode record, EventFields out) {
    for (String[] field : SYSTEM) {
      out.putNode(field[0], ExportShape.path(record, "winlog", field[1]));
    }
    out.putNode("TimeCreated", record.get("@timestamp"));
    out.putNode("Execution_ProcessID", ExportShape.path(record, "winlog", "process", "pid"));
    out.putNode("Execution_ThreadID",
        ExportShape.path(record, "winlog", "process", "thread", "id"));
    out.putNode("Security_UserID", ExportShape.path(record, "winlog", "user", "identifier"));
    JsonNode eventData = ExportShape.path(record, "winlog", "event_data");
    if (eventData != null) {
      out.flattenElements(eventData, 0);
    }
    JsonNode userData = ExportShape.path(record, "winlog", "user_data");
    if (userData != null) {
      out.flattenElements(userData, 0);
    }
    out.putNode("Message", record.get("message"));
  }
}
