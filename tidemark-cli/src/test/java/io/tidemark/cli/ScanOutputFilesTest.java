package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.lab.Lab;
import io.tidemark.lab.LabSpec;
import io.tidemark.lab.Scenario;
import io.tidemark.report.ScanRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --out} writes every output file, and the manifest hashes each one as it lies on disk. */
class ScanOutputFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  static Path out;
  static CliRun run;

  @BeforeAll
  static void scanSmallLab() throws Exception {
    Lab.generate(LabSpec.defaults(3, Scenario.PROXYLOGON).withUsers(10).withDays(1), work.resolve("lab"));
    out = work.resolve("out");
    run = CliRun.run("scan", work.resolve("lab/EXCH01").toString(), "--out", out.toString());
  }

  @Test
  void scan_out_writesEveryFileAndListsThemLast() throws Exception {
    assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISED);
    for (String name : ScanRunner.OUTPUTS) {
      assertThat(out.resolve(name)).as(name).isNotEmptyFile();
      assertThat(run.out()).contains(out.resolve(name).toString());
    }
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrderElementsOf(ScanRunner.OUTPUTS);
    }
  }

  @Test
  void scan_out_manifestHashesEveryOtherOutput() throws Exception {
    JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());

    List<String> names = new ArrayList<>();
    for (JsonNode o : manifest.get("outputs")) {
      String name = o.get("name").asText();
      names.add(name);
      byte[] bytes = Files.readAllBytes(out.resolve(name));
      assertThat(o.get("size").asLong()).as(name).isEqualTo(bytes.length);
      assertThat(o.get("sha256").asText()).as(name)
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }
    assertThat(names).containsExactlyElementsOf(ScanRunner.OUTPUTS.subList(0, ScanRunner.OUTPUTS.size() - 1));
    assertThat(manifest.get("tool").get("version").asText()).isNotBlank();
    assertThat(manifest.get("rules").get("sha256").asText()).matches("[0-9a-f]{64}");
    assertThat(manifest.get("started").asText()).isLessThanOrEqualTo(manifest.get("finished").asText());
  }

  @Test
  void scan_out_reportsAgreeWithTheAssessment() throws Exception {
    String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("<p class=\"verdict v-compromised\">COMPROMISED</p>")
        .contains("Content-Security-Policy");

    List<String> timeline = Files.readAllLines(out.resolve("timeline.jsonl"), StandardCharsets.UTF_8);
    long detections = Files.readAllLines(out.resolve("detections.jsonl")).size();
    long timelineDetections = 0;
    for (String line : timeline) {
      JsonNode n = JSON.readTree(line);
      assertThat(n.has("message") && n.has("datetime") && n.has("timestamp_desc")).as(line).isTrue();
      if (n.get("kind").asText().equals("detection")) {
        timelineDetections++;
      }
    }
    assertThat(timelineDetections).isEqualTo(detections);
    assertThat(Files.readAllLines(out.resolve("timeline.csv"))).hasSizeGreaterThan((int) detections);

    JsonNode stix = JSON.readTree(out.resolve("iocs.stix.json").toFile());
    assertThat(stix.get("type").asText()).isEqualTo("bundle");
    assertThat(stix.get("objects").toString()).contains("[ipv4-addr:value = ");

    assertThat(Files.readString(out.resolve("notification.md"))).contains("GDPR Art. 33(3)", "**[TO FILL:");
  }
}
