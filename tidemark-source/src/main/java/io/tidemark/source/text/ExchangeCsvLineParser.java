package io.tidemark.source.text;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses the Exchange CSV logs (HttpProxy, EWS, ECP, OAB generator, message tracking, cmdlet
 * logs). Columns are bound by the names of the latest {@code #Fields:} line, or of a plain CSV
 * header row, never by position; a headerless HttpProxy log gets the standard field list.
 */
final class ExchangeCsvLineParser implements LineParser {
  private static final String FIELDS = "#Fields:";
  private static final int MAX_FIELDS = 512;
  /** A quoted value spanning more lines than this is taken for a damaged record. */
  private static final int MAX_CONTINUATION_LINES = 1000;

  private final SourceFile source;
  private final DiagnosticSink diagnostics;
  private final int maxRecordChars;
  private final boolean splitsPairs;
  private @Nullable RecordLayout layout;
  private boolean reportedHeaderless;
  private @Nullable StringBuilder pending;
  private long pendingLine;
  private long pendingOffset;
  private int pendingLines;
  private final ByteTimes times = new ByteTimes();
  private int[] skimCuts = new int[0];
  private @Nullable LayoutSearch layoutSearch;
  /** The layout of the line the last skim found a candidate, or null. */
  private @Nullable RecordLayout candidate;
  private boolean candidateQuoted;
  private @Nullable LineShape lineShape;

  ExchangeCsvLineParser(SourceFile source, DiagnosticSink diagnostics, int maxRecordChars) {
    this.source = source;
    this.diagnostics = diagnostics;
    this.maxRecordChars = maxRecordChars;
    this.splitsPairs = source.logType() == LogType.EXCHANGE_ECP_SERVER
        || source.logType() == LogType.EXCHANGE_ECP_ACTIVITY;
  }

  @Override
  public @Nullable Event parse(String line, long lineNumber, long offset) {
    String text = Lines.stripCarriageReturn(line);
    if (pending != null) {
      if (Lines.startsWithIsoDateTime(text) || pendingLines >= MAX_CONTINUATION_LINES) {
        // A new record starts: the open quote was damage, not a line break inside a value.
        dropPending();
      } else {
        return continuePending(text);
      }
    }
    if (text.isEmpty()) {
      return null;
    }
    if (text.charAt(0) == '#') {
      directive(text, lineNumber, offset);
      return null;
    }
    int[] cuts = CsvSplitter.split(text);
    if (cuts == CsvSplitter.OPEN_QUOTE) {
      pending = new StringBuilder(text);
      pendingLine = lineNumber;
      pendingOffset = offset;
      pendingLines = 1;
      return null;
    }
    return record(text, cuts, lineNumber, offset);
  }

  @Override
  public LineShape lineShape() {
    LineShape shape = lineShape;
    if (shape == null) {
      shape = new LineShape((byte) ',', true);
      lineShape = shape;
    }
    return shape;
  }

  @Override
  public Skim skim(
      byte[] bytes, int from, int to, long shape, RecordFilter filter, TimeSpan span) {
    candidate = null;
    RecordLayout current = layout;
    if (current == null || pending != null || from == to || bytes[from] == '#'
        || bytes[to - 1] == '\r') {
      return Skim.PARSE;
    }
    if (shape == LineShape.NOT_PLAIN
        || RawLines.startsWith(bytes, from, to, current.schema.names().get(0))) {
      return Skim.PARSE; // damaged, or maybe the header row again
    }
    int timeStart;
    int timeEnd;
    int column = current.timeColumn;
    boolean quoted = (shape & LineShape.HAS_QUOTE) != 0;
    int[] cuts = skimCuts;
    if (!quoted) {
      if ((int) shape + 1 != current.size()) {
        return Skim.PARSE;
      }
      timeStart = column < 0 ? 0 : RawLines.valueStart(bytes, from, to, (byte) ',', column);
      timeEnd = column < 0 ? 0 : RawLines.indexOf(bytes, timeStart, to, (byte) ',');
      timeEnd = timeEnd < 0 ? to : timeEnd;
    } else {
      // Doubled quotes hide a quote from the raw bytes: literals with one need the full parse.
      cuts = skimCuts(current.size());
      if (filter.contains('"') || RawLines.splitQuoted(bytes, from, to, cuts) != current.size()) {
        return Skim.PARSE;
      }
      timeStart = column < 0 ? 0 : cuts[column];
      timeEnd = column < 0 ? 0 : cuts[column + 1] - 1;
    }
    if (column >= 0 && (timeStart >= timeEnd || bytes[timeStart] == '"'
        || !times.parseIso(bytes, timeStart, timeEnd))) {
      return Skim.PARSE; // parse() reports the unreadable time
    }
    LayoutSearch search = search(filter, current);
    if (quoted ? search.mayMatchCut(bytes, from, to, cuts)
        : search.mayMatchSplit(bytes, from, to, (byte) ',', lineShape())) {
      candidate = current;
      candidateQuoted = quoted;
      return Skim.CANDIDATE;
    }
    if (column < 0) {
      span.addUntimed();
    } else {
      span.add(times.second(), times.nano());
    }
    return Skim.COUNTED;
  }

  @Override
  public Event skimmed(byte[] bytes, int from, int to, long lineNumber, long offset) {
    RecordLayout current = candidate;
    if (current == null) {
      throw new IllegalStateException("no candidate line was skimmed");
    }
    candidate = null;
    int[] cuts;
    if (candidateQuoted) {
      cuts = new int[current.size() + 1];
      for (int i = 0; i < cuts.length; i++) {
        cuts[i] = skimCuts[i] - from;
      }
    } else {
      cuts = RawLines.cuts(bytes, from, to, (byte) ',', current.size());
    }
    // ASCII without NUL (the skim checked): decoding is a copy, and parse() would read the same.
    String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    Instant timestamp = current.timeColumn < 0 ? null
        : Instant.ofEpochSecond(times.second(), times.nano());
    return new TextRecordEvent(source, lineNumber, offset, timestamp, current, text, cuts);
  }

  private LayoutSearch search(RecordFilter filter, RecordLayout current) {
    LayoutSearch search = layoutSearch;
    if (search == null || !search.isFor(filter, current)) {
      search = new LayoutSearch(filter, current);
      layoutSearch = search;
      lineShape().mark(search.separators());
    }
    return search;
  }

  private int[] skimCuts(int values) {
    if (skimCuts.length < values + 1) {
      skimCuts = new int[values + 1];
    }
    return skimCuts;
  }

  @Override
  public void finish() {
    if (pending != null) {
      dropPending();
    }
  }

  private @Nullable Event continuePending(String text) {
    StringBuilder record = pending;
    if (record.length() + 1 + text.length() > maxRecordChars) {
      diagnostics.report(Diagnostic.skipped("record-too-long",
          "quoted value spans lines beyond " + maxRecordChars + " characters; record dropped",
          source.path(), pendingLine, pendingOffset));
      pending = null;
      return null;
    }
    record.append('\n').append(text);
    pendingLines++;
    String joined = record.toString();
    int[] cuts = CsvSplitter.split(joined);
    if (cuts == CsvSplitter.OPEN_QUOTE) {
      return null;
    }
    pending = null;
    return record(joined, cuts, pendingLine, pendingOffset);
  }

  private void dropPending() {
    diagnostics.report(Diagnostic.skipped("unterminated-quote",
        "a quoted value opened here never closes (" + pendingLines + " lines); record dropped",
        source.path(), pendingLine, pendingOffset));
    pending = null;
  }

  private @Nullable Event record(String text, int[] cuts, long lineNumber, long offset) {
    int count = cuts.length - 1;
    RecordLayout current = layout;
    if (current == null) {
      if (isHeaderRow(text, cuts)) {
        layout = RecordLayout.csv(names(text, cuts), splitsPairs);
        return null;
      }
      current = headerlessLayout(count, lineNumber, offset);
      if (current == null) {
        return null;
      }
    }
    if (count != current.size()) {
      diagnostics.report(Diagnostic.skipped("field-count",
          "line has " + count + " values but the header names " + current.size(),
          source.path(), lineNumber, offset));
      return null;
    }
    if (repeatsHeader(text, cuts, current)) {
      return null; // a header row written again below #Fields
    }
    Instant timestamp = timestamp(text, cuts, current, lineNumber, offset);
    return new TextRecordEvent(source, lineNumber, offset, timestamp, current, text, cuts);
  }

  private void directive(String text, long lineNumber, long offset) {
    if (!text.regionMatches(true, 0, FIELDS, 0, FIELDS.length())) {
      return; // #Software, #Version, #Log-type, #Date
    }
    String list = text.substring(FIELDS.length()).trim();
    int[] cuts = CsvSplitter.splitPlain(list, ',');
    if (list.isEmpty() || cuts.length - 1 > MAX_FIELDS) {
      layout = null;
      diagnostics.report(Diagnostic.warning("bad-fields-header",
          "#Fields line names " + (list.isEmpty() ? "no" : "more than " + MAX_FIELDS)
              + " fields; records below it are skipped", source.path(), lineNumber, offset));
      return;
    }
    List<String> names = names(list, cuts);
    if (layout == null || !layout.schema.names().equals(names)) {
      layout = RecordLayout.csv(names, splitsPairs);
    }
  }

  private @Nullable RecordLayout headerlessLayout(int count, long lineNumber, long offset) {
    DefaultFields.Layout assumed = DefaultFields.find(source.logType(), count);
    if (assumed == null) {
      diagnostics.report(Diagnostic.skipped("no-fields-header",
          "line before any #Fields header, and no standard " + source.logType().id()
              + " field list has " + count + " values", source.path(), lineNumber, offset));
      return null;
    }
    RecordLayout assumedLayout = RecordLayout.csv(assumed.names(), splitsPairs);
    layout = assumedLayout;
    if (!reportedHeaderless) {
      reportedHeaderless = true;
      diagnostics.report(Diagnostic.warning("no-fields-header",
          "no #Fields header; assumed the standard " + source.logType().id() + " field list of "
              + count + " fields", source.path(), lineNumber, offset));
    }
    return assumedLayout;
  }

  private @Nullable Instant timestamp(
      String text, int[] cuts, RecordLayout current, long lineNumber, long offset) {
    int column = current.timeColumn;
    if (column < 0) {
      return null;
    }
    int start = cuts[column];
    int end = cuts[column + 1] - 1;
    Instant instant = start < end && text.charAt(start) == '"'
        ? null
        : Timestamps.parseIso(text, start, end);
    if (instant == null) {
      diagnostics.report(Diagnostic.warning("bad-timestamp",
          "unreadable " + current.schema.names().get(column) + " '" + Lines.clip(text, start, end)
              + "'; record kept without a time", source.path(), lineNumber, offset));
    }
    return instant;
  }

  /** Names from a header, trimmed; an empty name becomes {@code columnN} so it stays unique. */
  private static List<String> names(String text, int[] cuts) {
    List<String> names = new ArrayList<>(cuts.length - 1);
    for (int i = 0; i < cuts.length - 1; i++) {
      String name = text.substring(cuts[i], cuts[i + 1] - 1).trim();
      names.add(name.isEmpty() ? "column" + (i + 1) : name);
    }
    return names;
  }

  /** A plain header row: two or more names, each a letter followed by name characters. */
  private static boolean isHeaderRow(String text, int[] cuts) {
    if (cuts.length < 3 || text.indexOf('"') >= 0) {
      return false;
    }
    for (int i = 0; i < cuts.length - 1; i++) {
      int start = cuts[i];
      int end = cuts[i + 1] - 1;
      if (start >= end || !Character.isLetter(text.charAt(start))) {
        return false;
      }
      for (int j = start; j < end; j++) {
        char c = text.charAt(j);
        boolean nameChar = Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'
            || c == '(' || c == ')' || c == ' ';
        if (!nameChar) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean repeatsHeader(String text, int[] cuts, RecordLayout current) {
    List<String> names = current.schema.names();
    String first = names.get(0);
    String last = names.get(names.size() - 1);
    int lastStart = cuts[cuts.length - 2];
    return cuts[1] - 1 == first.length()
        && text.startsWith(first)
        && text.length() - lastStart == last.length()
        && text.startsWith(last, lastStart);
  }
}
