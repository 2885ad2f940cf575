package io.tidemark.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.event.TidemarkException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabTest {
  @TempDir Path dir;

  private static Map<String, String> digests(Path root) throws IOException {
    Map<String, String> result = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        try {
          byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
          result.put(root.relativize(file).toString(), HexFormat.of().formatHex(hash));
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return result;
  }

  private static long size(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  @Test
  void generate_sameSpecTwice_byteIdenticalOutput() throws Exception {
    LabSpec spec = LabSpec.defaults(21, Scenario.PROXYLOGON).withUsers(20).withDays(1);
    Lab.generate(spec, dir.resolve("a"));
    Lab.generate(spec, dir.resolve("b"));
    Map<String, String> a = digests(dir.resolve("a"));
    assertThat(a).hasSizeGreaterThan(50);
    assertThat(digests(dir.resolve("b"))).isEqualTo(a);
  }

  @Test
  void generate_otherSeed_differentOrganisationAndAttack() throws Exception {
    LabTruth one = Lab.generate(LabSpec.defaults(1, Scenario.PROXYLOGON).withUsers(20)
        .withDays(1), dir.resolve("a"));
    LabTruth two = Lab.generate(LabSpec.defaults(2, Scenario.PROXYLOGON).withUsers(20)
        .withDays(1), dir.resolve("b"));
    assertThat(digests(dir.resolve("b"))).isNotEqualTo(digests(dir.resolve("a")));
    assertThat(two.firstAttackerActivity()).isNotEqualTo(one.firstAttackerActivity());
  }

  @Test
  void generate_defaults_fewMegabytesInTheExchangeLayout() throws Exception {
    LabTruth truth = Lab.generate(LabSpec.defaults(3, Scenario.PROXYLOGON), dir);
    assertThat(size(dir)).isBetween(3_000_000L, 12_000_000L);
    assertThat(truth.users()).isEqualTo(50);
    String v15 = "EXCH01/Program Files/Microsoft/Exchange Server/V15/";
    assertThat(dir.resolve("EXCH01/inetpub/logs/LogFiles/W3SVC1/u_ex210302.log")).isRegularFile();
    assertThat(dir.resolve("EXCH01/inetpub/logs/LogFiles/W3SVC2/u_ex210303.log")).isRegularFile();
    for (String protocol : List.of("Owa", "Ews", "Eas", "Mapi", "Autodiscover", "Ecp",
        "PowerShell", "Oab", "RpcHttp")) {
      assertThat(dir.resolve(v15 + "Logging/HttpProxy/" + protocol + "/HttpProxy_2021030210-1.LOG"))
          .isRegularFile();
    }
    assertThat(dir.resolve(v15 + "Logging/Ews/Ews_2021030210-1.LOG")).isRegularFile();
    assertThat(dir.resolve(v15 + "Logging/ECP/Server/ECPServer20210302-1.LOG")).isRegularFile();
    assertThat(dir.resolve(v15 + "Logging/OABGeneratorLog/OABGeneratorLog_20210302-1.LOG"))
        .isRegularFile();
    assertThat(dir.resolve(v15 + "TransportRoles/Logs/MessageTracking/MSGTRK2021030210-1.LOG"))
        .isRegularFile();
    assertThat(dir.resolve(v15 + "TransportRoles/Logs/MessageTracking/MSGTRKMS2021030210-1.LOG"))
        .isRegularFile();
    assertThat(dir.resolve(v15 + "TransportRoles/Logs/MessageTracking/MSGTRKMD2021030210-1.LOG"))
        .isRegularFile();
    for (String channel : List.of("Security", "Application", "System", "MSExchange Management",
        "Microsoft-Windows-Sysmon%4Operational")) {
      assertThat(dir.resolve("EXCH01/EventLogs/" + channel + ".jsonl")).isRegularFile();
    }
    assertThat(dir.resolve(".tidemark-lab-parts")).doesNotExist();
    long headerBlocks = new Evidence(dir).files("EXCH01/inetpub/logs/LogFiles").stream()
        .flatMap(f -> Evidence.lines(f).stream()).filter(l -> l.startsWith("#Fields: ")).count();
    assertThat(headerBlocks).as("one block per daily file plus an IIS restart in each site")
        .isEqualTo(2 * 2 + 2);
  }

  @Test
  void generate_linesInEveryLog_orderedByTime() throws Exception {
    Lab.generate(LabSpec.defaults(4, Scenario.PASSWORD_SPRAY).withUsers(20).withDays(1), dir);
    Evidence lab = new Evidence(dir);
    List<Map<String, String>> front = lab.w3c("EXCH01/inetpub/logs/LogFiles/W3SVC1");
    assertThat(front).extracting(r -> r.get("date") + " " + r.get("time")).isSorted();
    for (Path file : lab.files(Evidence.V15 + "Logging/HttpProxy/Owa")) {
      List<String> times = Evidence.lines(file).stream().filter(l -> !l.startsWith("#")
          && !l.startsWith("\uFEFF")).map(l -> l.substring(0, 24)).toList();
      assertThat(times).as(file.toString()).isSorted();
    }
    List<String> security = lab.events("Security.jsonl").stream()
        .map(e -> e.path("System").path("TimeCreated").path("#attributes").path("SystemTime")
            .asText()).toList();
    assertThat(security).isSorted();
  }

  @Test
  void generate_targetBytes_roughlyHonouredByAddingVolume() throws Exception {
    LabSpec spec = LabSpec.defaults(5, Scenario.BENIGN).withUsers(20).withDays(1)
        .withTargetBytes(12_000_000);
    LabTruth truth = Lab.generate(spec, dir);
    assertThat(size(dir)).isBetween(9_000_000L, 15_000_000L);
    assertThat(truth.users()).isGreaterThan(20);
  }

  @Test
  void generate_truthFile_snakeCaseJsonMatchingTheReturnedTruth() throws Exception {
    LabTruth truth = Lab.generate(LabSpec.defaults(6, Scenario.PROXYSHELL).withUsers(20)
        .withDays(1), dir);
    JsonNode json = new ObjectMapper().readTree(dir.resolve(Lab.TRUTH_FILE).toFile());
    assertThat(json.path("schema").asText()).isEqualTo(LabTruth.SCHEMA);
    assertThat(json.path("scenario").asText()).isEqualTo("proxyshell");
    assertThat(json.path("expected_verdict").asText()).isEqualTo("compromised");
    assertThat(json.path("domain").asText()).isEqualTo("corp.local");
    assertThat(json.path("start").asText()).isEqualTo("2021-08-12T00:00:00Z");
    assertThat(json.path("end").asText()).isEqualTo("2021-08-13T00:00:00Z");
    assertThat(json.path("attacker_ips")).hasSize(truth.attackerIps().size());
    assertThat(json.path("accounts_compromised").get(0).path("account").asText())
        .isEqualTo("CORP\\Administrator");
    assertThat(json.path("mailboxes").get(0).has("first_seen")).isTrue();
    assertThat(json.path("web_shells").get(0).path("url").asText()).startsWith("/aspnet_client/");
    assertThat(json.path("steps").get(0).path("files")).isNotEmpty();
    assertThat(json.path("first_attacker_activity").asText())
        .isEqualTo(truth.firstAttackerActivity().toString());
  }

  @Test
  void generate_smallRollSize_hourlyLogsContinueInNumberedFilesWithHeaders() throws Exception {
    Lab.generate(LabSpec.defaults(8, Scenario.BENIGN).withUsers(30).withDays(1), dir, 20_000);
    Evidence lab = new Evidence(dir);
    List<Path> mapi = lab.files(Evidence.V15 + "Logging/HttpProxy/Mapi");
    Path second = mapi.stream().filter(p -> p.getFileName().toString().endsWith("-2.LOG"))
        .findFirst().orElseThrow();
    Path first = second.resolveSibling(second.getFileName().toString().replace("-2.LOG", "-1.LOG"));
    List<String> firstLines = Evidence.lines(first);
    List<String> secondLines = Evidence.lines(second);
    assertThat(secondLines.get(0)).isEqualTo("\uFEFF#Software: Microsoft Exchange Server");
    assertThat(secondLines.get(3)).isEqualTo("#Date: " + secondLines.get(5).substring(0, 24));
    assertThat(Files.size(first)).isBetween(20_000L, 40_000L);
    assertThat(firstLines.get(firstLines.size() - 1).substring(0, 24))
        .isLessThanOrEqualTo(secondLines.get(5).substring(0, 24));
  }

  @Test
  void generate_nonEmptyFolder_refusedWithItsName() throws Exception {
    Files.writeString(dir.resolve("keep.txt"), "evidence");
    assertThatThrownBy(() -> Lab.generate(LabSpec.defaults(1, Scenario.BENIGN), dir))
        .isInstanceOf(TidemarkException.class)
        .hasMessageContaining("not empty").hasMessageContaining(dir.toString());
    assertThat(dir.resolve("keep.txt")).hasContent("evidence");
  }

  @Test
  void generate_otherHost_usedInLayoutAndLogs() throws Exception {
    Lab.generate(LabSpec.defaults(7, Scenario.BENIGN).withUsers(10).withDays(1)
        .withHost("mbx2"), dir);
    assertThat(dir.resolve("MBX2/inetpub/logs/LogFiles/W3SVC1")).isDirectory();
    assertThat(new Evidence(dir, "MBX2").events("System.jsonl"))
        .allSatisfy(e -> assertThat(e.path("System").path("Computer").asText())
            .isEqualTo("MBX2.corp.local"));
  }
}
