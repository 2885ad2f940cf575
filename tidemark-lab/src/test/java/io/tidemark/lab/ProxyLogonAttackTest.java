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

class ProxyLogonAttackTest {
  @TempDir static Path dir;
  static Evidence lab;
  static LabTruth truth;

  @BeforeAll
  static void generate() throws Exception {
    truth = Lab.generate(LabSpec.defaults(11, Scenario.PROXYLOGON).withUsers(20).withDays(1), dir);
    lab = new Evidence(dir);
  }

  private static List<Map<String, String>> ssrfRows() {
    return lab.csv(Evidence.V15 + "Logging/HttpProxy/Ecp").stream()
        .filter(r -> r.get("AnchorMailbox").startsWith("ServerInfo~")).toList();
  }

  @Test
  void plan_ssrf_anchorsServerInfoWithEmptyUserInTheHafniumSequence() {
    List<Map<String, String>> rows = ssrfRows();
    assertThat(rows).isNotEmpty().allSatisfy(r -> {
      assertThat(r.get("AnchorMailbox")).startsWith("ServerInfo~a]@EXCH01.corp.local:444/")
          .endsWith("#");
      assertThat(r.get("AuthenticatedUser")).isEmpty();
      assertThat(r.get("IsAuthenticated")).isEqualTo("false");
      assertThat(r.get("UrlStem")).matches("/ecp/[a-z]+\\.js");
      assertThat(r.get("BackEndCookie")).matches("Server~[^/]+/.*~\\d+");
    });
    assertThat(rows).extracting(r -> r.get("AnchorMailbox").replaceAll("\\?.*", ""))
        .containsSubsequence(
            "ServerInfo~a]@EXCH01.corp.local:444/autodiscover/autodiscover.xml",
            "ServerInfo~a]@EXCH01.corp.local:444/mapi/emsmdb/",
            "ServerInfo~a]@EXCH01.corp.local:444/ecp/proxyLogon.ecp",
            "ServerInfo~a]@EXCH01.corp.local:444/ecp/DDI/DDIService.svc/GetObject",
            "ServerInfo~a]@EXCH01.corp.local:444/ecp/DDI/DDIService.svc/SetObject");
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.get("AnchorMailbox")).contains("schema=ResetOABVirtualDirectory#");
      assertThat(r.get("HttpStatus")).isEqualTo("200");
    });
  }

  @Test
  void plan_ssrf_frontEndPostsSmallScriptAndBackEndRunsResetAsMachineAccount() {
    assertThat(lab.w3c("EXCH01/inetpub/logs/LogFiles/W3SVC1")).anySatisfy(r -> {
      assertThat(r.get("cs-method")).isEqualTo("POST");
      assertThat(r.get("cs-uri-stem")).matches("/ecp/[a-z]+\\.js");
      assertThat(r.get("c-ip")).isEqualTo(truth.attackerIps().get(0));
    });
    assertThat(lab.w3c("EXCH01/inetpub/logs/LogFiles/W3SVC2")).anySatisfy(r -> {
      assertThat(r.get("cs-uri-stem")).isEqualTo("/ecp/DDI/DDIService.svc/SetObject");
      assertThat(r.get("cs-uri-query")).contains("schema=ResetOABVirtualDirectory");
      assertThat(r.get("cs-username")).endsWith("$");
      assertThat(r.get("sc-status")).isEqualTo("200");
      assertThat(r.get("s-port")).isEqualTo("444");
    });
  }

  @Test
  void plan_oabExternalUrl_scriptInEcpServerLogAndManagementEvent() {
    assertThat(lab.csv(Evidence.V15 + "Logging/ECP/Server")).anySatisfy(r -> assertThat(
        r.get("EventData")).contains("S:CMD=Set-OabVirtualDirectory.ExternalUrl='http://f/"
            + "<script language=\"JScript\" runat=\"server\">function Page_Load(){eval(Request["));
    assertThat(lab.events("MSExchange Management.jsonl")).anySatisfy(e -> {
      String data = Evidence.unnamedData(e);
      assertThat(data).startsWith("Set-OabVirtualDirectory\n").contains(" -ExternalUrl \"http://f/"
          + "<script");
    });
  }

  @Test
  void plan_webShell_writtenByW3wpAndInertOnDisk() throws Exception {
    LabTruth.WebShell shell = truth.webShells().get(0);
    byte[] content = Files.readAllBytes(dir.resolve(shell.path()));
    assertThat(new String(content, StandardCharsets.UTF_8))
        .contains("ExternalUrl                     : http://f/<script language=\"JScript\" "
            + "runat=\"server\">function Page_Load(){eval(Request[")
        .contains("<%@ Page Language=\"TidemarkLabInert\" %>");
    String windowsPath = "\\" + shell.path().substring("EXCH01/".length()).replace('/', '\\');
    assertThat(lab.events("Microsoft-Windows-Sysmon%4Operational.jsonl")).anySatisfy(e -> {
      assertThat(Evidence.eventId(e)).isEqualTo(11);
      assertThat(Evidence.data(e, "Image")).endsWith("\\w3wp.exe");
      assertThat(Evidence.data(e, "TargetFilename")).endsWith(windowsPath);
    });
  }

  @Test
  void plan_webShellUse_chopperCommandsUnderW3wp() {
    List<JsonNode> sysmon = lab.events("Microsoft-Windows-Sysmon%4Operational.jsonl");
    assertThat(sysmon).anySatisfy(e -> {
      assertThat(Evidence.eventId(e)).isEqualTo(1);
      assertThat(Evidence.data(e, "ParentImage")).endsWith("\\w3wp.exe");
      assertThat(Evidence.data(e, "Image")).endsWith("\\cmd.exe");
      assertThat(Evidence.data(e, "CommandLine")).contains("&whoami&echo [S]&cd&echo [E]");
    });
    String shellUrl = truth.webShells().get(0).url();
    assertThat(lab.w3c("EXCH01/inetpub/logs/LogFiles/W3SVC1")).anySatisfy(r -> {
      assertThat(r.get("cs-method")).isEqualTo("POST");
      assertThat(r.get("cs-uri-stem")).isEqualTo(shellUrl);
    });
  }

  @Test
  void plan_postExploitation_dumpExportArchiveDownloadAndCleanUp() {
    List<JsonNode> sysmon = lab.events("Microsoft-Windows-Sysmon%4Operational.jsonl");
    assertThat(sysmon).anySatisfy(e -> assertThat(Evidence.data(e, "CommandLine"))
        .containsAnyOf("comsvcs.dll, MiniDump", "procdump64.exe -accepteula -ma lsass.exe"));
    assertThat(sysmon).anySatisfy(e -> assertThat(Evidence.data(e, "CommandLine"))
        .contains("Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn")
        .contains("New-MailboxExportRequest -Mailbox ").contains(" -FilePath \\\\"));
    assertThat(sysmon).anySatisfy(e -> assertThat(Evidence.data(e, "Image"))
        .endsWith("\\7za.exe"));
    assertThat(sysmon).anySatisfy(e -> {
      assertThat(Evidence.eventId(e)).isEqualTo(23);
      assertThat(Evidence.data(e, "TargetFilename"))
          .contains("\\Logging\\CmdletInfra\\LocalPowerShell\\Cmdlet\\").contains("_Cmdlet_");
    });
    List<JsonNode> management = lab.events("MSExchange Management.jsonl");
    assertThat(management).anySatisfy(e -> assertThat(Evidence.unnamedData(e))
        .startsWith("New-MailboxExportRequest\n").contains("-FilePath \"\\\\"));
    assertThat(management).anySatisfy(e -> assertThat(Evidence.unnamedData(e))
        .startsWith("Remove-MailboxExportRequest\n").contains(" -Confirm \"False\""));
    assertThat(lab.w3c("EXCH01/inetpub/logs/LogFiles/W3SVC1")).anySatisfy(r -> {
      assertThat(r.get("cs-method")).isEqualTo("GET");
      assertThat(r.get("cs-uri-stem")).matches("/aspnet_client/[a-z]+\\.(7z|zip)");
      assertThat(truth.attackerIps()).contains(r.get("c-ip"));
    });
  }

  @Test
  void truth_proxyLogon_namesVerdictAccountsMailboxesAndExistingFiles() {
    assertThat(truth.expectedVerdict()).isEqualTo("compromised");
    assertThat(truth.accountsCompromised()).extracting(LabTruth.Account::account)
        .containsExactly("CORP\\Administrator");
    assertThat(truth.mailboxes()).hasSizeBetween(2, 4)
        .allSatisfy(m -> assertThat(m.scope()).isEqualTo("mailbox"));
    assertThat(truth.steps()).extracting(LabTruth.Step::step).contains("ssrf",
        "oab-external-url", "webshell-write", "webshell-use", "credential-dump",
        "mailbox-export", "archive", "exfiltration", "cleanup");
    assertThat(truth.steps()).allSatisfy(step -> assertThat(step.files()).isNotEmpty()
        .allSatisfy(f -> assertThat(dir.resolve(f)).isRegularFile()));
    assertThat(truth.firstAttackerActivity()).isBefore(truth.lastAttackerActivity());
    assertThat(truth.firstAttackerActivity()).isAfterOrEqualTo(truth.start());
    assertThat(truth.lastAttackerActivity()).isBefore(truth.end());
  }
}
