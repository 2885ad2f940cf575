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
 * Parses IIS W3C extended logs: space-separated values named by the latest {@code #Fields}
 * directive, which IIS writes again whenever the service restarts or the selection changes.
 */
final class W3cLineParser implements LineParser {
  private static final String FIELDS = "#Fields:";
  private static final int MAX_FIELDS = 512;

  private final SourceFile source;
  private final DiagnosticSink diagnostics;
  private @Nullable RecordLayout layout;
  private @Nullable RecordLayout headerless;
  private boolean reportedHeaderless;
  private final ByteTimes times = new ByteTimes();
  private byte[] uri = new byte[256];
  private @Nullable LayoutSearch layoutSearch;
  /** The layout of the line the last skim found a candidate, or null. */
  private @Nullable RecordLayout candidate;
  private @Nullable LineShape lineShape;

  W3cLineParser(SourceFile source, DiagnosticSink diagnostics) {
    this.source = source;
    this.diagnostics = diagnostics;
  }

  @Override
  public @Nullable Event parse(String line, long lineNumber, long offset) {
    String text = Lines.stripCarriageReturn(line);
    if (text.isEmpty()) {
      return null;
    }
    if (text.charAt(0) == '#') {
      directive(text, lineNumber, offset);
      return null;
    }
    int[] cuts = CsvSplitter.splitPlain(text, ' ');
    int count = cuts.length - 1;
    RecordLayout current =
        layout != null ? layout : headerlessLayout(text, count, lineNumber, offset);
    if (current == null) {
      return null;
    }
    if (count != current.size()) {
      RecordLayout standard = layout == null ? null : standardLayout(text, count);
      if (standard == null) {
        skip("field-count", "line has " + count + " values but #Fields names " + current.size(),
            lineNumber, offset);
        return null;
      }
      // Evidence first: a line that fits a standard selection is read, and the mismatch told.
      diagnostics.report(Diagnostic.warning("field-count", "line has " + count
          + " values but #Fields names " + current.size() + "; read with the standard IIS "
          + "selection of " + count + " fields", source.path(), lineNumber, offset));
      current = standard;
    }
    Instant timestamp = timestamp(text, cuts, current, lineNumber, offset);
    if (current.assumedExtraColumn != null) {
      diagnostics.report(Diagnostic.warning("extra-column",
          "line has a trailing value beyond the standard W3C fields; kept as '"
              + current.assumedExtraColumn + "'", source.path(), lineNumber, offset));
    }
    return new TextRecordEvent(source, lineNumber, offset, timestamp, current, text, cuts);
  }

  @Override
  public LineShape lineShape() {
    LineShape shape = lineShape;
    if (shape == null) {
      shape = new LineShape((byte) ' ', false);
      lineShape = shape;
    }
    return shape;
  }

  @Override
  public Skim skim(
      byte[] bytes, int from, int to, long shape, RecordFilter filter, TimeSpan span) {
    candidate = null;
    RecordLayout current = layout;
    if (current == null || current.assumedExtraColumn != null || from == to
        || bytes[from] == '#' || bytes[to - 1] == '\r') {
      return Skim.PARSE;
    }
    if (shape == LineShape.NOT_PLAIN || (int) shape + 1 != current.size()) {
      return Skim.PARSE;
    }
    int date = current.timeColumn;
    int time = current.clockColumn;
    boolean timed = date >= 0 && time >= 0;
    if (timed) {
      int dateStart = RawLines.valueStart(bytes, from, to, (byte) ' ', date);
      int timeStart = RawLines.valueStart(bytes, from, to, (byte) ' ', time);
      if (!times.parseW3c(bytes, dateStart, valueEnd(bytes, dateStart, to), timeStart,
          valueEnd(bytes, timeStart, to))) {
        return Skim.PARSE; // parse() reports the unreadable time
      }
    }
    LayoutSearch search = search(filter, current);
    if (search.mayMatchSplit(bytes, from, to, (byte) ' ', lineShape())
        || mayMatchUri(bytes, from, to, current, search)) {
      candidate = current;
      return Skim.CANDIDATE;
    }
    if (timed) {
      span.add(times.second(), times.nano());
    } else {
      span.addUntimed();
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
    int[] cuts = RawLines.cuts(bytes, from, to, (byte) ' ', current.size());
    // ASCII without NUL (the skim checked): decoding is a copy, and parse() would read the same.
    String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    Instant timestamp = current.timeColumn < 0 || current.clockColumn < 0 ? null
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

  /**
   * cs-uri joins stem and query with '?', which the raw line separates by a space. It is no
   * column, so only the literals searched in whole lines can be bound to it.
   */
  private boolean mayMatchUri(
      byte[] bytes, int from, int to, RecordLayout current, LayoutSearch search) {
    RecordFilter filter = search.filter;
    if (!current.derivesUri || current.queryColumn < 0 || !filter.contains('?')) {
      return false;
    }
    int stem = RawLines.valueStart(bytes, from, to, (byte) ' ', current.stemColumn);
    int stemEnd = valueEnd(bytes, stem, to);
    int query = RawLines.valueStart(bytes, from, to, (byte) ' ', current.queryColumn);
    int queryEnd = valueEnd(bytes, query, to);
    if (queryEnd == query || (queryEnd - query == 1 && bytes[query] == '-')) {
      return false; // no query: cs-uri is the stem, already in the line
    }
    boolean emptyStem = stemEnd - stem == 1 && bytes[stem] == '-';
    int stemLength = emptyStem ? 0 : stemEnd - stem;
    int length = stemLength + 1 + queryEnd - query;
    if (uri.length < length) {
      uri = new byte[Math.max(length, 2 * uri.length)];
    }
    System.arraycopy(bytes, stem, uri, 0, stemLength);
    uri[stemLength] = '?';
    System.arraycopy(bytes, query, uri, stemLength + 1, queryEnd - query);
    return search.mayMatchJoined(uri, 0, length);
  }

  private static int valueEnd(byte[] bytes, int start, int to) {
    int end = RawLines.indexOf(bytes, start, to, (byte) ' ');
    return end < 0 ? to : end;
  }

  @Override
  public void finish() {
    // W3C records never span lines.
  }

  private void directive(String text, long lineNumber, long offset) {
    if (!text.regionMatches(true, 0, FIELDS, 0, FIELDS.length())) {
      return; // #Software, #Version, #Date, #Remark: nothing a record needs
    }
    List<String> names = new ArrayList<>();
    int i = FIELDS.length();
    int length = text.length();
    while (i < length && names.size() <= MAX_FIELDS) {
      int end = text.indexOf(' ', i);
      if (end < 0) {
        end = length;
      }
      if (end > i) {
        names.add(text.substring(i, end));
      }
      i = end + 1;
    }
    if (names.isEmpty() || names.size() > MAX_FIELDS) {
      layout = null;
      diagnostics.report(Diagnostic.warning("bad-fields-header",
          "#Fields line names " + (names.isEmpty() ? "no" : "more than " + MAX_FIELDS)
              + " fields; records below it are skipped until the next #Fields line",
          source.path(), lineNumber, offset));
      return;
    }
    if (layout == null || !layout.schema.names().equals(names)) {
      layout = RecordLayout.w3c(names, null);
    }
  }

  /** A standard IIS selection with {@code count} fields for a W3C-looking line, or null. */
  private @Nullable RecordLayout standardLayout(String text, int count) {
    DefaultFields.Layout assumed = DefaultFields.find(LogType.IIS_W3C, count);
    if (assumed == null || assumed.extraColumn() != null || !Lines.startsWithW3cDateTime(text)) {
      return null;
    }
    if (headerless == null || !headerless.schema.names().equals(assumed.names())) {
      headerless = RecordLayout.w3c(assumed.names(), null);
    }
    return headerless;
  }

  /** The layout assumed for a line met before any {@code #Fields}, or null when skipped. */
  private @Nullable RecordLayout headerlessLayout(
      String text, int count, long lineNumber, long offset) {
    DefaultFields.Layout assumed = DefaultFields.find(LogType.IIS_W3C, count);
    if (assumed == null || !Lines.startsWithW3cDateTime(text)) {
      skip("no-fields-header", "line before any #Fields header, and its " + count
          + " values match no standard IIS field selection", lineNumber, offset);
      return null;
    }
    if (headerless == null || !headerless.schema.names().equals(assumed.names())) {
      headerless = RecordLayout.w3c(assumed.names(), assumed.extraColumn());
    }
    if (!reportedHeaderless) {
      reportedHeaderless = true;
      diagnostics.report(Diagnostic.warning("no-fields-header",
          "no #Fields header; assumed the standard IIS selection of " + count + " fields: "
              + String.join(" ", assumed.names()), source.path(), lineNumber, offset));
    }
    return headerless;
  }

  private @Nullable Instant timestamp(
      String text, int[] cuts, RecordLayout current, long lineNumber, long offset) {
    int date = current.timeColumn;
    int time = current.clockColumn;
    if (date < 0 || time < 0) {
      return null;
    }
    Instant instant = Timestamps.parseW3c(
        text, cuts[date], cuts[date + 1] - 1, cuts[time], cuts[time + 1] - 1);
    if (instant == null) {
      diagnostics.report(Diagnostic.warning("bad-timestamp",
          "unreadable date/time '" + Lines.clip(text, cuts[date], cuts[date + 1] - 1) + " "
              + Lines.clip(text, cuts[time], cuts[time + 1] - 1) + "'; record kept without a time",
          source.path(), lineNumber, offset));
    }
    return instant;
  }

  private void skip(String code, String message, long lineNumber, long offset) {
    diagnostics.report(Diagnostic.skipped(code, message, source.path(), lineNumber, offset));
  }
}
