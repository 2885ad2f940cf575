package io.tidemark.source.winevent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * Flat security-dataset records (OTRF/Mordor, NXLog): {@code EventID, Channel, SourceName,
 * Hostname, EventTime or @timestamp, RecordNumber} and the event data as top-level keys.
 */
final class FlatShape implements ExportShape {
  private static final String[][] SYSTEM = {
    {"Provider_Name", "SourceName"},
    {"Provider_Name", "ProviderName"},
    {"Provider_Guid", "ProviderGuid"},
    {"EventID", "EventID"},
    {"Version", "Version"},
    {"Level", "Level"},
    {"Task", "Task"},
    {"Opcode", "OpcodeValue"},
    {"Keywords", "Keywords"},
    {"EventRecordID", "RecordNumber"},
    {"Correlation_ActivityID", "ActivityID"},
    {"Correlation_RelatedActivityID", "RelatedActivityID"},
    {"Execution_ProcessID", "ExecutionProcessID"},
    {"Execution_ThreadID", "ExecutionThreadID"},
    {"Channel", "Channel"},
    {"Computer", "Hostname"},
    {"Security_UserID", "UserID"},
  };
  private static final Set<String> MAPPED = Set.of(
      "SourceName", "ProviderName", "ProviderGuid", "RecordNumber", "ActivityID",
      "RelatedActivityID", "ExecutionProcessID", "ExecutionThreadID", "Hostname", "UserID",
      "OpcodeValue", "EventTime", "@timestamp");

  @Override
  public String id() {
    return "flat";
  }

  @Override
  public boolean matches(JsonNode record) {
    return record.has("EventID")
        && (record.has("Channel") || record.has("SourceName") || record.has("Hostname"));
  }

  @Override
  public void map(JsonNode record, EventFields out) {
    for (String[] field : SYSTEM) {
      out.putNode(field[0], record.get(field[1]));
    }
    JsonNode time = record.has("@timestamp") ? record.get("@timestamp") : record.get("EventTime");
    out.put("TimeCreated", GetWinEventShape.isoTime(EventFields.text(time)));
    for (Map.Entry<String, JsonNode> entry : record.properties()) {
      if (!MAPPED.contains(entry.getKey())) {
        out.putNode(entry.getKey(), entry.getValue());
      }
    }
  }
}
