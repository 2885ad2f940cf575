package io.tidemark.source.winevent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/**
 * Microsoft Sentinel / Log Analytics exports: the {@code SecurityEvent} table ({@code
 * TimeGenerated, Computer, EventID, Channel, EventData}) and the {@code Event} table ({@code
 * EventLog, Source, EventID, ParameterXml, EventData}), where event data is an XML string.
 * Columns Log Analytics already parsed out ({@code TargetUserName}, {@code CommandLine}...) are
 * kept too, behind the values from the XML.
 */
final class SentinelShape implements ExportShape {
  private static final String[][] SYSTEM = {
    {"Provider_Name", "EventSourceName"},
    {"Provider_Name", "Source"},
    {"EventID", "EventID"},
    {"Level", "Level"},
    {"Level", "EventLevel"},
    {"Task", "Task"},
    {"Opcode", "Opcode"},
    {"Keywords", "Keywords"},
    {"EventRecordID", "EventRecordId"},
    {"EventRecordID", "EventRecordID"},
    {"Channel", "Channel"},
    {"Channel", "EventLog"},
    {"Computer", "Computer"},
  };
  /** Columns that describe the workspace, not the event. */
  private static final Set<String> NOT_EVENT_DATA = Set.of(
      "TimeGenerated", "EventData", "ParameterXml", "RenderedDescription", "TenantId",
      "SourceSystem", "MG", "ManagementGroupName", "Type", "_ResourceId", "_SubscriptionId",
      "_ItemId", "_Internal_WorkspaceResourceId", "AzureDeploymentID", "Role", "EventSourceName",
      "Source", "EventLog", "EventLevel", "EventLevelName", "EventRecordId");

  @Override
  public String id() {
    return "Sentinel";
  }

  @Override
  public boolean matches(JsonNode record) {
    return record.has("TimeGenerated") && (record.has("EventID") || record.has("EventData"));
  }

  @Override
  public void map(JsonNode record, EventFields out) {
    for (String[] field : SYSTEM) {
      out.putNode(field[0], record.get(field[1]));
    }
    out.put("TimeCreated", GetWinEventShape.isoTime(EventFields.text(record.get("TimeGenerated"))));
    readXml(record.get("EventData"), out);
    readXml(record.get("ParameterXml"), out);
    for (Map.Entry<String, JsonNode> column : record.properties()) {
      JsonNode value = column.getValue();
      if (!NOT_EVENT_DATA.contains(column.getKey()) && !value.isContainerNode()) {
        out.putNode(column.getKey(), value);
      }
    }
    out.putNode("Message", record.get("RenderedDescription"));
  }

  private static void readXml(JsonNode value, EventFields out) {
    if (value == null) {
      return;
    }
    if (value.isObject()) {
      out.flattenElements(value, 0); // exported as a dynamic column rather than a string
      return;
    }
    String xml = value.asText();
    if (xml.isBlank()) {
      return;
    }
    try {
      EventDataXml.read(xml, out);
    } catch (XMLStreamException e) {
      out.warn("bad-event-data-xml", "event data XML is malformed (" + e.getMessage()
          + "); fields read before the "
          + "error are kept");
    }
  }
}
