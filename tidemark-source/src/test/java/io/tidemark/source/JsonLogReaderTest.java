package io.tidemark.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLogReaderTest {
  private static final String RECORD =
      "{\"winlog\": {\"channel\": \"Security\", \"event_id\": %d, \"record_id\": %d}}";
  private final DiagnosticSink.Collecting diagnostics = DiagnosticSink.collecting();
  private final FileDiagnostics fileDiagnostics = new FileDiagnostics(diagnostics);

  @Test
  void next_jsonLines_readsEachLine() {
    assertThat(read(RECORD.formatted(4624, 1) + "\n" + RECORD.formatted(4625, 2) + "\n"))
        .extracting(e -> e.get("EventID")).containsExactly("4624", "4625");
  }

  @Test
  void next_jsonArray_readsEachElement() {
    assertThat(read("[\n  " + RECORD.formatted(4624, 1) + ",\n  " + RECORD.formatted(4625, 2)
        + "\n]\n")).extracting(Event::recordId).containsExactly(1L, 2L);
  }

  @Test
  void next_concatenatedPrettyObjects_readsEachObject() {
    String pretty = """
        {
          "Event": {"System": {"EventID": 1, "EventRecordID": 10, "Channel": "x"},
                    "EventData": {"Note": "braces { in } strings \\" and quotes"}}
        }
        {
          "Event": {"System": {"EventID": 2, "EventRecordID": 11, "Channel": "x"}}
        }
        """;

    List<Event> events = read(pretty);

    assertThat(events).extracting(Event::recordId).containsExactly(10L, 11L);
    assertThat(events.get(0).get("Note")).isEqualTo("braces { in } strings \" and quotes");
    assertThat(events.get(1).offset()).isEqualTo(pretty.indexOf("{\n  \"Event\": {\"System\": {\"EventID\": 2"));
  }

  @Test
  void next_brokenRecordInTheMiddle_isSkippedWithOffsetAndReadingResumes() {
    String text = RECORD.formatted(1, 1) + "\n"
        + "{\"winlog\": {\"channel\": \"Security\", \"event_id\": 2, \"message\": \"cut off\n"
        + "  \"rest\": \"of the broken one\"}}\n"
        + "{\"winlog\": {\"channel\": \"Security\", \"event_id\": 3,}}\n"
        + RECORD.formatted(4, 4) + "\n";

    List<Event> events = read(text);

    assertThat(events).extracting(e -> e.get("EventID")).containsExactly("1", "4");
    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code, Diagnostic::offset)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bad-json", (long) text.indexOf("{\"winlog\": {\"channel\": \"Security\", \"event_id\": 2")),
            org.assertj.core.groups.Tuple.tuple("bad-json", (long) text.indexOf("{\"winlog\": {\"channel\": \"Security\", \"event_id\": 3")));
  }

  @Test
  void next_truncatedLastRecord_isReported() {
    assertThat(read(RECORD.formatted(1, 1) + "\n{\"winlog\": {\"channel\"")).hasSize(1);
    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code)
        .containsExactly("truncated-record");
  }

  @Test
  void next_recordLongerThanLimit_isSkipped() {
    String big = "{\"winlog\": {\"channel\": \"" + "x".repeat(5000) + "\", \"event_id\": 1}}";
    List<Event> events = read(big + "\n" + RECORD.formatted(2, 2) + "\n", 1024);

    assertThat(events).extracting(e -> e.get("EventID")).containsExactly("2");
    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code)
        .containsExactly("record-too-long");
  }

  private List<Event> read(String text) {
    return read(text, 1 << 20);
  }

  private List<Event> read(String text, int maxRecordBytes) {
    JsonLogReader reader = new JsonLogReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        SourceFile.of("events.json", LogType.WINDOWS_EVENT), fileDiagnostics,
        IntakeOptions.DEFAULTS.withMaxLineBytes(maxRecordBytes));
    List<Event> events = new ArrayList<>();
    Event event;
    while ((event = reader.next()) != null) {
      events.add(event);
    }
    assertThat(reader.failure()).isNull();
    return events;
  }
}
