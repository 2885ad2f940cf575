package io.tidemark.source.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class W3cLineParserTest {
  private static final SourceFile SOURCE = SourceFile.of("W3SVC1/u_ex210303.log", LogType.IIS_W3C);
  private final DiagnosticSink.Collecting diagnostics = DiagnosticSink.collecting();

  @Test
  void parse_defaultHeader_bindsFieldsByName() {
    List<Event> events = parse("""
        #Software: Microsoft Internet Information Services 10.0
        #Version: 1.0
        #Date: 2022-10-06 07:13:03
        #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
        2022-10-06 18:51:06 10.0.0.11 GET /aspnet_netclient/4_0_30319/devilzShell.aspx dir=C%3A%5C&cmd=dsquery+*+-filter+%22%28adminCount%3D1%29%22&btnCommand=Execute 443 - 20.106.209.84 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) https://20.62.174.61/aspnet_netclient/4_0_30319/devilzShell.aspx?dir=C%3A%5C 200 0 0 432
        """);

    assertThat(events).hasSize(1);
    Event event = events.get(0);
    assertThat(event.recordId()).isEqualTo(5);
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2022-10-06T18:51:06Z"));
    assertThat(event.get("cs-uri-stem")).isEqualTo("/aspnet_netclient/4_0_30319/devilzShell.aspx");
    assertThat(event.get("cs(User-Agent)")).isEqualTo("Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)");
    assertThat(event.get("cs-username")).isEmpty();
    assertThat(event.has("cs-username")).isTrue();
    assertThat(event.get("sc-status")).isEqualTo("200");
    assertThat(event.get("cs-uri")).isEqualTo("/aspnet_netclient/4_0_30319/devilzShell.aspx"
        + "?dir=C%3A%5C&cmd=dsquery+*+-filter+%22%28adminCount%3D1%29%22&btnCommand=Execute");
    assertThat(event.fieldNames()).endsWith("time-taken", "cs-uri");
    assertThat(diagnostics.diagnostics()).isEmpty();
  }

  @Test
  void searchText_queryPresent_containsEveryValueIncludingDerivedUri() {
    Event event = parse("""
        #Fields: date time cs-method cs-uri-stem cs-uri-query c-ip
        2021-03-03 01:12:09 POST /ecp/y.js a=1 10.0.0.1
        """).get(0);

    List<String> values = new ArrayList<>();
    event.forEachValue((name, value) -> values.add(value));
    assertThat(values).contains("/ecp/y.js?a=1");
    assertThat(values).allSatisfy(v -> assertThat(event.searchText().toString()).contains(v));
  }

  @Test
  void get_emptyQuery_uriIsStemAlone() {
    Event event = parse("""
        #Fields: date time cs-uri-stem cs-uri-query
        2021-03-03 01:12:09 /owa/auth/x.js -
        """).get(0);

    assertThat(event.get("cs-uri-query")).isEmpty();
    assertThat(event.get("cs-uri")).isEqualTo("/owa/auth/x.js");
    assertThat(event.searchText().toString()).isEqualTo("2021-03-03 01:12:09 /owa/auth/x.js -");
  }

  @Test
  void parse_fieldsChangeMidFile_rereadsHeader() {
    List<Event> events = parse("""
        #Fields: date time c-ip cs-uri-stem
        2018-01-01 08:09:10 10.0.0.1 /a
        #Fields: date time cs-uri-stem c-ip sc-status
        2018-01-01 09:10:11 /b 10.0.0.2 404
        """);

    assertThat(events).extracting(e -> e.get("cs-uri-stem")).containsExactly("/a", "/b");
    assertThat(events).extracting(e -> e.get("c-ip")).containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(events.get(0).has("sc-status")).isFalse();
    assertThat(events.get(1).get("sc-status")).isEqualTo("404");
  }

  @Test
  void parse_tooFewValues_skipsWithFieldCount() {
    List<Event> events = parse("""
        #Fields: date time c-ip cs-uri-stem cs-bytes
        2003-11-18 00:00:01 192.168.1.102 /images/address.gif
        """);

    assertThat(events).isEmpty();
    Diagnostic d = diagnostics.diagnostics().get(0);
    assertThat(d.severity()).isEqualTo(Diagnostic.Severity.SKIPPED);
    assertThat(d.code()).isEqualTo("field-count");
    assertThat(d.line()).isEqualTo(2);
    assertThat(d.message()).contains("4 values").contains("names 5");
  }

  @Test
  void parse_ipv6WithZone_keptVerbatim() {
    Event event = parse("""
        #Fields: date time s-ip c-ip
        2018-01-01 10:11:12 ::1%0 fe80::90a2:c143:3f63:5f44%9
        """).get(0);

    assertThat(event.get("s-ip")).isEqualTo("::1%0");
    assertThat(event.get("c-ip")).isEqualTo("fe80::90a2:c143:3f63:5f44%9");
  }

  @Test
  void parse_badDate_keepsRecordWithoutTimeAndWarns() {
    Event event = parse("""
        #Fields: date time c-ip
        2021-02-31 01:12:09 10.0.0.1
        """).get(0);

    assertThat(event.timestamp()).isNull();
    assertThat(diagnostics.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo("bad-timestamp"));
  }

  @Test
  void parse_noFieldsHeaderAndUnknownShape_skips() {
    assertThat(parse("hello world\n")).isEmpty();
    assertThat(diagnostics.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo("no-fields-header"));
  }

  @Test
  void parse_elasticXForwardedForSample_readsExtraColumnWithWarning() throws IOException {
    List<Event> events = parseSample("elastic-beats/test-x-forward-for-extended.log");

    assertThat(events).hasSize(6);
    assertThat(events.get(0).get("X-Forwarded-For")).isEqualTo("116.189.86.89");
    assertThat(events.get(0).get("cs-host")).isEqualTo("images.hogeschoolrotterdam.nl");
    assertThat(events.get(0).get("time-taken")).isEqualTo("0");
    assertThat(events.get(2).get("cs-uri-query")).isEqualTo("width=35&height=38&mode=crop");
    assertThat(codes()).contains("no-fields-header", "extra-column");
  }

  @Test
  void parse_elasticTestLog_readsThreeHeadersAndStrutsPayloads() throws IOException {
    List<Event> events = parseSample("elastic-beats/test.log");

    assertThat(events).hasSize(5);
    assertThat(events.get(1).get("s-sitename")).isEqualTo("W3SVC1");
    assertThat(events.get(2).get("s-computername")).isEqualTo("MACHINE-NAME");
    // The last two lines have 15 values under a 22-field header: read with the IIS 8.5 layout.
    assertThat(events.get(3).get("cs-uri-query")).startsWith("redirect:${%23req%3d%23context");
    assertThat(events.get(4).get("cs-uri-stem")).startsWith("/${#context['xwork.");
    assertThat(events.get(4).get("sc-status")).isEqualTo("404");
  }

  @Test
  void parse_everyWellFormedIisSample_readsAllRecords() throws IOException {
    assertThat(parseSample("brianary-scripts/u_ex100815.log")).hasSize(16)
        .allSatisfy(e -> assertThat(e.get("s-sitename")).isEqualTo("W3SVC20"));
    assertThat(parseSample("brianary-scripts/u_ex160110.log")).hasSize(28)
        .allSatisfy(e -> assertThat(e.timestamp()).isNotNull());
    assertThat(parseSample("brianary-scripts/ex960101.log")).hasSize(5)
        .first().satisfies(e -> assertThat(e.get("cs(Cookie)")).isEmpty());
    assertThat(parseSample("elastic-beats/access-full.log")).singleElement()
        .satisfies(e -> assertThat(e.get("cs-bytes")).isEqualTo("456"));
    assertThat(parseSample("elastic-beats/test-ipv6zone.log")).singleElement()
        .satisfies(e -> assertThat(e.get("c-ip")).isEqualTo("::1%0"));
    assertThat(parseSample("elastic-beats/test-iis-7.5.log")).hasSize(4)
        .last().satisfies(e -> assertThat(e.get("s-ip"))
            .isEqualTo("2001:cdba:0000:0000:0000:0000:3257:9652"));
    assertThat(diagnostics.diagnostics()).isEmpty();
  }

  @Test
  void parse_logParserSampleWithTruncatedLine_skipsOnlyThatLine() throws IOException {
    List<Event> events = parseSample("brianary-scripts/ex031118.log");

    assertThat(events).extracting(e -> e.get("cs-uri-stem"))
        .containsExactly("/Default.htm", "/hitcount.asp", "/cgi-bin/counts.exe");
    assertThat(events).allSatisfy(e -> assertThat(e.timestamp()).isNull()); // no time field
    assertThat(codes()).containsExactly("field-count");
  }

  @Test
  void parse_iisNativeFormat_isNotW3c() throws IOException {
    assertThat(parseSample("brianary-scripts/ex010320.log")).isEmpty();
    assertThat(codes()).containsOnly("no-fields-header");
  }

  private List<String> codes() {
    return diagnostics.diagnostics().stream().map(Diagnostic::code).toList();
  }

  private List<Event> parse(String text) {
    LineParser parser = LineParser.create(SOURCE, diagnostics);
    List<Event> events = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Event event = parser.parse(lines[i], i + 1, -1);
      if (event != null) {
        events.add(event);
      }
    }
    parser.finish();
    return events;
  }

  private List<Event> parseSample(String name) throws IOException {
    Path file = Samples.dataset("iis-w3c-samples").resolve(name);
    assumeTrue(Files.isRegularFile(file), file + " not present; skipping IIS sample test");
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }
}
