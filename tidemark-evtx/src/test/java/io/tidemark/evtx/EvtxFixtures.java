package io.tidemark.evtx;

import static io.tidemark.evtx.EvtxBuilder.attr;
import static io.tidemark.evtx.EvtxBuilder.el;
import static io.tidemark.evtx.EvtxBuilder.opt;
import static io.tidemark.evtx.EvtxBuilder.sub;
import static io.tidemark.evtx.EvtxBuilder.text;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import io.tidemark.evtx.EvtxBuilder.TemplateSpec;
import io.tidemark.evtx.EvtxBuilder.Val;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Windows-shaped events for tests: the System template the event log service writes. */
final class EvtxFixtures {
  static final SourceFile SOURCE = SourceFile.of("Security.evtx", LogType.WINDOWS_EVENT);
  /** 2021-03-03T01:12:09.3947251Z as a FILETIME. */
  static final long TIME = 132_592_075_293_947_251L;

  /** The System block with its 18 values, EventData as a nested Binary XML value (17). */
  static final TemplateSpec SYSTEM = new TemplateSpec(0x74CBEEF9, el("Event",
      List.of(attr("xmlns", text("http://schemas.microsoft.com/win/2004/08/events/event"))),
      el("System",
          el("Provider", List.of(attr("Name", opt(14, 1)), attr("Guid", opt(15, 15)))),
          el("EventID", List.of(attr("Qualifiers", opt(4, 6))), sub(3, 6)),
          el("Version", opt(11, 4)),
          el("Level", opt(0, 4)),
          el("Task", opt(2, 6)),
          el("Opcode", opt(1, 4)),
          el("Keywords", opt(5, 0x15)),
          el("TimeCreated", List.of(attr("SystemTime", opt(6, 0x11)))),
          el("EventRecordID", opt(10, 0x0A)),
          el("Correlation", List.of(attr("ActivityID", opt(7, 15)),
              attr("RelatedActivityID", opt(13, 15)))),
          el("Execution", List.of(attr("ProcessID", opt(8, 8)), attr("ThreadID", opt(9, 8)))),
          el("Channel", opt(16, 1)),
          el("Computer", text("WKS01.corp.local")),
          el("Security", List.of(attr("UserID", opt(12, 0x13))))),
      opt(17, 0x21)));

  /** A 4688-like EventData with three named values. */
  static final TemplateSpec PROCESS = new TemplateSpec(0x1A2B3C4D, el("EventData",
      el("Data", List.of(attr("Name", text("NewProcessName"))), sub(0, 1)),
      el("Data", List.of(attr("Name", text("CommandLine"))), sub(1, 1)),
      el("Data", List.of(attr("Name", text("SubjectLogonId"))), sub(2, 0x15))));

  private EvtxFixtures() {}

  /** The 18 System values of a Security event, EventData last. */
  static Val[] system(long recordId, int eventId, Val eventData) {
    return new Val[] {
      Val.u8(0), Val.u8(0), Val.u16(13312), Val.u16(eventId), Val.nul(),
      Val.hex64(0x8020000000000000L), Val.filetime(TIME), Val.nul(), Val.u32(4), Val.u32(7428),
      Val.u64(recordId), Val.u8(2), Val.nul(), Val.nul(),
      Val.string("Microsoft-Windows-Security-Auditing"),
      Val.guid("54849625-5478-4994-A5BA-3E3B0328C30D"),
      Val.string("Security"), eventData};
  }

  /** A chunk of {@code count} 4688 records with ids from {@code firstId}. */
  static EvtxBuilder.Chunk processChunk(long firstId, int count) {
    EvtxBuilder.Chunk chunk = new EvtxBuilder.Chunk();
    for (int i = 0; i < count; i++) {
      long id = firstId + i;
      chunk.record(id, TIME + i, SYSTEM, system(id, 4688, Val.binxml(PROCESS,
          Val.string("C:\\Windows\\System32\\cmd.exe"),
          Val.string("cmd.exe /c whoami #" + id), Val.hex64(0x3E7))));
    }
    return chunk;
  }

  /** Every event of a file, decoded with the given options. */
  static List<Event> read(byte[] file, DiagnosticSink sink, EvtxOptions options) {
    try (EvtxReader reader = EvtxReader.open(new ByteArrayInputStream(file), SOURCE, sink,
        options)) {
      List<Event> events = new ArrayList<>();
      for (Event event = reader.next(); event != null; event = reader.next()) {
        events.add(event);
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads with one thread so diagnostics arrive deterministically. */
  static List<Event> read(byte[] file, DiagnosticSink sink) {
    return read(file, sink, EvtxOptions.defaults().withThreads(1));
  }

  /** The public data sets folder, from the {@code tidemark.datasets} system property. */
  static Path datasets() {
    String property = System.getProperty("tidemark.datasets");
    return property == null ? Path.of("..", "..", "shared", "datasets") : Path.of(property);
  }

  static boolean isDirectory(Path path) {
    return Files.isDirectory(path);
  }
}
