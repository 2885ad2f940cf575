package io.tidemark.source;

import org.jspecify.annotations.Nullable;

/**
 * The file formats the intake recognises, and the registry of their readers: a format with a
 * factory is read, the others are only accounted for.
 */
enum Format {
  W3C("w3c", TextLogReader::new),
  EXCHANGE_CSV("exchange-csv", TextLogReader::new),
  WINDOWS_EVENT_JSON("windows-event-json", JsonLogReader::new),
  EVTX("evtx", EvtxLogReader::new),
  M365_UAL_JSON("m365-ual-json", UalLogReader::json),
  M365_UAL_CSV("m365-ual-csv", UalLogReader::csv),
  ZIP("zip", null),
  GZIP("gzip", null),
  TAR("tar", null),
  JSON("json", null),
  TEXT("text", null),
  IIS_NATIVE("iis-native", null),
  EMPTY("empty", null),
  UNKNOWN("unknown", null),
  UNREADABLE("unreadable", null);

  private final String id;
  private final LogReader.@Nullable Factory reader;

  Format(String id, LogReader.@Nullable Factory reader) {
    this.id = id;
    this.reader = reader;
  }

  /** The id written to the manifest. */
  String id() {
    return id;
  }

  /** The reader factory, or null when no reader handles the format (yet). */
  LogReader.@Nullable Factory reader() {
    return reader;
  }

  boolean isArchive() {
    return this == ZIP || this == GZIP || this == TAR;
  }
}
