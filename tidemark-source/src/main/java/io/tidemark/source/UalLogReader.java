package io.tidemark.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.event.Diagnostic;
import io.tidemark.event.Event;
import io.tidemark.event.SourceFile;
import io.tidemark.source.ual.CsvRecords;
import io.tidemark.source.ual.RecordIdSet;
import io.tidemark.source.ual.UnifiedAuditLog;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Microsoft 365 Unified Audit Log export, JSON or CSV, and drops records whose Id it has
 * already returned: collectors page through overlapping time slices and Microsoft's guidance is
 * to count each record Id once. Dropped duplicates are counted in the manifest, never silently.
 * The same Id in another file is the hunt's to drop (io.tidemark.engine.UalDedup): files are
 * read in parallel, and only the hunt knows which copy comes first in plan order.
 */
final class UalLogReader implements LogReader {
  private final SourceFile source;
  private final FileDiagnostics diagnostics;
  private final @Nullable JsonRecordFramer json;
  private final @Nullable CsvRecords csv;
  private final RecordIdSet seenIds = new RecordIdSet();
  private final long[] idBits = new long[2];
  private @Nullable List<String> header;
  private long rows;
  private long recordsRead;
  private long duplicates;
  private long throttled;
  /** Search-UnifiedAuditLog's paging: the current search's reported total and highest index. */
  private long searchTotal = -1;
  private long searchMaxIndex;
  private long lastIndex;
  private final List<String> shortfalls = new ArrayList<>();
  private boolean ended;
  private @Nullable IOException failure;

  private UalLogReader(InputStream raw, SourceFile source, FileDiagnostics diagnostics,
      IntakeOptions options, boolean isCsv) {
    InputStream in = utf8(raw);
    this.source = source;
    this.diagnostics = diagnostics;
    this.json = isCsv ? null
        : new JsonRecordFramer(in, options.maxLineBytes(), diagnostics, source.path());
    this.csv = isCsv ? new CsvRecords(in, options.maxLineBytes()) : null;
  }

  /** A JSON export: an array, JSON Lines or concatenated objects. */
  static UalLogReader json(
      InputStream in, SourceFile source, FileDiagnostics diagnostics, IntakeOptions options) {
    return new UalLogReader(in, source, diagnostics, options, false);
  }

  /** A CSV export, with or without PowerShell's {@code #TYPE} line. */
  static UalLogReader csv(
      InputStream in, SourceFile source, FileDiagnostics diagnostics, IntakeOptions options) {
    return new UalLogReader(in, source, diagnostics, options, true);
  }

  /** The stream as UTF-8: a UTF-16 export (byte-order mark first) is transcoded. */
  private static InputStream utf8(InputStream raw) {
    if (raw instanceof PeekableInputStream peekable
        && Utf16InputStream.hasBom(peekable.head(), peekable.headLength())) {
      return new Utf16InputStream(raw);
    }
    return raw;
  }

  @Override
  public @Nullable Event next() {
    if (ended) {
      return null;
    }
    try {
      UnifiedAuditLog.Mapped mapped;
      while ((mapped = json != null ? nextJson() : nextCsv()) != null) {
        if (mapped instanceof UnifiedAuditLog.Accepted record && firstSighting(record)) {
          recordsRead++;
          return record.event();
        }
      }
    } catch (IOException e) {
      failure = e;
    }
    finish();
    return null;
  }

  private boolean firstSighting(UnifiedAuditLog.Accepted record) {
    paging(record.event());
    if (RecordIdSet.bits(record.id(), idBits) && !seenIds.add(idBits[0], idBits[1])) {
      duplicates++;
      return false;
    }
    if (record.throttled()) {
      throttled++;
    }
    return true;
  }

  /**
   * Follows ResultIndex and ResultCount: an index that falls back or a new total starts another
   * search. A search whose highest index stays below its total was cut short by the cmdlet's
   * limits (5,000 per call, 50,000 per session), a gap the investigator must know about.
   */
  private void paging(Event event) {
    long index = number(event.get("ResultIndex"));
    long total = number(event.get("ResultCount"));
    if (index <= 0 || total <= 0) {
      return;
    }
    if (searchTotal >= 0 && (index <= lastIndex || total != searchTotal)) {
      endSearch();
    }
    searchTotal = total;
    searchMaxIndex = Math.max(searchMaxIndex, index);
    lastIndex = index;
  }

  private void endSearch() {
    if (searchTotal > searchMaxIndex && shortfalls.size() < 10) {
      shortfalls.add(String.format(Locale.ROOT, "a search reported %d results but the file "
          + "holds them only up to ResultIndex %d", searchTotal, searchMaxIndex));
    }
    searchTotal = -1;
    searchMaxIndex = 0;
    lastIndex = 0;
  }

  private static long number(@Nullable String text) {
    if (text == null || text.isEmpty() || text.length() > 12) {
      return -1;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private UnifiedAuditLog.@Nullable Mapped nextJson() throws IOException {
    JsonRecordFramer.Frame frame = json.next();
    if (frame == null) {
      return null;
    }
    JsonNode node;
    try {
      node = JsonLogReader.MAPPER.readTree(frame.bytes(), frame.start(), frame.end() - frame.start());
    } catch (JsonProcessingException e) {
      String reason = e.getOriginalMessage();
      diagnostics.report(Diagnostic.skipped("bad-json", "malformed JSON record: "
          + (reason.length() > 120 ? reason.substring(0, 120) + "..." : reason),
          source.path(), frame.number(), frame.offset()));
      return new UnifiedAuditLog.Rejected("bad-json");
    }
    return UnifiedAuditLog.fromJson(node, JsonLogReader.MAPPER, source, frame.number(),
        frame.offset(), diagnostics);
  }

  private UnifiedAuditLog.@Nullable Mapped nextCsv() throws IOException {
    CsvRecords.Row row;
    while ((row = csv.next()) != null) {
      if (row.tooLong()) {
        rows++;
        diagnostics.report(Diagnostic.skipped("record-too-long", "CSV row longer than the "
            + "line limit; skipped", source.path(), row.line(), row.offset()));
        return new UnifiedAuditLog.Rejected("record-too-long");
      }
      if (header == null) {
        if (!row.cells().isEmpty() && row.cells().get(0).startsWith("#")) {
          continue; // PowerShell 5's "#TYPE Microsoft.Exchange...UnifiedAuditLogEvent"
        }
        header = headerOf(row.cells());
        continue;
      }
      rows++;
      if (row.cells().size() != header.size()) {
        diagnostics.report(Diagnostic.skipped("csv-column-count", String.format(Locale.ROOT,
            "CSV row has %d cells where the header names %d; skipped", row.cells().size(),
            header.size()), source.path(), row.line(), row.offset()));
        return new UnifiedAuditLog.Rejected("csv-column-count");
      }
      return UnifiedAuditLog.fromCsv(header, row.cells(), JsonLogReader.MAPPER, source, rows,
          row.line(), row.offset(), diagnostics);
    }
    return null;
  }

  private static List<String> headerOf(List<String> cells) {
    List<String> names = new ArrayList<>(cells.size());
    for (String cell : cells) {
      names.add(cell.strip());
    }
    return names;
  }

  private void finish() {
    if (ended) {
      return;
    }
    ended = true;
    diagnostics.countSkipped("ual-duplicate-id", duplicates);
    StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
        "Unified Audit Log: %d record%s", recordsRead, recordsRead == 1 ? "" : "s"));
    if (duplicates > 0) {
      note.append(String.format(Locale.ROOT, ", %d duplicate%s of an earlier record Id dropped "
          + "(each Id counts once, as Microsoft's guidance says)", duplicates,
          duplicates == 1 ? "" : "s"));
    }
    if (throttled > 0) {
      note.append(String.format(Locale.ROOT, ", %d throttled MailItemsAccessed record%s "
          + "(IsThrottled=True: mailbox auditing was incomplete for the next 24 hours)",
          throttled, throttled == 1 ? "" : "s"));
    }
    diagnostics.note(note.toString());
    endSearch();
    if (!shortfalls.isEmpty()) {
      diagnostics.note("Unified Audit Log export may be incomplete: " + String.join("; ",
          shortfalls) + " (Search-UnifiedAuditLog returns at most 5,000 records per call and "
          + "50,000 per session; the rest were never exported)");
    }
  }

  @Override
  public long recordsRead() {
    return recordsRead;
  }

  @Override
  public long drain() throws IOException {
    if (ended) {
      return 0;
    }
    ended = true;
    long rest = 0;
    if (json != null) {
      rest = json.countRemaining();
    } else {
      while (csv.next() != null) {
        rest++;
      }
    }
    return rest;
  }

  @Override
  public @Nullable IOException failure() {
    return failure;
  }
}
