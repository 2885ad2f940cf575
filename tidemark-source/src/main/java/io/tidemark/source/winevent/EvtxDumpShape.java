package io.tidemark.source.winevent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The Rust {@code evtx} crate's JSON ({@code evtx_dump -o json}), as in SigmaHQ's regression
 * data: {@code {"Event":{"System":{...},"EventData":{...}}}} with XML attributes under {@code
 * "#attributes"} and element text under {@code "#text"}.
 */
final class EvtxDumpShape implements ExportShape {

  @Override
  public String id() {
    return "evtx_dump";
  }

  @Override
  public boolean matches(JsonNode record) {
    JsonNode event = record.get("Event");
    return event != null && event.isObject() && event.path("System").isObject();
  }

  @Override
  public void map(JsonNode record, EventFields out) {
    JsonNode event = record.get("Event");
    mapSystem(event.get("System"), out);
    JsonNode eventData = event.get("EventData");
    if (eventData != null && eventData.isObject()) {
      mapEventData(eventData, out);
    }
    JsonNode userData = event.get("UserData");
    if (userData != null && userData.isObject()) {
      out.flattenElements(userData, 0);
    }
  }

  /** {@code Provider.#attributes.Name} becomes {@code Provider_Name}, and so on. */
  private static void mapSystem(JsonNode system, EventFields out) {
    for (Map.Entry<String, JsonNode> entry : system.properties()) {
      String name = entry.getKey();
      JsonNode value = entry.getValue();
      if (name.equals("TimeCreated")) {
        out.putNode("TimeCreated", value.path("#attributes").path("SystemTime"));
      } else if (value.isObject()) {
        if (value.has("#text")) {
          out.putNode(name, value.get("#text"));
        }
        for (Map.Entry<String, JsonNode> attribute : value.path("#attributes").properties()) {
          out.putNode(name + "_" + attribute.getKey(), attribute.getValue());
        }
      } else if (!value.isNull()) {
        // An element without attributes or text ("Correlation": null) is simply absent.
        out.putNode(name, value);
      }
    }
  }

  private static void mapEventData(JsonNode eventData, EventFields out) {
    for (Map.Entry<String, JsonNode> entry : eventData.properties()) {
      String name = entry.getKey();
      JsonNode value = entry.getValue();
      if (name.startsWith("#")) {
        continue; // attributes of <EventData> itself
      }
      if (name.equals(EventFields.DATA)) {
        mapData(value, out);
      } else if (value.isObject() && !value.has("#text")) {
        out.flattenElements(value, 1);
      } else {
        out.putNode(name, value);
      }
    }
  }

  /** {@code Data}: unnamed values, or elements that still carry their Name attribute. */
  private static void mapData(JsonNode value, EventFields out) {
    if (value.isArray()) {
      for (JsonNode item : value) {
        mapData(item, out);
      }
      return;
    }
    JsonNode name = value.path("#attributes").path("Name");
    if (name.isTextual()) {
      JsonNode text = value.get("#text");
      if (text == null) {
        out.put(name.textValue(), null); // an empty element: present without value
      } else {
        out.putNode(name.textValue(), text);
      }
    } else {
      out.addDataNode(value);
    }
  }
}
