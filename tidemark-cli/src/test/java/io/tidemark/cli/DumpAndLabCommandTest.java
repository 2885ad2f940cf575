package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpAndLabCommandTest {
  @TempDir Path work;

  @Test
  void labGenerate_seed_writesEvidenceAndTruth() throws Exception {
    CliRun run = CliRun.run("lab", "generate", "--out", work.resolve("lab").toString(), "--seed", "5",
        "--scenario", "password-spray", "--users", "20", "--days", "1");

    assertThat(run.code()).isZero();
    JsonNode truth = new ObjectMapper().readTree(work.resolve("lab/truth.json").toFile());
    assertThat(truth.get("scenario").asText()).isEqualTo("password-spray");
    assertThat(truth.get("expected_verdict").asText()).isEqualTo("compromised");
    assertThat(work.resolve("lab/EXCH01/inetpub/logs/LogFiles/W3SVC1")).isDirectory();
  }

  @Test
  void labGenerate_unknownScenario_isUsageError() {
    CliRun run = CliRun.run("lab", "generate", "--out", work.resolve("x").toString(), "--scenario", "nope");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("nope");
  }

  @Test
  void dump_iisFile_printsOneEventPerLineWithSourceRecordIdAndFields() throws Exception {
    Path log = work.resolve("u_ex210303.log");
    Files.writeString(log, """
        #Software: Microsoft Internet Information Services 10.0
        #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
        2021-03-03 10:00:00 10.0.0.10 POST /ecp/y.js - 443 - 203.0.113.9 python-requests/2.25.1 - 200 0 0 15
        """);

    CliRun run = CliRun.run("dump", log.toString());

    assertThat(run.code()).isZero();
    JsonNode event = new ObjectMapper().readTree(run.out().strip());
    assertThat(event.get("source").asText()).isEqualTo("u_ex210303.log");
    assertThat(event.get("record_id").asLong()).isEqualTo(3);
    assertThat(event.get("timestamp").asText()).isEqualTo("2021-03-03T10:00:00Z");
    assertThat(event.get("log_type").asText()).isEqualTo("iis-w3c");
    assertThat(event.get("event").get("cs-uri-stem").asText()).isEqualTo("/ecp/y.js");
    assertThat(event.get("event").get("cs(User-Agent)").asText()).isEqualTo("python-requests/2.25.1");
  }

  @Test
  void dump_formatXmlOnRealEvtx_printsEachRecordAsWindowsRendersIt() throws Exception {
    Path sample = Path.of(System.getProperty("tidemark.datasets", "../shared/datasets"),
        "evtx-attack-samples", "Defense Evasion", "Win_4985_T1186_Process_Doppelganging.evtx");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(sample),
        sample + " not present; skipping");
    Path text = work.resolve("u_ex210303.log");
    Files.writeString(text, "#Fields: date time c-ip\n2021-03-03 10:00:00 203.0.113.9\n");

    CliRun run = CliRun.run("dump", "--format", "xml", sample.toString(), text.toString());

    assertThat(run.code()).isZero();
    String[] lines = run.out().split("\n");
    assertThat(lines).allMatch(l -> l.startsWith("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"));
    assertThat(lines[0]).contains("<EventID>4985</EventID>", "<EventRecordID>12294</EventRecordID>",
        "<TimeCreated SystemTime='2019-08-14T14:06:44.4956748Z'/>",
        "<Data Name='ProcessName'>C:\\ProgramData\\proc_doppel64.exe</Data>");
    assertThat(run.err()).contains("not printed: 1 file(s) that are not EVTX", "u_ex210303.log");
  }

  @Test
  void rulesLint_builtInPack_loadsEveryRule() throws Exception {
    CliRun run = CliRun.run("rules", "lint", "--format", "json");

    assertThat(run.code()).isZero();
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertThat(result.get("failed")).isEmpty();
    assertThat(result.get("loaded").asInt()).isGreaterThanOrEqualTo(80);
  }

  @Test
  void rulesLint_brokenRule_reportsFileLineAndColumn() throws Exception {
    Path rule = work.resolve("bad.yml");
    Files.writeString(rule, """
        title: Broken
        logsource: {category: webserver}
        detection:
          selection:
            cs-uri-stem|containz: /ecp/
          condition: selection
        """);

    CliRun run = CliRun.run("rules", "lint", rule.toString());

    assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.out()).contains("bad.yml:5:").contains("containz");
  }
}
