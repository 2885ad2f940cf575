package io.tidemark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.engine.Detection;
import io.tidemark.engine.EvidenceRef;
import io.tidemark.engine.RuleInfo;
import io.tidemark.event.LogType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HuntFormatTest {
  private static final Instant T = Instant.parse("2021-03-03T01:12:09Z");
  private static final RuleInfo RULE = new RuleInfo("5f4c1c6e-0000-4000-8000-000000000001",
      "Web shell POST under owa/auth", "critical", "test", List.of("Tidemark contributors", "A. N. Other"),
      List.of("attack.persistence", "attack.t1505.003"), List.of("https://example.org"), "d",
      Map.of(), "rules/webshell/x.yml");

  @Test
  void jsonl_detection_writesTheContractFields() throws Exception {
    String out = render(HuntFormat.JSONL, detection(Map.of("cs-method", "POST")));

    assertThat(out).endsWith("\n").doesNotContain("\n\n");
    JsonNode node = new ObjectMapper().readTree(out);
    assertThat(node.get("rule_id").asText()).isEqualTo(RULE.id());
    assertThat(node.get("rule_title").asText()).isEqualTo(RULE.title());
    assertThat(node.get("level").asText()).isEqualTo("critical");
    assertThat(node.get("authors")).hasSize(2);
    assertThat(node.get("tags").get(1).asText()).isEqualTo("attack.t1505.003");
    assertThat(node.get("timestamp").asText()).isEqualTo("2021-03-03T01:12:09Z");
    assertThat(node.get("source").asText()).isEqualTo("W3SVC1/u_ex210303.log");
    assertThat(node.get("record_id").asLong()).isEqualTo(42);
    assertThat(node.get("event").get("cs-method").asText()).isEqualTo("POST");
  }

  @Test
  void jsonl_noDetections_writesNothing() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DetectionWriter w = HuntFormat.JSONL.open(bytes)) {
      w.flush();
    }
    assertThat(bytes.size()).isZero();
  }

  @Test
  void csv_attackerFormula_isDefused() throws Exception {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("cs-uri-query", "=HYPERLINK(\"http://evil\")");
    String out = render(HuntFormat.CSV, detection(event));

    assertThat(out).startsWith("timestamp,level,rule_title,rule_id,host,source,record_id,authors,tags,event\r\n");
    assertThat(CsvDetectionWriter.quote("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
    assertThat(CsvDetectionWriter.quote("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    assertThat(out).contains("\"cs-uri-query==HYPERLINK(\"\"http://evil\"\")\"");
  }

  @Test
  void table_escapeSequenceInLog_isNeutralised() throws Exception {
    String out = render(HuntFormat.TABLE, detection(Map.of("cs(User-Agent)", "x\u001b]0;pwned\u0007y")));

    assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007").contains("x?]0;pwned?y");
  }

  @Test
  void of_unknownFormat_listsAllowed() {
    assertThatThrownBy(() -> HuntFormat.of("xml")).hasMessageContaining("jsonl, csv, table");
  }

  private static Detection detection(Map<String, Object> event) {
    return new Detection(Detection.Kind.RULE, RULE, T, "W3SVC1/u_ex210303.log", 42, "EXCH01",
        LogType.IIS_W3C, event, List.of(new EvidenceRef("W3SVC1/u_ex210303.log", 42, T)), Map.of());
  }

  private static String render(HuntFormat format, Detection d) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DetectionWriter w = format.open(bytes)) {
      w.write(d);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
