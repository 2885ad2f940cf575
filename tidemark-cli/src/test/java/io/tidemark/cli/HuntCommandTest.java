package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.lab.Lab;
import io.tidemark.lab.LabSpec;
import io.tidemark.lab.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuntCommandTest {
  @TempDir static Path work;
  static Path shell;

  @BeforeAll
  static void lab() throws Exception {
    Lab.generate(LabSpec.defaults(4, Scenario.PROXYSHELL), work.resolve("ps"));
    shell = work.resolve("ps").resolve("EXCH01");
  }

  @Test
  void hunt_jsonl_everyLineCarriesTheContractFields() throws Exception {
    CliRun run = CliRun.run("hunt", "-q", shell.toString());

    assertThat(run.code()).isZero();
    ObjectMapper json = new ObjectMapper();
    String[] lines = run.out().split("\n");
    assertThat(lines.length).isGreaterThan(5);
    for (String line : lines) {
      JsonNode d = json.readTree(line);
      for (String field : new String[] {"rule_id", "rule_title", "level", "authors", "tags",
          "timestamp", "source", "record_id", "event"}) {
        assertThat(d.has(field)).as(field + " in " + line).isTrue();
      }
      assertThat(d.get("authors").isArray()).isTrue();
      assertThat(d.get("timestamp").asText()).endsWith("Z");
      assertThat(d.get("source").asText()).doesNotStartWith("/").doesNotContain("EXCH01/inetpub");
    }
  }

  @Test
  void hunt_csvAtHighOrAbove_matchesGolden() throws Exception {
    CliRun run = CliRun.run("hunt", "-q", "--format", "csv", "--min-level", "high", shell.toString());

    assertThat(run.code()).isZero();
    CliRun.assertGolden("hunt-proxyshell-seed4-high.csv", run.out());
  }

  @Test
  void hunt_singleFile_sourceIsItsFileName() throws Exception {
    Path iis = shell.resolve("inetpub/logs/LogFiles/W3SVC1");
    Path file;
    try (var files = java.nio.file.Files.list(iis)) {
      file = files.sorted().reduce((a, b) -> b).orElseThrow();
    }

    CliRun run = CliRun.run("hunt", "-q", file.toString());

    for (String line : run.out().split("\n")) {
      if (!line.isBlank()) {
        assertThat(new ObjectMapper().readTree(line).get("source").asText())
            .isEqualTo(file.getFileName().toString());
      }
    }
  }

  @Test
  void hunt_unknownFormat_isUsageErrorListingFormats() {
    CliRun run = CliRun.run("hunt", "--format", "xml", shell.toString());

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("jsonl, csv, table");
  }
}
