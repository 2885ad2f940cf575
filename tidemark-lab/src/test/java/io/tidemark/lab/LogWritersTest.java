package io.tidemark.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.event.LogType;
import io.tidemark.event.TidemarkException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LogWritersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> lines(String file) {
    return Arrays.asList(file.split("\r\n", -1));
  }

  @Test
  void render_iis_defaultHeaderDashesAndPlusForSpaces() {
    String file = LogWriters.render(LogType.IIS_W3C, List.of(Map.of(
        "date", "2021-03-03", "time", "01:12:09", "cs-method", "POST",
        "cs-uri-stem", "/ecp/y.js", "cs(User-Agent)", "python requests/2.25.1", "sc-status", 200)));
    assertThat(lines(file)).containsExactly(
        "#Software: Microsoft Internet Information Services 10.0",
        "#Version: 1.0",
        "#Date: 2021-03-03 01:12:09",
        "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
            + "cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken",
        "2021-03-03 01:12:09 - POST /ecp/y.js - - - - python+requests/2.25.1 - 200 - - -",
        "");
  }

  @Test
  void render_iisExtraField_addedToFieldsLine() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("date", Instant.parse("2021-03-03T01:12:09.394Z"));
    record.put("time", Instant.parse("2021-03-03T01:12:09.394Z"));
    record.put("cs(Cookie)", "X-BEResource=localhost~1942062522");
    List<String> lines = lines(LogWriters.render(LogType.IIS_W3C, List.of(record)));
    assertThat(lines.get(3)).endsWith("time-taken cs(Cookie)");
    assertThat(lines.get(4)).startsWith("2021-03-03 01:12:09 ")
        .endsWith(" X-BEResource=localhost~1942062522");
  }

  @Test
  void render_httpProxy_headerBlockAndValuesInTheirColumns() {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("DateTime", "2021-03-03T01:12:09.394Z");
    record.put("AnchorMailbox", "ServerInfo~a]@EXCH01.corp.local:444/ecp/proxyLogon.ecp?#");
    record.put("AuthenticatedUser", "");
    record.put("HttpStatus", 241);
    record.put("UserAgent", "Mozilla/5.0 (KHTML, like Gecko)");
    List<String> lines = lines(LogWriters.render(LogType.EXCHANGE_HTTPPROXY, List.of(record)));
    assertThat(lines.get(0)).isEqualTo("\uFEFF#Software: Microsoft Exchange Server");
    assertThat(lines.subList(1, 4)).containsExactly("#Version: 15.01.2176.002",
        "#Log-type: HttpProxy Logs", "#Date: 2021-03-03T01:12:09.394Z");
    assertThat(lines.get(4))
        .isEqualTo("#Fields: " + String.join(",", CsvLayout.HTTP_PROXY.fields()));
    List<String> values = Evidence.splitCsv(lines.get(5));
    assertThat(values).hasSize(74);
    List<String> fields = CsvLayout.HTTP_PROXY.fields();
    assertThat(values.get(fields.indexOf("AnchorMailbox")))
        .isEqualTo("ServerInfo~a]@EXCH01.corp.local:444/ecp/proxyLogon.ecp?#");
    assertThat(values.get(fields.indexOf("HttpStatus"))).isEqualTo("241");
    assertThat(values.get(fields.indexOf("UserAgent")))
        .isEqualTo("Mozilla/5.0 (KHTML  like Gecko)");
    assertThat(values.stream().filter(v -> !v.isEmpty())).hasSize(4);
  }

  @ParameterizedTest
  @EnumSource(value = LogType.class, names = {"EXCHANGE_EWS", "EXCHANGE_OAB_GENERATOR",
      "EXCHANGE_MESSAGE_TRACKING", "EXCHANGE_CMDLET", "EXCHANGE_HTTPPROXY"})
  void render_exchangeCsv_oneRowPerRecordAndFieldsOfTheLayout(LogType type) {
    CsvLayout layout = layoutOf(type);
    String first = layout.fields().get(0);
    String last = layout.fields().get(layout.size() - 1);
    String file = LogWriters.render(type, List.of(
        Map.of(first, "2022-01-02T03:04:05.006Z", last, "a,\"b\""),
        Map.of(first, "2022-01-02T03:04:06.000Z")));
    List<String> lines = lines(file);
    assertThat(lines.get(2)).startsWith("#Log-type: ");
    assertThat(lines.get(3)).isEqualTo("#Date: 2022-01-02T03:04:05.006Z");
    assertThat(lines.get(4)).isEqualTo("#Fields: " + String.join(",", layout.fields()));
    assertThat(lines.subList(5, lines.size())).hasSize(3).last().isEqualTo("");
    assertThat(Evidence.splitCsv(lines.get(5))).hasSize(layout.size()).endsWith("a,\"b\"");
    assertThat(lines.get(5)).endsWith(",\"a,\"\"b\"\"\"");
  }

  @ParameterizedTest
  @EnumSource(value = LogType.class, names = {"EXCHANGE_ECP_SERVER", "EXCHANGE_ECP_ACTIVITY"})
  void render_ecp_extraKeysBecomeEventDataPairs(LogType type) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("TimeStamp", "2021-03-03T01:12:11.000Z");
    record.put("ServerName", "EXCH01");
    record.put("EventId", "ECP.Request");
    record.put("CMD",
        "Set-OabVirtualDirectory.ExternalUrl='http://f/<script language=\"JScript\">'");
    record.put("URL", "/ecp/DDI/DDIService.svc/SetObject?schema=OABVirtualDirectory");
    List<String> lines = lines(LogWriters.render(type, List.of(record)));
    assertThat(lines.get(1)).isEqualTo("#Version: 15.0.0.0");
    assertThat(lines.get(4)).isEqualTo("#Fields: TimeStamp,ServerName,EventId,EventData");
    assertThat(Evidence.splitCsv(lines.get(5))).containsExactly("2021-03-03T01:12:11.000Z",
        "EXCH01", "ECP.Request", "S:CMD=Set-OabVirtualDirectory.ExternalUrl='http://f/"
            + "<script language=\"JScript\">';S:URL=/ecp/DDI/DDIService.svc/SetObject"
            + "?schema=OABVirtualDirectory");
  }

  @Test
  void render_windowsEvent_evtxDumpShapeWithSystemNamedAndUnnamedData() throws Exception {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("Provider_Name", "MSExchange CmdletLogs");
    record.put("EventID", "1");
    record.put("EventID_Qualifiers", 16384);
    record.put("TimeCreated", Instant.parse("2021-03-03T01:12:09.394Z"));
    record.put("Channel", "MSExchange Management");
    record.put("Data", List.of("Set-OabVirtualDirectory", "-ExternalUrl \"http://f/\""));
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("Provider_Name", "Microsoft-Windows-Sysmon");
    second.put("EventID", 11);
    second.put("EventRecordID", 99);
    second.put("TargetFilename", "C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx");
    second.put("ProcessId", 4242);
    String file = LogWriters.render(LogType.WINDOWS_EVENT, List.of(record, second));
    String[] lines = file.split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines[0]).path("Event");
    JsonNode system = first.path("System");
    assertThat(system.path("Provider").path("#attributes").path("Name").asText())
        .isEqualTo("MSExchange CmdletLogs");
    assertThat(system.path("EventID").path("#text").isInt()).isTrue();
    assertThat(system.path("EventID").path("#attributes").path("Qualifiers").asInt())
        .isEqualTo(16384);
    assertThat(system.path("TimeCreated").path("#attributes").path("SystemTime").asText())
        .isEqualTo("2021-03-03T01:12:09.394000Z");
    assertThat(system.path("EventRecordID").asLong()).isEqualTo(1);
    assertThat(system.path("Level").isNull()).isTrue();
    assertThat(first.path("EventData").path("Data").path("#text")).hasSize(2);
    JsonNode sysmon = JSON.readTree(lines[1]).path("Event");
    assertThat(sysmon.path("System").path("EventID").asInt()).isEqualTo(11);
    assertThat(sysmon.path("System").path("EventRecordID").asLong()).isEqualTo(99);
    assertThat(sysmon.path("EventData").path("TargetFilename").asText())
        .isEqualTo("C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx");
    assertThat(sysmon.path("EventData").path("ProcessId").isInt()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(LogType.class)
  void render_everyLogType_emptyRecordListGivesAValidEmptyFile(LogType type) {
    String file = LogWriters.render(type, List.of());
    if (type == LogType.WINDOWS_EVENT) {
      assertThat(file).isEmpty();
    } else if (type == LogType.M365_UAL) {
      assertThat(file).isEqualTo(UalExport.PURVIEW_HEADER + "\r\n");
    } else {
      assertThat(file).contains("#Fields: ").endsWith("\r\n");
    }
  }

  @Test
  void render_unknownExchangeField_errorNamesFieldAndRecord() {
    assertThatThrownBy(() -> LogWriters.render(LogType.EXCHANGE_HTTPPROXY, List.of(
        Map.of("DateTime", "2021-03-03T01:12:09.394Z"), Map.of("AnchorMailBox", "x"))))
        .isInstanceOf(TidemarkException.class)
        .hasMessageContaining("'AnchorMailBox'")
        .hasMessageContaining("record 2");
  }

  @Test
  void render_listInCsvField_errorNamesTheValue() {
    assertThatThrownBy(() -> LogWriters.render(LogType.EXCHANGE_EWS,
        List.of(Map.of("SoapAction", List.of("GetItem")))))
        .isInstanceOf(TidemarkException.class)
        .hasMessageContaining("'SoapAction'").hasMessageContaining("[GetItem]");
  }

  private static CsvLayout layoutOf(LogType type) {
    return switch (type) {
      case EXCHANGE_EWS -> CsvLayout.EWS;
      case EXCHANGE_OAB_GENERATOR -> CsvLayout.OAB_GENERATOR;
      case EXCHANGE_MESSAGE_TRACKING -> CsvLayout.MESSAGE_TRACKING;
      case EXCHANGE_CMDLET -> CsvLayout.RPS_CMDLET;
      default -> CsvLayout.HTTP_PROXY;
    };
  }
}
