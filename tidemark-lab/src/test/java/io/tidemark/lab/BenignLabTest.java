package io.tidemark.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benign organisation: free of every attack marker, rich in benign look-alikes. */
class BenignLabTest {
  @TempDir static Path dir;
  static Evidence lab;
  static LabTruth truth;
  static String text;

  @BeforeAll
  static void generate() throws Exception {
    truth = Lab.generate(LabSpec.defaults(15, Scenario.BENIGN).withDays(2), dir);
    lab = new Evidence(dir);
    text = lab.allText();
  }

  @Test
  void generate_benign_containsNoAttackMarker() {
    assertThat(List.of("ServerInfo~", "X-BEResource", "BEResource", "X-Rps-CAT",
        "%3F@", "%3f@", "New-MailboxExportRequest", "Remove-MailboxExportRequest",
        "New-ManagementRoleAssignment", "Mailbox Import Export", "http://f/", "<script",
        "eval(", "comsvcs", "MiniDump", "procdump", "lsass", "7za.exe", "makecab", "Add-PSSnapin",
        "MAILBOXRULE", "ForwardTo", "&echo [S]", "198.51.100.", "203.0.113.", ".example"))
        .as("attack markers found in the benign lab").filteredOn(text::contains).isEmpty();
    assertThat(lab.files("EXCH01/inetpub/wwwroot/aspnet_client")).isEmpty();
  }

  @Test
  void generate_benign_noSuspiciousWebRequests() {
    List<Map<String, String>> front = lab.w3c("EXCH01/inetpub/logs/LogFiles/W3SVC1");
    assertThat(front).isNotEmpty().noneSatisfy(r -> {
      assertThat(r.get("cs-method")).isEqualTo("POST");
      assertThat(r.get("cs-uri-stem")).matches("/ecp/[^/]+\\.js|/owa/auth/Current/.*");
    });
    assertThat(front).noneSatisfy(r -> assertThat(r.get("cs-uri-query")).startsWith("@"));
    assertThat(front).noneSatisfy(r -> assertThat(r.get("cs-uri-stem")).endsWith(".aspx")
        .doesNotEndWith("logon.aspx"));
    assertThat(lab.w3c("EXCH01/inetpub/logs/LogFiles/W3SVC2")).noneSatisfy(r ->
        assertThat(r.get("cs-username")).endsWith("$"));
  }

  @Test
  void generate_benign_noWebServerChildrenButCompilerAndNoSpray() {
    assertThat(lab.events("Microsoft-Windows-Sysmon%4Operational.jsonl"))
        .filteredOn(e -> Evidence.data(e, "ParentImage").endsWith("\\w3wp.exe"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(Evidence.data(e, "Image")).endsWith("\\csc.exe"));
    List<JsonNode> failures = lab.events("Security.jsonl").stream()
        .filter(e -> Evidence.eventId(e) == 4625).toList();
    assertThat(failures).isNotEmpty();
    Map<String, Set<String>> usersByIp = failures.stream().collect(Collectors.groupingBy(
        e -> Evidence.data(e, "IpAddress"),
        Collectors.mapping(e -> Evidence.data(e, "TargetUserName"), Collectors.toSet())));
    assertThat(usersByIp.values()).allSatisfy(users -> assertThat(users).hasSizeLessThan(3));
  }

  @Test
  void generate_benign_hasTheLookAlikes() {
    assertThat(lab.w3c("EXCH01/inetpub/logs/LogFiles/W3SVC1")).anySatisfy(r -> {
      assertThat(r.get("cs-uri-stem")).isEqualTo("/autodiscover/autodiscover.json");
      assertThat(r.get("cs-uri-query")).matches("Email=[a-z0-9-]+@corp\\.local&Protocol="
          + "ActiveSync&RedirectCount=1.*");
      assertThat(r.get("sc-status")).isEqualTo("200");
    });
    assertThat(lab.csv(Evidence.V15 + "Logging/ECP/Server")).anySatisfy(r ->
        assertThat(r.get("EventData")).contains("S:CMD=Set-OabVirtualDirectory.")
            .contains(".ExternalUrl='https://mail.corp.local/OAB'"));
    assertThat(lab.events("MSExchange Management.jsonl")).anySatisfy(e ->
        assertThat(Evidence.unnamedData(e)).startsWith("Set-OabVirtualDirectory\n")
            .contains("-ExternalUrl \"https://mail.corp.local/OAB\""));
    assertThat(lab.csv(Evidence.V15 + "Logging/OABGeneratorLog")).anySatisfy(r ->
        assertThat(r.get("Message")).startsWith("Download failed and temporary file '"
            + "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\ClientAccess\\OAB\\"));
    assertThat(List.of("HealthMailbox", "AMProbe/Local/ClientAccess", "Exchange+BackEnd+Probes",
        "Cmd=Sync&User=", "/mapi/emsmdb/", "MapiHttpClient"))
        .as("routine markers missing").filteredOn(m -> !text.contains(m)).isEmpty();
    assertThat(lab.csv(Evidence.V15 + "TransportRoles/Logs/MessageTracking"))
        .anySatisfy(r -> assertThat(r.get("directionality")).isEqualTo("Incoming"))
        .anySatisfy(r -> assertThat(r.get("connector-id")).isEqualTo("Internet Outbound"));
  }

  @Test
  void truth_benign_isCleanAndEmpty() {
    assertThat(truth.expectedVerdict()).isEqualTo("clean");
    assertThat(truth.attackerIps()).isEmpty();
    assertThat(truth.accountsCompromised()).isEmpty();
    assertThat(truth.mailboxes()).isEmpty();
    assertThat(truth.webShells()).isEmpty();
    assertThat(truth.steps()).isEmpty();
    assertThat(truth.firstAttackerActivity()).isNull();
    assertThat(truth.lastAttackerActivity()).isNull();
  }
}
