package io.tidemark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writeJsonl_detectionsAndDamage_giveTimesketchFieldsInTimeOrder() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TimelineWriter.writeJsonl(ReportData.of(ReportFixtures.input(false)), out);

    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    Instant previous = Instant.MIN;
    List<String> kinds = new ArrayList<>();
    for (String line : lines) {
      JsonNode n = JSON.readTree(line);
      for (String field : List.of("message", "datetime", "timestamp_desc", "timestamp", "source",
          "record_id", "rule", "level", "host")) {
        assertThat(n.has(field)).as("%s in %s", field, line).isTrue();
      }
      Instant t = Instant.parse(n.get("datetime").asText());
      assertThat(t).isAfterOrEqualTo(previous);
      assertThat(n.get("timestamp").asLong()).isEqualTo(t.toEpochMilli() * 1000);
      previous = t;
      kinds.add(n.get("kind").asText());
      n.fieldNames().forEachRemaining(name -> assertThat(name).matches("[A-Za-z0-9_-]+"));
    }
    // 13 dated detections (the undated one is left out) plus group, 2 accounts, 2 anomalies
    // (a new client of the compromised account, travel of an unaffected one), 3 exposure events.
    assertThat(lines).hasSize(13 + 1 + 2 + 2 + 3);
    assertThat(kinds).contains("detection", "attacker-group", "account", "anomaly", "exposure");
    assertThat(lines[0]).contains("\"event_cs_User-Agent_\":\"ExchangeServicesClient/0.0.0.0\"");
  }

  @Test
  void writeCsv_hostileValues_areQuotedAndFormulasDefused() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TimelineWriter.writeCsv(ReportData.of(ReportFixtures.input(true)), out);

    String csv = out.toString(StandardCharsets.UTF_8);
    String[] rows = csv.split("\r\n");
    assertThat(rows[0]).isEqualTo(String.join(",", TimelineWriter.CSV_COLUMNS));
    assertThat(rows[1]).startsWith("2021-03-03 11:05:29.000 +00:00,");
    assertThat(rows[1]).contains(",high,EXCH01,iis-w3c,,10,");
    assertThat(csv).contains("cs-uri-stem: /aspnet_client/system_web/shell.aspx ¦ ");
    // The undated detection comes last, with an empty timestamp.
    assertThat(rows[rows.length - 1]).startsWith(",Reconnaissance Probe,med,");
  }

  @Test
  void writeCsv_cellStartingWithAFormula_getsAnApostrophe() {
    assertThat(CsvDetectionWriter.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
  }
}
