package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --geoip}: an account that logs on through OWA from London and, forty minutes
 * later, from the United States is flagged for impossible travel, and stays unaffected: novelty
 * alone is not evidence of compromise. Uses MaxMind's test City database beside the checkout.
 */
class ScanGeoipTest {
  private static final Path DATA = Path.of(System.getProperty("tidemark.datasets",
      "../shared/datasets"), "maxmind-test-data", "test-data");
  private static final Path CITY = DATA.resolve("GeoIP2-City-Test.mmdb");

  /** Security 4624 logons by IIS (w3wp, logon type 8), as Winlogbeat exports them. */
  private static final String SECURITY = """
      {"@timestamp": "2021-03-03T08:55:00Z", "winlog": {"channel": "Security", "event_id": 4624, "provider_name": "Microsoft-Windows-Security-Auditing", "computer_name": "EXCH01.corp.local", "record_id": 101, "event_data": {"TargetUserName": "bob", "TargetDomainName": "CORP", "LogonType": "8", "ProcessName": "C:\\\\Windows\\\\System32\\\\inetsrv\\\\w3wp.exe", "IpAddress": "10.20.0.8"}}}
      {"@timestamp": "2021-03-03T09:00:00Z", "winlog": {"channel": "Security", "event_id": 4624, "provider_name": "Microsoft-Windows-Security-Auditing", "computer_name": "EXCH01.corp.local", "record_id": 102, "event_data": {"TargetUserName": "alice", "TargetDomainName": "CORP", "LogonType": "8", "ProcessName": "C:\\\\Windows\\\\System32\\\\inetsrv\\\\w3wp.exe", "IpAddress": "81.2.69.160"}}}
      {"@timestamp": "2021-03-03T09:40:00Z", "winlog": {"channel": "Security", "event_id": 4624, "provider_name": "Microsoft-Windows-Security-Auditing", "computer_name": "EXCH01.corp.local", "record_id": 103, "event_data": {"TargetUserName": "alice", "TargetDomainName": "CORP", "LogonType": "8", "ProcessName": "C:\\\\Windows\\\\System32\\\\inetsrv\\\\w3wp.exe", "IpAddress": "216.160.83.56"}}}
      """;

  @TempDir static Path work;
  static Path evidence;

  @BeforeAll
  static void evidence() throws Exception {
    evidence = Files.createDirectories(work.resolve("case/EXCH01"));
    Path logs = Files.createDirectories(evidence.resolve("EventLogs"));
    Files.writeString(logs.resolve("Security.jsonl"), SECURITY, StandardCharsets.UTF_8);
  }

  @Test
  void scan_geoipAndLondonThenTheUsWithinAnHour_flagsImpossibleTravelOnly() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(CITY),
        "MaxMind test databases not found at " + DATA + " (set -Dtidemark.datasets); skipped");
    Path out = work.resolve("out-geoip");

    CliRun run = CliRun.run("scan", evidence.toString(), "--geoip", CITY.toString(),
        "--out", out.toString(), "-q");

    assertThat(run.err()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(out.resolve("assessment.json").toFile());
    JsonNode alice = account(json, "CORP\\alice");
    assertThat(alice.get("status").asText()).isEqualTo("unaffected");
    assertThat(alice.get("anomalies")).hasSize(1);
    JsonNode travel = alice.get("anomalies").get(0);
    assertThat(travel.get("kind").asText()).isEqualTo("impossible_travel");
    assertThat(travel.get("value").asText()).isEqualTo("81.2.69.160 -> 216.160.83.56");
    assertThat(travel.get("detail").asText()).isEqualTo(
        "London, GB to Milton, US: at least 7,610 km in 40 min (11,416 km/h)");
    assertThat(travel.get("first_seen").asText()).isEqualTo("2021-03-03T09:40:00Z");
    assertThat(travel.get("evidence")).extracting(r -> r.get("record_id").asLong())
        .containsExactly(102L, 103L);
    assertThat(account(json, "CORP\\bob").get("anomalies")).isEmpty();
    assertThat(ids(json.get("blind_spots"))).doesNotContain("no-geoip");
    assertThat(Files.readString(out.resolve("report.html"))).contains("id=\"unusual\"")
        .contains("81.2.69.160 -&gt; 216.160.83.56");
    List<JsonNode> anomalies = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("timeline.jsonl"))) {
      JsonNode entry = new ObjectMapper().readTree(line);
      if (entry.get("kind").asText().equals("anomaly")) {
        anomalies.add(entry);
      }
    }
    assertThat(anomalies).singleElement().satisfies(e -> {
      assertThat(e.get("datetime").asText()).startsWith("2021-03-03T09:40:00");
      assertThat(e.get("message").asText()).isEqualTo("Account CORP\\alice: impossible_travel "
          + "81.2.69.160 -> 216.160.83.56 (London, GB to Milton, US: at least 7,610 km in 40 min "
          + "(11,416 km/h))");
    });
    assertThat(Files.readString(out.resolve("timeline.csv"))).contains("Unusual for account");
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(manifest.toString()).contains("--geoip");
    JsonNode reference = manifest.get("references").get(0);
    assertThat(manifest.get("references")).hasSize(1);
    assertThat(reference.get("name").asText()).isEqualTo(CITY.toString());
    assertThat(reference.get("size").asLong()).isEqualTo(Files.size(CITY));
    assertThat(reference.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(CITY))));
  }

  @Test
  void scan_withoutGeoip_saysTravelWasNotChecked() throws Exception {
    Path out = work.resolve("out-plain");

    CliRun.run("scan", evidence.toString(), "--out", out.toString(), "-q");

    JsonNode json = new ObjectMapper().readTree(out.resolve("assessment.json").toFile());
    assertThat(account(json, "CORP\\alice").get("anomalies")).isEmpty();
    assertThat(ids(json.get("blind_spots"))).contains("no-geoip");
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(manifest.get("references")).isEmpty();
  }

  @Test
  void scan_geoipFileMissing_isUsageErrorNamingIt() {
    Path missing = work.resolve("GeoLite2-City.mmdb");

    CliRun run = CliRun.run("scan", evidence.toString(), "--geoip", missing.toString());

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--geoip " + missing + ": no such file");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void scan_geoipFileNotADatabase_isUsageErrorNamingIt() throws Exception {
    Path text = Files.writeString(work.resolve("notes.mmdb"), "not a database\n");

    CliRun run = CliRun.run("scan", evidence.toString(), "--geoip", text.toString());

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("not a MaxMind-format (.mmdb) database").contains(text.toString());
  }

  @Test
  void demo_geoipFileMissing_isUsageErrorBeforeAnyWork() {
    Path missing = work.resolve("missing.mmdb");
    Path out = work.resolve("demo");

    CliRun run = CliRun.run("demo", "--out", out.toString(), "--geoip", missing.toString());

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(missing.toString());
    assertThat(out).doesNotExist();
  }

  private static JsonNode account(JsonNode json, String name) {
    for (JsonNode a : json.get("accounts")) {
      if (a.get("account").asText().equals(name)) {
        return a;
      }
    }
    throw new AssertionError("no account " + name + " in " + json.get("accounts"));
  }

  private static List<String> ids(JsonNode spots) {
    List<String> ids = new ArrayList<>();
    spots.forEach(s -> ids.add(s.get("id").asText()));
    return ids;
  }
}
