package io.tidemark.evtx;

import static io.tidemark.evtx.EvtxFixtures.PROCESS;
import static io.tidemark.evtx.EvtxFixtures.SYSTEM;
import static io.tidemark.evtx.EvtxFixtures.TIME;
import static io.tidemark.evtx.EvtxFixtures.processChunk;
import static io.tidemark.evtx.EvtxFixtures.read;
import static io.tidemark.evtx.EvtxFixtures.system;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.evtx.EvtxBuilder.Val;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvtxReaderTest {

  @Test
  void next_wellFormedFile_returnsRecordsInOrderWithSigmaFieldNames() throws IOException {
    byte[] file = EvtxBuilder.file(processChunk(100, 3).build());
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    List<Event> events = read(file, sink);

    assertThat(sink.diagnostics()).isEmpty();
    assertThat(events).extracting(Event::recordId).containsExactly(100L, 101L, 102L);
    Event first = events.get(0);
    assertThat(first.offset()).isEqualTo(4096 + 512);
    assertThat(first.timestamp()).isEqualTo(Instant.parse("2021-03-03T01:12:09.3947251Z"));
    assertThat(first.fieldNames()).containsExactly("Provider_Name", "Provider_Guid", "EventID",
        "Version", "Level", "Task", "Opcode", "Keywords", "TimeCreated", "EventRecordID",
        "Execution_ProcessID", "Execution_ThreadID", "Channel", "Computer",
        "NewProcessName", "CommandLine", "SubjectLogonId");
    assertThat(first.get("Provider_Name")).isEqualTo("Microsoft-Windows-Security-Auditing");
    assertThat(first.get("Provider_Guid")).isEqualTo("54849625-5478-4994-A5BA-3E3B0328C30D");
    assertThat(first.get("EventID")).isEqualTo("4688");
    assertThat(first.get("Keywords")).isEqualTo("0x8020000000000000");
    assertThat(first.get("TimeCreated")).isEqualTo("2021-03-03T01:12:09.394725Z");
    assertThat(first.get("EventRecordID")).isEqualTo("100");
    assertThat(first.get("Computer")).isEqualTo("WKS01.corp.local");
    assertThat(first.get("CommandLine")).isEqualTo("cmd.exe /c whoami #100");
    assertThat(first.get("SubjectLogonId")).isEqualTo("0x3e7");
    // Optional substitutions without value: absent, as in evtx_dump's JSON.
    assertThat(first.has("EventID_Qualifiers")).isFalse();
    assertThat(first.has("Security_UserID")).isFalse();
    assertThat(first.has("Tidemark_Recovered")).isFalse();
  }

  @Test
  void render_record_matchesWindowsXml() {
    byte[] file = EvtxBuilder.file(processChunk(7, 1).build());

    String xml = EvtxXml.render(read(file, DiagnosticSink.ignoring()).get(0));

    assertThat(xml).isEqualTo("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/"
        + "event'><System><Provider Name='Microsoft-Windows-Security-Auditing' "
        + "Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/><EventID>4688</EventID>"
        + "<Version>2</Version><Level>0</Level><Task>13312</Task><Opcode>0</Opcode>"
        + "<Keywords>0x8020000000000000</Keywords>"
        + "<TimeCreated SystemTime='2021-03-03T01:12:09.3947251Z'/>"
        + "<EventRecordID>7</EventRecordID><Correlation/>"
        + "<Execution ProcessID='4' ThreadID='7428'/><Channel>Security</Channel>"
        + "<Computer>WKS01.corp.local</Computer><Security/></System><EventData>"
        + "<Data Name='NewProcessName'>C:\\Windows\\System32\\cmd.exe</Data>"
        + "<Data Name='CommandLine'>cmd.exe /c whoami #7</Data>"
        + "<Data Name='SubjectLogonId'>0x3e7</Data></EventData></Event>");
  }

  @Test
  void next_twoThreads_returnsTheSameEventsInTheSameOrderAsOne() throws IOException {
    byte[] file = EvtxBuilder.file(processChunk(1, 40).build(), processChunk(41, 40).build(),
        processChunk(81, 40).build(), processChunk(121, 40).build());

    List<Event> one = read(file, DiagnosticSink.ignoring());
    List<Event> two = read(file, DiagnosticSink.ignoring(), EvtxOptions.defaults());

    assertThat(two).extracting(Event::recordId).containsExactlyElementsOf(
        one.stream().map(Event::recordId).toList()).hasSize(160);
    assertThat(two).extracting(EvtxXml::render)
        .containsExactlyElementsOf(one.stream().map(EvtxXml::render).toList());
  }

  @Test
  void next_chunkHeaderChecksumFlipped_decodesAnywayAndWarns() throws IOException {
    byte[] chunk = processChunk(1, 3).build();
    chunk[124] ^= 0x55;
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    List<Event> events = read(EvtxBuilder.file(chunk), sink);

    assertThat(events).hasSize(3);
    assertThat(sink.diagnostics()).extracting(Diagnostic::code)
        .containsExactly("evtx-chunk-header-crc");
    assertThat(sink.diagnostics().get(0).offset()).isEqualTo(4096);
  }

  @Test
  void next_recordDataChecksumBroken_decodesAnywayAndWarns() throws IOException {
    byte[] chunk = processChunk(1, 3).build();
    int hash = indexOf(chunk, "#3".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    chunk[hash + 2] = '4'; // the record still decodes, its bytes no longer match the CRC
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    List<Event> events = read(EvtxBuilder.file(chunk), sink);

    assertThat(events).hasSize(3);
    assertThat(sink.diagnostics()).extracting(Diagnostic::code)
        .containsExactly("evtx-chunk-data-crc");
  }

  @Test
  void next_fileHeaderChecksumAndDirtyFlag_reportedAndCounted() throws IOException {
    byte[] file = EvtxBuilder.file(processChunk(1, 2).build());
    file[120] = 1; // dirty (the flags are not covered by the header CRC)
    file[24] ^= 1; // next record id: covered, so the CRC no longer matches
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    try (EvtxReader reader = open(file, sink)) {
      assertThat(drainEvents(reader)).isEqualTo(2);
      assertThat(reader.summary().dirty()).isTrue();
      assertThat(reader.summary().crcMismatches()).isEqualTo(1);
    }
    assertThat(sink.diagnostics()).extracting(Diagnostic::code)
        .containsExactly("evtx-file-header-crc", "evtx-file-dirty");
  }

  @Test
  void next_fileTruncatedInsideSecondChunk_returnsRecordsBeforeTheCutAndCountsTheLost() throws IOException {
    EvtxBuilder.Chunk second = processChunk(11, 10);
    byte[] file = EvtxBuilder.file(processChunk(1, 10).build(), second.build());
    int cut = 4096 + 65536 + second.position() / 2;
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    try (EvtxReader reader = open(Arrays.copyOf(file, cut), sink)) {
      long read = drainEvents(reader);
      EvtxSummary summary = reader.summary();
      assertThat(read).isBetween(11L, 19L);
      assertThat(summary.truncated()).isTrue();
      assertThat(summary.records() + summary.lost()).isEqualTo(20);
    }
    assertThat(sink.diagnostics()).extracting(Diagnostic::code)
        .contains("evtx-truncated", "evtx-chunk-data-crc", "evtx-records-missing");
    assertThat(sink.diagnostics()).filteredOn(d -> d.code().equals("evtx-truncated"))
        .extracting(Diagnostic::offset).containsExactly((long) cut);
  }

  @Test
  void next_zeroedChunkBetweenGoodOnes_readsTheOthersAndCountsTheEmptyBlock() throws IOException {
    byte[] file = EvtxBuilder.file(processChunk(1, 5).build(), processChunk(6, 5).build(),
        processChunk(11, 5).build());
    byte[] zeroed = EvtxBuilder.fill(file, 4096 + 65536, 65536, 0);

    try (EvtxReader reader = open(zeroed, DiagnosticSink.ignoring())) {
      assertThat(drainEvents(reader)).isEqualTo(10);
      assertThat(reader.summary().emptyBlocks()).isEqualTo(1);
      assertThat(reader.summary().chunks()).isEqualTo(2);
    }
  }

  @Test
  void next_chunkOverwrittenByNewerRecords_recoversTheOldOnesFromSlackAndFlagsThem() throws IOException {
    byte[] old = processChunk(50, 8).build();
    EvtxBuilder.Chunk newer = processChunk(900, 3);
    byte[] reused = old.clone();
    byte[] fresh = newer.build();
    System.arraycopy(fresh, 0, reused, 0, newer.position());
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    List<Event> events = read(EvtxBuilder.file(reused), sink);

    assertThat(events).extracting(Event::recordId).startsWith(900L, 901L, 902L);
    List<Event> recovered = events.stream().filter(e -> e.has("Tidemark_Recovered")).toList();
    assertThat(recovered).isNotEmpty().allSatisfy(e -> {
      assertThat(e.recordId()).isBetween(50L, 57L);
      assertThat(e.get("Tidemark_Recovered")).isEqualTo("true");
      assertThat(e.get("CommandLine")).isEqualTo("cmd.exe /c whoami #" + e.recordId());
    });
    assertThat(sink.diagnostics()).extracting(Diagnostic::code).contains("evtx-recovered");
  }

  @Test
  void next_slackRecordWhoseTemplateWasOverwritten_keepsItsValuesAsUnnamedData()
      throws IOException {
    byte[] old = processChunk(50, 8).build();
    EvtxBuilder.Chunk newer = new EvtxBuilder.Chunk();
    EvtxBuilder.TemplateSpec logon = new EvtxBuilder.TemplateSpec(0x0A0B0C0D,
        EvtxBuilder.el("EventData", EvtxBuilder.el("Data", java.util.List.of(EvtxBuilder.attr(
            "Name", EvtxBuilder.text("TargetUserName"))), EvtxBuilder.sub(0, 1))));
    for (int i = 0; i < 4; i++) {
      newer.record(900 + i, TIME, SYSTEM, system(900 + i, 4624, Val.binxml(logon,
          Val.string("administrator-with-a-long-name-" + i))));
    }
    byte[] reused = old.clone();
    System.arraycopy(newer.build(), 0, reused, 0, newer.position());
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    List<Event> events = read(EvtxBuilder.file(reused), sink);

    List<Event> partial = events.stream().filter(e -> e.has("Tidemark_MissingTemplate"))
        .toList();
    assertThat(partial).isNotEmpty().allSatisfy(e -> {
      assertThat(e.get("Tidemark_MissingTemplate")).isEqualTo("0x1a2b3c4d");
      assertThat(e.get("EventID")).isEqualTo("4688");
      assertThat(e.getAll("Data")).containsExactly("C:\\Windows\\System32\\cmd.exe",
          "cmd.exe /c whoami #" + e.recordId(), "0x3e7");
    });
    assertThat(EvtxXml.render(partial.get(0)))
        .contains("<EventData Tidemark_MissingTemplate='0x1a2b3c4d'><Data>C:\\Windows");
    assertThat(sink.diagnostics()).extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("lost a template to overwriting"));
  }

  @Test
  void next_slackRecordsWhoseSystemTemplateGotANewGuid_useTheTemplateAtTheirOffset()
      throws IOException {
    byte[] old = processChunk(50, 8).build();
    EvtxBuilder.TemplateSpec renamed = new EvtxBuilder.TemplateSpec(0x11111111, SYSTEM.root());
    EvtxBuilder.Chunk newer = new EvtxBuilder.Chunk();
    for (int i = 0; i < 3; i++) {
      newer.record(900 + i, TIME, renamed, system(900 + i, 4688, Val.binxml(PROCESS,
          Val.string("x.exe"), Val.string("x"), Val.hex64(i))));
    }
    byte[] reused = old.clone();
    System.arraycopy(newer.build(), 0, reused, 0, newer.position());

    List<Event> recovered = read(EvtxBuilder.file(reused), DiagnosticSink.ignoring()).stream()
        .filter(e -> e.has("Tidemark_Recovered")).toList();

    assertThat(recovered).isNotEmpty().allSatisfy(e -> {
      assertThat(e.get("Computer")).isEqualTo("WKS01.corp.local");
      assertThat(e.get("CommandLine")).isEqualTo("cmd.exe /c whoami #" + e.recordId());
      assertThat(e.has("Tidemark_MissingTemplate")).isFalse();
    });
  }

  @Test
  void next_slackRecordsWhoseSystemTemplateIsGone_rebuildTheSystemFieldsFromTheirValues()
      throws IOException {
    byte[] old = processChunk(50, 8).build();
    EvtxBuilder.TemplateSpec other = new EvtxBuilder.TemplateSpec(0x22222222,
        EvtxBuilder.el("Event", EvtxBuilder.el("Message", EvtxBuilder.sub(0, 1))));
    EvtxBuilder.Chunk newer = new EvtxBuilder.Chunk();
    for (int i = 0; i < 3; i++) {
      newer.record(900 + i, TIME, other, Val.string("a message long enough to cover #" + i));
    }
    byte[] reused = old.clone();
    System.arraycopy(newer.build(), 0, reused, 0, newer.position());

    List<Event> recovered = read(EvtxBuilder.file(reused), DiagnosticSink.ignoring()).stream()
        .filter(e -> e.has("Tidemark_Recovered")).toList();

    assertThat(recovered).isNotEmpty().allSatisfy(e -> {
      assertThat(e.get("Tidemark_MissingTemplate")).isEqualTo("0x74cbeef9");
      assertThat(e.get("EventID")).isEqualTo("4688");
      assertThat(e.get("Channel")).isEqualTo("Security");
      assertThat(e.get("EventRecordID")).isEqualTo(Long.toString(e.recordId()));
      assertThat(e.timestamp()).isEqualTo(Instant.parse("2021-03-03T01:12:09.3947251Z"));
      assertThat(e.has("Computer")).isFalse(); // the template held it as text
      assertThat(e.getAll("CommandLine").size() + e.getAll("Data").size()).isPositive();
    });
  }

  @Test
  void next_recordsPastStaleFreeSpaceOffset_areReadAsRecordsWithAWarning() throws IOException {
    EvtxBuilder.Chunk chunk = processChunk(1, 6);
    int staleEnd = chunk.record(7, TIME, SYSTEM, system(7, 4688, Val.binxml(PROCESS,
        Val.string("a.exe"), Val.string("a"), Val.hex64(1))));
    chunk.record(8, TIME, SYSTEM, system(8, 4688, Val.binxml(PROCESS,
        Val.string("b.exe"), Val.string("b"), Val.hex64(2))));
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    List<Event> events = read(EvtxBuilder.file(chunk.build(staleEnd)), sink);

    assertThat(events).extracting(Event::recordId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L,
        8L);
    assertThat(events).noneMatch(e -> e.has("Tidemark_Recovered"));
    assertThat(sink.diagnostics()).extracting(Diagnostic::code)
        .contains("evtx-chunk-header-stale");
  }

  @Test
  void next_recordSizeCorruptedMidChunk_carvesTheRecordsAfterIt() throws IOException {
    EvtxBuilder.Chunk chunk = processChunk(1, 6);
    byte[] bytes = chunk.build();
    int second = 512 + Bytes.i32(bytes, 512 + 4);
    bytes[second + 4] ^= 0x10; // size no longer matches its copy at the record's end
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    List<Event> events = read(EvtxBuilder.file(bytes), sink);

    assertThat(events).extracting(Event::recordId).containsExactly(1L, 3L, 4L, 5L, 6L);
    assertThat(events.subList(1, 5)).allMatch(e -> "true".equals(e.get("Tidemark_Recovered")));
    assertThat(sink.diagnostics()).extracting(Diagnostic::code)
        .contains("evtx-record-corrupt", "evtx-records-missing", "evtx-recovered");
  }

  @Test
  void next_undecodableBinaryXml_skipsThatRecordWithItsIdAndOffset() throws IOException {
    EvtxBuilder.Chunk chunk = processChunk(1, 2);
    int bad = chunk.record(3, TIME, SYSTEM, system(3, 4688, Val.string("x")));
    chunk.record(4, TIME, SYSTEM, system(4, 4688, Val.string("y")));
    byte[] bytes = chunk.build();
    bytes[bad + 24 + 4] = 0x7F; // the template-instance token becomes an unknown token
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    List<Event> events = read(EvtxBuilder.file(bytes), sink);

    assertThat(events).extracting(Event::recordId).containsExactly(1L, 2L, 4L);
    Diagnostic skipped = sink.diagnostics().stream()
        .filter(d -> d.code().equals("evtx-record-undecodable")).findFirst().orElseThrow();
    assertThat(skipped.severity()).isEqualTo(Diagnostic.Severity.SKIPPED);
    assertThat(skipped.line()).isEqualTo(3);
    assertThat(skipped.offset()).isEqualTo(4096 + bad);
    assertThat(skipped.message()).contains("unexpected token 0x7f");
  }

  @Test
  void next_notAnEvtxFile_reportsAndReturnsNothing() throws IOException {
    byte[] text = "#Software: Microsoft Internet Information Services 10.0\r\n".repeat(2000)
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    assertThat(read(text, sink)).isEmpty();
    assertThat(sink.diagnostics()).extracting(Diagnostic::code).contains("evtx-file-signature");
  }

  @Test
  void next_emptyInput_reportsEmptyFile() throws IOException {
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    assertThat(read(new byte[0], sink)).isEmpty();
    assertThat(sink.diagnostics()).extracting(Diagnostic::code).containsExactly("evtx-empty");
  }

  @Test
  void next_readFails_endsTheStreamAndKeepsTheError() throws IOException {
    byte[] file = EvtxBuilder.file(processChunk(1, 3).build(), processChunk(4, 3).build());
    InputStream failing = new InputStream() {
      private final InputStream in = new ByteArrayInputStream(file, 0, 4096 + 65536 + 100);

      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
          throw new IOException("device error");
        }
        return b;
      }
    };
    DiagnosticSink.Collecting sink = DiagnosticSink.collecting();

    try (EvtxReader reader = EvtxReader.open(failing, EvtxFixtures.SOURCE, sink,
        EvtxOptions.defaults())) {
      assertThat(drainEvents(reader)).isEqualTo(3);
      assertThat(reader.failure()).hasMessage("device error");
    }
    assertThat(sink.diagnostics()).extracting(Diagnostic::code).contains("evtx-read-error");
  }

  @Test
  void drain_afterFirstEvent_countsTheRestByChunkHeaders() throws IOException {
    byte[] file = EvtxBuilder.file(processChunk(1, 10).build(), processChunk(11, 10).build(),
        processChunk(21, 10).build());

    try (EvtxReader reader = EvtxReader.open(new ByteArrayInputStream(file), EvtxFixtures.SOURCE,
        DiagnosticSink.ignoring(), new EvtxOptions(1, 1, true, false))) {
      assertThat(reader.next()).isNotNull();
      assertThat(reader.drain()).isEqualTo(29);
      assertThat(reader.next()).isNull();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  private static EvtxReader open(byte[] file, DiagnosticSink sink) {
    return EvtxReader.open(new ByteArrayInputStream(file), EvtxFixtures.SOURCE, sink,
        EvtxOptions.defaults().withThreads(1));
  }

  private static long drainEvents(EvtxReader reader) {
    long count = 0;
    while (reader.next() != null) {
      count++;
    }
    return count;
  }
}
