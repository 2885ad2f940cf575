package io.tidemark.source.ual;

import io.tidemark.source.ResourceTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The field mapping of {@code ual-fields.tsv}: envelope columns, lifted properties, client IPs. */
final class UalFieldMap {
  private static final String RESOURCE = "ual-fields.tsv";
  static final UalFieldMap DEFAULT = load();

  /** Envelope column → event field; a null value drops the column. */
  private final Map<String, @Nullable String> envelope;
  /** Name/Value array name → the entry names lifted to top-level fields. */
  private final Map<String, Set<String>> lifts;
  private final List<String> clientIpFields;

  private UalFieldMap(Map<String, @Nullable String> envelope, Map<String, Set<String>> lifts,
      List<String> clientIpFields) {
    this.envelope = envelope;
    this.lifts = lifts;
    this.clientIpFields = List.copyOf(clientIpFields);
  }

  /** Whether the column is known to the envelope table. */
  boolean isEnvelopeColumn(String column) {
    return envelope.containsKey(column);
  }

  /**
   * The event field an envelope column fills: its mapped name, the column's own name when the
   * table does not know it, or null when the column is dropped.
   */
  @Nullable String envelopeField(String column) {
    return envelope.containsKey(column) ? envelope.get(column) : column;
  }

  /** Whether entry {@code name} of the Name/Value array {@code array} is lifted to the top. */
  boolean lifted(String array, String name) {
    Set<String> names = lifts.get(array);
    return names != null && names.contains(name);
  }

  List<String> clientIpFields() {
    return clientIpFields;
  }

  private static UalFieldMap load() {
    Map<String, @Nullable String> envelope = new HashMap<>();
    Map<String, Set<String>> lifts = new HashMap<>();
    List<String> clientIp = new ArrayList<>();
    for (String[] row : rows()) {
      if (row.length != 3) {
        throw new IllegalStateException(RESOURCE + ": row '" + String.join("\\t", row)
            + "' has " + row.length + " columns; expected 3 (kind, name, field)");
      }
      switch (row[0]) {
        case "envelope" -> envelope.put(row[1], row[2].equals("-") ? null : row[2]);
        case "lift" -> lifts.computeIfAbsent(row[1], k -> new HashSet<>()).add(row[2]);
        case "client-ip" -> clientIp.add(row[1]);
        default -> throw new IllegalStateException(RESOURCE + ": unknown kind '" + row[0]
            + "'; must be envelope, lift or client-ip");
      }
    }
    return new UalFieldMap(envelope, lifts, clientIp);
  }

  private static List<String[]> rows() {
    return ResourceTable.read(UalFieldMap.class, RESOURCE);
  }
}
