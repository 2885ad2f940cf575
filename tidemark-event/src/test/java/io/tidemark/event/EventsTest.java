package io.tidemark.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventsTest {
  private static final SourceFile IIS = SourceFile.of("W3SVC1/u_ex210303.log", LogType.IIS_W3C);

  @Test
  void columnar_knownField_returnsItsValue() {
    FieldSchema schema = FieldSchema.of(List.of("cs-method", "cs-uri-stem"));
    Event event =
        Events.columnar(IIS, 7, 120, Instant.EPOCH, schema, new String[] {"POST", "/ecp/y.js"}, null);

    assertThat(event.get("cs-uri-stem")).isEqualTo("/ecp/y.js");
    assertThat(event.has("cs-method")).isTrue();
    assertThat(event.get("c-ip")).isNull();
    assertThat(event.has("c-ip")).isFalse();
    assertThat(event.searchText().toString()).contains("POST").contains("/ecp/y.js");
  }

  @Test
  void columnar_valueCountDiffersFromSchema_throws() {
    FieldSchema schema = FieldSchema.of(List.of("a", "b"));
    assertThatThrownBy(() -> Events.columnar(IIS, 1, 0, null, schema, new String[] {"x"}, null))
        .hasMessageContaining("1 values for 2 fields");
  }

  @Test
  void of_nullValue_isPresentWithoutValue() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("EventID", 4624);
    fields.put("TargetUserName", null);
    fields.put("Data", List.of("Set-OabVirtualDirectory", "-ExternalUrl 'http://f/<script'"));
    Event event = Events.of(SourceFile.of("x.jsonl", LogType.WINDOWS_EVENT), 1, -1, null, fields);

    assertThat(event.get("EventID")).isEqualTo("4624");
    assertThat(event.has("TargetUserName")).isTrue();
    assertThat(event.get("TargetUserName")).isNull();
    assertThat(event.getAll("Data")).hasSize(2);
    List<String> visited = new ArrayList<>();
    event.forEachValue((name, value) -> visited.add(name + "=" + value));
    assertThat(visited)
        .containsExactly(
            "EventID=4624", "Data=Set-OabVirtualDirectory", "Data=-ExternalUrl 'http://f/<script'");
  }

  @Test
  void fromId_unknownId_listsAllowedIds() {
    assertThatThrownBy(() -> LogType.fromId("iis"))
        .hasMessageContaining("unknown log type 'iis'")
        .hasMessageContaining("iis-w3c");
  }

  @Test
  void describe_recordDiagnostic_namesFileLineAndOffset() {
    Diagnostic d = Diagnostic.skipped("line-too-long", "line of 10485760 bytes", "a.log", 3, 99);
    assertThat(d.describe()).isEqualTo("a.log:3 (offset 99): line of 10485760 bytes [line-too-long]");
  }
}
