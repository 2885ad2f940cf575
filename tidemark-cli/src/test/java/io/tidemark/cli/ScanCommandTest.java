package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.lab.Lab;
import io.tidemark.lab.LabSpec;
import io.tidemark.lab.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
  @TempDir static Path work;
  static Path proxyLogon;

  @BeforeAll
  static void lab() throws Exception {
    Lab.generate(LabSpec.defaults(1, Scenario.PROXYLOGON), work.resolve("pl"));
    proxyLogon = work.resolve("pl").resolve("EXCH01");
  }

  @Test
  void scan_proxyLogonLab_printsVerdictFirstAndExits13() throws Exception {
    Path out = work.resolve("out-pl");

    CliRun run = CliRun.run("scan", proxyLogon.toString(), "--out", out.toString());

    assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISED);
    assertThat(run.out()).startsWith("EXCH01: COMPROMISED\n");
    CliRun.assertGolden("scan-proxylogon-seed1.txt", run.out().replace(out.toString(), "<OUT>"));
    CliRun.assertGolden("scan-proxylogon-seed1.assessment.json",
        Files.readString(out.resolve("assessment.json"), StandardCharsets.UTF_8));
    assertThat(run.err()).contains("read ").contains(" records");
  }

  @Test
  void scan_proxyLogonLab_writesManifestWithHashesOfEveryInput() throws Exception {
    Path out = work.resolve("out-manifest");

    CliRun.run("scan", proxyLogon.toString(), "--out", out.toString());

    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(manifest.get("tool").get("name").asText()).isEqualTo("tidemark");
    assertThat(manifest.get("rules").get("sha256").asText()).hasSize(64);
    assertThat(manifest.get("inputs").size()).isGreaterThan(100);
    for (JsonNode input : manifest.get("inputs")) {
      assertThat(input.get("sha256").asText()).as(input.get("path").asText()).matches("[0-9a-f]{64}");
    }
    assertThat(Files.readAllLines(out.resolve("detections.jsonl"))).isNotEmpty();
  }

  @Test
  void scan_benignLab_isCleanAndExitsZero() throws Exception {
    Lab.generate(LabSpec.defaults(2, Scenario.BENIGN), work.resolve("benign"));

    CliRun run = CliRun.run("scan", work.resolve("benign/EXCH01").toString(), "-q");

    assertThat(run.code()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("EXCH01: CLEAN\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void scan_failedExploitLab_exits12() throws Exception {
    Lab.generate(LabSpec.defaults(3, Scenario.FAILED_EXPLOIT), work.resolve("failed"));

    CliRun run = CliRun.run("scan", work.resolve("failed/EXCH01").toString(), "-q");

    assertThat(run.code()).isEqualTo(ExitCodes.EXPLOITATION_ATTEMPTED);
    assertThat(run.out()).startsWith("EXCH01: EXPLOITATION ATTEMPTED\n");
  }

  @Test
  void scan_outInsideEvidence_isRefusedAsUsageError() {
    CliRun run = CliRun.run("scan", proxyLogon.toString(), "--out", proxyLogon.resolve("result").toString());

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("lies inside the evidence");
    assertThat(proxyLogon.resolve("result")).doesNotExist();
  }

  @Test
  void scan_folderWithoutExchangeLogs_isInsufficientEvidence() throws Exception {
    Path empty = Files.createDirectories(work.resolve("nothing/EXCH09"));
    Files.writeString(empty.resolve("notes.txt"), "collected by the on-call engineer\n");

    CliRun run = CliRun.run("scan", empty.toString(), "-q");

    assertThat(run.code()).isEqualTo(ExitCodes.INSUFFICIENT_EVIDENCE);
  }
}
