package io.tidemark.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A deliberately simple reader of a generated lab for assertions: header-driven Exchange CSV and
 * W3C rows as maps, Windows events as JSON trees. Independent of the production renderers, so a
 * test fails when what was written does not parse back.
 */
final class Evidence {
  private static final ObjectMapper JSON = new ObjectMapper();
  final Path root;
  private final String host;

  Evidence(Path root) {
    this(root, "EXCH01");
  }

  Evidence(Path root, String host) {
    this.root = root;
    this.host = host;
  }

  static final String V15 = "EXCH01/Program Files/Microsoft/Exchange Server/V15/";

  /** Every file under a folder (relative to the root), sorted. */
  List<Path> files(String folder) {
    Path dir = root.resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rows of every Exchange CSV log under a folder, keyed by the {@code #Fields} names. */
  List<Map<String, String>> csv(String folder) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Path file : files(folder)) {
      List<String> fields = List.of();
      for (String line : lines(file)) {
        String clean = line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (clean.startsWith("#Fields: ")) {
          fields = List.of(clean.substring(9).split(","));
        } else if (!clean.startsWith("#") && !clean.isEmpty()) {
          rows.add(zip(fields, splitCsv(clean), file));
        }
      }
    }
    return rows;
  }

  /** Rows of every IIS log under a folder; {@code -} is read as empty. */
  List<Map<String, String>> w3c(String folder) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Path file : files(folder)) {
      List<String> fields = List.of();
      for (String line : lines(file)) {
        if (line.startsWith("#Fields: ")) {
          fields = List.of(line.substring(9).split(" "));
        } else if (!line.startsWith("#") && !line.isEmpty()) {
          List<String> values = new ArrayList<>();
          for (String v : line.split(" ", -1)) {
            values.add(v.equals("-") ? "" : v);
          }
          rows.add(zip(fields, values, file));
        }
      }
    }
    return rows;
  }

  /** The events of one exported channel file. */
  List<JsonNode> events(String channelFile) {
    List<JsonNode> events = new ArrayList<>();
    for (String line : lines(root.resolve(host + "/EventLogs/" + channelFile))) {
      try {
        events.add(JSON.readTree(line).path("Event"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return events;
  }

  static List<String> lines(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\r?\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every text file's content concatenated, for marker scans of small labs. */
  String allText() {
    StringBuilder sb = new StringBuilder();
    for (Path file : files("")) {
      if (!file.toString().endsWith(".aspx")) {
        try {
          sb.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return sb.toString();
  }

  private static Map<String, String> zip(List<String> fields, List<String> values, Path file) {
    if (fields.size() != values.size()) {
      throw new AssertionError(file + ": " + values.size() + " values for " + fields.size()
          + " fields: " + values);
    }
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      row.put(fields.get(i), values.get(i));
    }
    return row;
  }

  /** RFC 4180 fields with doubled quotes. */
  static List<String> splitCsv(String line) {
    List<String> values = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          current.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        values.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    values.add(current.toString());
    return values;
  }

  /** A Sysmon or Security EventData field as text. */
  static String data(JsonNode event, String field) {
    return event.path("EventData").path(field).asText("");
  }

  static int eventId(JsonNode event) {
    JsonNode id = event.path("System").path("EventID");
    return id.isObject() ? id.path("#text").asInt() : id.asInt();
  }

  /** The unnamed Data elements of a classic event, joined by newlines. */
  static String unnamedData(JsonNode event) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode item : event.path("EventData").path("Data").path("#text")) {
      sb.append(item.asText()).append('\n');
    }
    return sb.toString();
  }
}
