package io.tidemark.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyShellAttackTest {
  @TempDir static Path dir;
  static Evidence lab;
  static LabTruth truth;

  @BeforeAll
  static void generate() throws Exception {
    truth = Lab.generate(LabSpec.defaults(12, Scenario.PROXYSHELL).withUsers(20).withDays(1), dir);
    lab = new Evidence(dir);
  }

  @Test
  void plan_autodiscoverConfusion_reachesPowerShellWithRpsToken() {
    List<Map<String, String>> front = lab.w3c("EXCH01/inetpub/logs/LogFiles/W3SVC1");
    assertThat(front).anySatisfy(r -> {
      assertThat(r.get("cs-uri-stem")).isEqualTo("/autodiscover/autodiscover.json");
      assertThat(r.get("cs-uri-query")).startsWith("@").contains("/powershell/?X-Rps-CAT=")
          .contains("&Email=autodiscover/autodiscover.json%3F@");
      assertThat(r.get("sc-status")).isEqualTo("200");
      assertThat(truth.attackerIps()).contains(r.get("c-ip"));
    });
    assertThat(lab.csv(Evidence.V15 + "Logging/HttpProxy/Autodiscover")).anySatisfy(r -> {
      assertThat(r.get("UrlStem")).isEqualTo("/autodiscover/autodiscover.json");
      assertThat(r.get("UrlQuery")).startsWith("?@").contains("X-Rps-CAT=");
      assertThat(r.get("AuthenticatedUser")).isEmpty();
    });
  }

  @Test
  void plan_exportAsAspx_inManagementLogCmdletLogAndSysmon() {
    List<JsonNode> management = lab.events("MSExchange Management.jsonl");
    assertThat(management).anySatisfy(e -> assertThat(Evidence.unnamedData(e))
        .startsWith("New-ManagementRoleAssignment\n").contains("-Role \"Mailbox Import Export\"")
        .contains(" -User "));
    assertThat(management).anySatisfy(e -> assertThat(Evidence.unnamedData(e))
        .startsWith("New-MailboxExportRequest\n")
        .contains("-FilePath \"\\\\127.0.0.1\\C$\\inetpub\\wwwroot\\aspnet_client\\")
        .contains(".aspx\""));
    assertThat(management).anySatisfy(e -> assertThat(Evidence.unnamedData(e))
        .startsWith("Remove-MailboxExportRequest\n"));
    assertThat(lab.csv(Evidence.V15 + "Logging/CmdletInfra/Powershell-Proxy/Cmdlet"))
        .anySatisfy(r -> {
          assertThat(r.get("Cmdlet")).isEqualTo("New-MailboxExportRequest");
          assertThat(r.get("Parameters")).contains(".aspx");
          assertThat(r.get("AuthenticatedUser")).isEqualTo("CORP\\Administrator");
        });
    assertThat(lab.events("Microsoft-Windows-Sysmon%4Operational.jsonl")).anySatisfy(e -> {
      assertThat(Evidence.eventId(e)).isEqualTo(11);
      assertThat(Evidence.data(e, "Image")).endsWith("\\MSExchangeMailboxReplication.exe");
      assertThat(Evidence.data(e, "TargetFilename")).endsWith(".aspx");
    });
  }

  @Test
  void plan_webShell_isPstShapedAndUsed() throws Exception {
    LabTruth.WebShell shell = truth.webShells().get(0);
    byte[] content = Files.readAllBytes(dir.resolve(shell.path()));
    assertThat(new String(content, 0, 4, StandardCharsets.ISO_8859_1))
        .isEqualTo("!BDN");
    assertThat(new String(content, StandardCharsets.ISO_8859_1))
        .contains("Page Language=\"TidemarkLabInert\"").contains("eval(Request.Item[");
    assertThat(lab.w3c("EXCH01/inetpub/logs/LogFiles/W3SVC1")).anySatisfy(r -> {
      assertThat(r.get("cs-method")).isEqualTo("POST");
      assertThat(r.get("cs-uri-stem")).isEqualTo(shell.url());
    });
    assertThat(lab.events("Microsoft-Windows-Sysmon%4Operational.jsonl")).anySatisfy(e -> {
      assertThat(Evidence.data(e, "ParentImage")).endsWith("\\w3wp.exe");
      assertThat(Evidence.data(e, "Image")).endsWith("\\cmd.exe");
    });
  }

  @Test
  void plan_mailboxExports_pstsDownloadedByAttacker() {
    assertThat(lab.w3c("EXCH01/inetpub/logs/LogFiles/W3SVC1")
        .stream().filter(r -> r.get("cs-uri-stem").endsWith(".pst")).toList())
        .hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(r -> {
          assertThat(r.get("cs-method")).isEqualTo("GET");
          assertThat(truth.attackerIps()).contains(r.get("c-ip"));
        });
    assertThat(truth.mailboxes()).filteredOn(m -> m.scope().equals("mailbox"))
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(truth.accountsCompromised()).extracting(LabTruth.Account::upn)
        .containsExactly("administrator@corp.local");
    assertThat(truth.steps()).allSatisfy(step -> assertThat(step.files()).isNotEmpty());
  }
}
