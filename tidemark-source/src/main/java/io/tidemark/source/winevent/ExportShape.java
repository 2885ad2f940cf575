package io.tidemark.source.winevent;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** One way of writing a Windows event as JSON, and how it maps onto Sigma's field names. */
sealed interface ExportShape
    permits EvtxDumpShape, WinlogbeatShape, SentinelShape, GetWinEventShape, FlatShape {

  /** A short name for messages, e.g. {@code evtx_dump}. */
  String id();

  /** Whether a record is written this way. */
  boolean matches(JsonNode record);

  /**
   * Adds the record's fields: System fields first (with {@code TimeCreated} as ISO-8601 text
   * and {@code EventRecordID} when known), then the event data.
   */
  void map(JsonNode record, EventFields out);

  /** A member by path, trying nested objects and then a dotted key ({@code "winlog.channel"}). */
  static @Nullable JsonNode path(JsonNode root, String... names) {
    JsonNode node = root;
    for (String name : names) {
      node = node.get(name);
      if (node == null) {
        break;
      }
    }
    if (node != null) {
      return node;
    }
    return root.get(String.join(".", names));
  }
}
