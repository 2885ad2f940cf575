package io.tidemark.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import io.tidemark.source.text.RecordFilter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The skim path: records a filter rejects are counted exactly as if they had been parsed. */
class TextLogReaderTest {
  private static final String W3C = """
      #Software: Microsoft Internet Information Services 10.0
      #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
      2021-03-02 00:00:08 10.0.0.10 GET /owa/ - 443 - 10.0.0.5 Mozilla/5.0 - 200 0 0 17
      2021-03-02 00:00:09 10.0.0.10 GET /ecp/default.aspx a=1 443 - 10.0.0.5 curl/7.1 - 200 0 0 17
      2021-03-01 23:59:59.5 10.0.0.10 GET /owa/ - 443 - 10.0.0.5 Mozilla/5.0 - 401 1 1326 9
      2021-02-30 00:00:00 10.0.0.10 GET /owa/ - 443 - 10.0.0.5 Mozilla/5.0 - 200 0 0 17
      2021-03-02 00:00:10 10.0.0.10 GET /owa/ - 443
      2021-03-02 00:00:11 10.0.0.10 GET /owa/\0 - 443 - 10.0.0.5 Mozilla/5.0 - 200 0 0 17
      2021-03-02 00:00:12 10.0.0.10 GET /owa/caf\u00e9 - 443 - 10.0.0.5 Mozilla/5.0 - 200 0 0 17
      2021-03-02 00:00:13 10.0.0.10 GET /owa/ - 443 - 10.0.0.5 Mozilla/5.0 - 200 0 0 17\r\r
      #Fields: date time cs-uri-stem
      2021-03-03 01:00:00 /owa/
      2021-03-03 02:00:00 /owa/""";

  private static final String CSV = """
      #Fields: DateTime,RequestId,UrlStem,UserAgent,GenericInfo
      2021-03-02T00:00:26.750Z,r1,/owa/,Mozilla,"a,b ""q"" c"
      2021-03-02T00:00:27.000Z,r2,/ecp/,"Mozilla ""x""\",info
      DateTime,RequestId,UrlStem,UserAgent,GenericInfo
      2021-03-02T00:00:28Z,r3,/owa/,Mozilla,"multi
      line value"
      not-a-time,r4,/owa/,Mozilla,x
      2021-03-02T00:00:29.1Z,r5,/owa/,Mozilla
      2021-03-01T22:00:00.000000001Z,r6,/owa/,Mozilla,
      "unterminated,r7
      2021-03-02T00:00:30Z,r8,/owa/,Mozilla,last
      """;

  @Test
  void next_filterRejectingEverything_countsTheSameRecordsTimesAndDiagnostics() {
    for (String[] log : new String[][] {{W3C, "u_ex210302.log"}, {CSV, "HttpProxy_1.LOG"}}) {
      LogType type = log[1].startsWith("u_ex") ? LogType.IIS_W3C : LogType.EXCHANGE_HTTPPROXY;
      Read plain = read(log[0], type, log[1], null);
      Read skimmed = read(log[0], type, log[1], new Literals());

      assertThat(skimmed.recordsRead).isEqualTo(plain.recordsRead).isPositive();
      assertThat(skimmed.filtered).isPositive();
      assertThat(skimmed.events.size() + skimmed.filtered).isEqualTo(plain.events.size());
      assertThat(skimmed.diagnostics).isEqualTo(plain.diagnostics).isNotEmpty();
      assertThat(skimmed.earliest).isEqualTo(plain.earliest).isNotNull();
      assertThat(skimmed.latest).isEqualTo(plain.latest).isNotNull();
    }
  }

  @Test
  void next_w3cFilter_rejectsPlainLinesAndKeepsDamagedOnes() {
    Read skimmed = read(W3C, LogType.IIS_W3C, "u_ex210302.log", new Literals());

    // Parsed in full: the bad date, the NUL, the non-ASCII, the double-CR and the unterminated
    // last line; the short line is skipped with its diagnostic.
    assertThat(skimmed.ids()).containsExactly(6L, 8L, 9L, 10L, 13L);
    assertThat(skimmed.earliest).isEqualTo(Instant.parse("2021-03-01T23:59:59.500Z"));
    assertThat(skimmed.latest).isEqualTo(Instant.parse("2021-03-03T02:00:00Z"));
  }

  @Test
  void next_literalAcrossStemAndQuery_findsTheRecordThroughCsUri() {
    Read skimmed = read(W3C, LogType.IIS_W3C, "u_ex210302.log", new Literals("aspx?a=1"));

    assertThat(skimmed.ids()).contains(4L);
  }

  @Test
  void next_literalWithAQuote_parsesQuotedCsvLinesInFull() {
    Read skimmed = read(CSV, LogType.EXCHANGE_HTTPPROXY, "HttpProxy_1.LOG", new Literals("\"q\""));

    // r1's value holds "q" while its raw line holds ""q"": it must reach the rules.
    assertThat(skimmed.ids()).contains(2L, 3L);
  }

  @Test
  void next_csvFilterRejectingEverything_keepsDamagedAndMultiLineRecords() {
    Read skimmed = read(CSV, LogType.EXCHANGE_HTTPPROXY, "HttpProxy_1.LOG", new Literals());

    // The record spanning lines 5-6, the unreadable time, and the line that ends an open quote.
    assertThat(skimmed.ids()).containsExactly(5L, 7L, 11L);
    assertThat(skimmed.earliest).isEqualTo(Instant.parse("2021-03-01T22:00:00.000000001Z"));
  }

  private static Read read(String text, LogType type, String path, @Nullable RecordFilter filter) {
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();
    TextLogReader reader = new TextLogReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SourceFile.of(path, type),
        new FileDiagnostics(sink), IntakeOptions.defaults());
    if (filter != null) {
      reader.filter(filter);
    }
    List<Event> events = new ArrayList<>();
    Instant earliest = null;
    Instant latest = null;
    for (Event e = reader.next(); e != null; e = reader.next()) {
      events.add(e);
      earliest = min(earliest, e.timestamp());
      latest = max(latest, e.timestamp());
    }
    FilteredRecords filtered = reader.filtered();
    return new Read(events, reader.recordsRead(), filtered.count(), sink.diagnostics(),
        min(earliest, filtered.earliest()), max(latest, filtered.latest()));
  }

  private static @Nullable Instant min(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static @Nullable Instant max(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private record Read(List<Event> events, long recordsRead, long filtered,
      List<Diagnostic> diagnostics, @Nullable Instant earliest, @Nullable Instant latest) {
    List<Long> ids() {
      return events.stream().map(Event::recordId).toList();
    }
  }

  /** A plain case-insensitive literal search, standing in for the engine's scanner. */
  private static final class Literals implements RecordFilter {
    private final List<String> literals;

    Literals(String... literals) {
      this.literals = List.of(literals);
    }

    @Override
    public boolean mayMatch(byte[] bytes, int from, int to) {
      String text = new String(bytes, from, to - from, StandardCharsets.US_ASCII)
          .toLowerCase(Locale.ROOT);
      return literals.stream().anyMatch(text::contains);
    }

    @Override
    public boolean contains(char c) {
      return literals.stream().anyMatch(l -> l.indexOf(c) >= 0);
    }
  }
}
