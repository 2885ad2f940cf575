package io.tidemark.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.event.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every EVTX file of the Sigma regression cases (202 files, 238 records) against three oracles:
 * the case's evtx_dump JSON rendering (field by field, mapped the way the {@code windows-event}
 * JSON reader maps it, so a rule sees the same fields from both), evtxexport and python-evtx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigmaRegressionFidelityTest {
  /**
   * Where the case's JSON disagrees with its own .evtx. Both peers decode the .evtx as we do
   * (checked by the peer tests of this class), so the JSON was edited or made from another log.
   */
  private static final Map<String, String> JSON_ERRATA = Map.of(
      "ad691d92-15f2-4181-9aa4-723c74f9ddc3.evtx#ParentCommandLine",
      "JSON says Explorer.exe, the .evtx holds Explorer.EXE");

  private final Map<Path, List<Event>> ours = new LinkedHashMap<>();
  private List<Path> files = List.of();

  @BeforeAll
  void decodeEveryCase() throws IOException {
    Path dir = EvtxFixtures.datasets().resolve("sigma-regression-data").resolve("regression_data");
    assumeTrue(Files.isDirectory(dir),
        dir + " not present; skipping the Sigma regression fidelity comparison");
    files = AttackSamplesFidelityTest.evtxFiles(dir);
    for (Path file : files) {
      ours.put(file, AttackSamplesFidelityTest.decode(file, EvtxOptions.defaults()
          .withRecover(false)));
    }
  }

  @Test
  void decode_everyCase_hasTheRecordsOfItsJsonRendering() throws IOException {
    long records = 0;
    for (Path file : files) {
      assertThat(ours.get(file)).as(file.toString()).hasSameSizeAs(json(file));
      records += ours.get(file).size();
    }
    assertThat(files).hasSize(202);
    assertThat(records).isEqualTo(238);
  }

  @Test
  void decode_everyCase_fieldsEqualTheJsonReadersFields() throws IOException {
    List<String> problems = new ArrayList<>();
    int compared = 0;
    for (Path file : files) {
      List<JsonNode> records = json(file);
      List<Event> events = ours.get(file);
      for (int i = 0; i < Math.min(records.size(), events.size()); i++) {
        Map<String, @Nullable Object> expected = JsonFields.of(records.get(i));
        compare(file.getFileName() + "#", expected, events.get(i), problems);
        compared += expected.size();
      }
    }
    assertThat(problems).isEmpty();
    assertThat(compared).isGreaterThan(238 * 20);
  }

  @Test
  void decode_everyCase_matchesEvtxexport() {
    assumeTrue(Peers.hasEvtxexport(),
        "evtxexport not installed (apt-get install libevtx-utils); skipping the comparison");

    assertThat(problems(Peers.evtxexport(files), PeerComparison.LIBEVTX)).isEmpty();
  }

  @Test
  void decode_everyCase_matchesPythonEvtx() {
    assumeTrue(Peers.hasPythonEvtx(),
        "python-evtx not installed (apt-get install python3-evtx); skipping the comparison");

    assertThat(problems(Peers.pythonEvtx(files), PeerComparison.PYTHON_EVTX)).isEmpty();
  }

  private List<String> problems(Map<Path, List<String>> peer, PeerComparison.Style style) {
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      problems.addAll(PeerComparison.compare(file.toString(), ours.get(file),
          peer.getOrDefault(file, List.of()), style));
    }
    return problems;
  }

  private static void compare(
      String where, Map<String, @Nullable Object> expected, Event event, List<String> problems) {
    if (!expected.keySet().equals(java.util.Set.copyOf(event.fieldNames()))) {
      problems.add(where + event.recordId() + ": fields " + event.fieldNames() + ", JSON "
          + expected.keySet());
      return;
    }
    for (Map.Entry<String, @Nullable Object> field : expected.entrySet()) {
      String name = field.getKey();
      Object ours = event.getAll(name).size() > 1 || name.equals("Data") ? event.getAll(name)
          : event.get(name);
      if (!same(name, field.getValue(), ours, event.timestamp())
          && !JSON_ERRATA.containsKey(where + name)) {
        problems.add(where + event.recordId() + " " + name + ": ours '" + ours + "' JSON '"
            + field.getValue() + "'");
      }
    }
  }

  /**
   * Equal, or equal but for whitespace at the ends (evtx_dump trims text) or for digits of a
   * time the JSON does not carry (it truncates to microseconds).
   */
  private static boolean same(
      String name, @Nullable Object json, @Nullable Object ours, @Nullable Instant timestamp) {
    if (Objects.equals(json, ours)) {
      return true;
    }
    if (json instanceof String j && ours instanceof String o) {
      if (name.equals("TimeCreated") && timestamp != null) {
        // Our text has evtx_dump's six digits; the event's timestamp has every 100 ns tick.
        Instant jsonTime = Instant.parse(j);
        int digits = j.length() - j.indexOf('.') - 2;
        return Instant.parse(o).equals(timestamp.truncatedTo(ChronoUnit.MICROS))
            && (digits == 6 ? timestamp.truncatedTo(ChronoUnit.MICROS) : timestamp)
                .equals(jsonTime);
      }
      return j.strip().equals(o.strip());
    }
    return false;
  }

  private static List<JsonNode> json(Path evtx) throws IOException {
    String name = evtx.getFileName().toString();
    Path json = evtx.resolveSibling(name.substring(0, name.length() - 5) + ".json");
    ObjectMapper mapper = new ObjectMapper();
    try (MappingIterator<JsonNode> records = mapper.readerFor(JsonNode.class)
        .readValues(json.toFile())) {
      return records.readAll();
    }
  }

  /**
   * The fields the {@code windows-event} JSON reader gives an evtx_dump record (its
   * EvtxDumpShape and EventFields, restated here: this module cannot depend on that one).
   */
  static final class JsonFields {
    private final Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    private final List<String> data = new ArrayList<>();

    static Map<String, @Nullable Object> of(JsonNode record) {
      JsonFields out = new JsonFields();
      JsonNode event = record.get("Event");
      out.system(event.get("System"));
      JsonNode eventData = event.get("EventData");
      if (eventData != null && eventData.isObject()) {
        out.eventData(eventData);
      }
      JsonNode userData = event.get("UserData");
      if (userData != null && userData.isObject()) {
        out.flatten(userData);
      }
      if (!out.data.isEmpty()) {
        out.fields.putIfAbsent("Data", List.copyOf(out.data));
      }
      return out.fields;
    }

    private void system(JsonNode system) {
      for (Map.Entry<String, JsonNode> entry : system.properties()) {
        String name = entry.getKey();
        JsonNode value = entry.getValue();
        if (name.equals("TimeCreated")) {
          put(name, text(value.path("#attributes").path("SystemTime")));
        } else if (value.isObject()) {
          if (value.has("#text")) {
            put(name, text(value.get("#text")));
          }
          for (Map.Entry<String, JsonNode> attribute : value.path("#attributes").properties()) {
            put(name + "_" + attribute.getKey(), text(attribute.getValue()));
          }
        } else if (!value.isNull()) {
          put(name, text(value));
        }
      }
    }

    private void eventData(JsonNode eventData) {
      for (Map.Entry<String, JsonNode> entry : eventData.properties()) {
        String name = entry.getKey();
        JsonNode value = entry.getValue();
        if (name.startsWith("#")) {
          continue;
        }
        if (name.equals("Data")) {
          data(value);
        } else if (value.isObject() && !value.has("#text")) {
          flatten(value);
        } else {
          put(name, text(value));
        }
      }
    }

    private void data(JsonNode value) {
      if (value.isArray()) {
        value.forEach(this::data);
      } else if (value.path("#attributes").path("Name").isTextual()) {
        put(value.path("#attributes").path("Name").textValue(), text(value.get("#text")));
      } else if (value.isObject() && value.has("#text")) {
        data(value.get("#text"));
      } else if (!value.isNull()) {
        data.add(Objects.requireNonNull(text(value)));
      }
    }

    private void flatten(JsonNode element) {
      for (Map.Entry<String, JsonNode> entry : element.properties()) {
        JsonNode value = entry.getValue();
        if (entry.getKey().startsWith("#")) {
          continue;
        }
        if (value.isObject() && !value.has("#text")) {
          flatten(value);
        } else {
          put(entry.getKey(), text(value));
        }
      }
    }

    private void put(String name, @Nullable String value) {
      if (!fields.containsKey(name)) {
        fields.put(name, value);
      }
    }

    private static @Nullable String text(@Nullable JsonNode node) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return null;
      }
      if (node.isObject() && node.has("#text")) {
        return text(node.get("#text"));
      }
      return node.isTextual() ? node.textValue() : node.asText();
    }
  }
}
