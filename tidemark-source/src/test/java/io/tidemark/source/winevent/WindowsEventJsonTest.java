package io.tidemark.source.winevent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowsEventJsonTest {
  private static final SourceFile SOURCE = SourceFile.of("EventLogs/x.json", LogType.WINDOWS_EVENT);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final DiagnosticSink.Collecting diagnostics = DiagnosticSink.collecting();

  @Test
  void toEvent_evtxDumpRecord_mapsSystemAndEventData() throws Exception {
    Event event = map("""
        {"Event": {"#attributes": {"xmlns": "http://schemas.microsoft.com/win/2004/08/events/event"},
          "System": {
            "Provider": {"#attributes": {"Name": "MSExchange CmdletLogs", "Guid": null}},
            "EventID": {"#attributes": {"Qualifiers": 49152}, "#text": 1},
            "Version": 0, "Level": 4, "Task": 1, "Opcode": 0, "Keywords": "0x80000000000000",
            "TimeCreated": {"#attributes": {"SystemTime": "2021-03-03T06:49:53.772000Z"}},
            "EventRecordID": 4711, "Correlation": null,
            "Execution": {"#attributes": {"ProcessID": 5560, "ThreadID": 11}},
            "Channel": "MSExchange Management", "Computer": "EXCH01.corp.local",
            "Security": null},
          "EventData": {
            "Data": {"#text": ["Set-OabVirtualDirectory", "-ExternalUrl 'http://f/<script>'", "CORP\\\\admin"]},
            "Binary": null}}}
        """);

    assertThat(event.recordId()).isEqualTo(4711);
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2021-03-03T06:49:53.772Z"));
    assertThat(event.get("Provider_Name")).isEqualTo("MSExchange CmdletLogs");
    assertThat(event.get("EventID")).isEqualTo("1");
    assertThat(event.get("EventID_Qualifiers")).isEqualTo("49152");
    assertThat(event.get("Channel")).isEqualTo("MSExchange Management");
    assertThat(event.get("Execution_ProcessID")).isEqualTo("5560");
    assertThat(event.get("TimeCreated")).isEqualTo("2021-03-03T06:49:53.772000Z");
    assertThat(event.has("Correlation_ActivityID")).isFalse();
    assertThat(event.has("Security_UserID")).isFalse();
    assertThat(event.getAll("Data")).containsExactly(
        "Set-OabVirtualDirectory", "-ExternalUrl 'http://f/<script>'", "CORP\\admin");
    assertThat(event.has("Binary")).isTrue();
    assertThat(event.get("Binary")).isNull();
  }

  @Test
  void toEvent_evtxDumpNamedDataElements_becomeNamedFields() throws Exception {
    Event event = map("""
        {"Event": {"System": {"EventID": 4688, "Channel": "Security"},
          "EventData": {"Data": [
            {"#attributes": {"Name": "NewProcessName"}, "#text": "C:\\\\Windows\\\\System32\\\\cmd.exe"},
            {"#attributes": {"Name": "CommandLine"}},
            "unnamed"]}}}
        """);

    assertThat(event.get("NewProcessName")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
    assertThat(event.has("CommandLine")).isTrue();
    assertThat(event.get("CommandLine")).isNull();
    assertThat(event.getAll("Data")).containsExactly("unnamed");
    assertThat(event.recordId()).isEqualTo(7); // no EventRecordID: the record's index
  }

  @Test
  void toEvent_winlogbeat_mapsWinlogFields() throws Exception {
    Event event = map("""
        {"@timestamp": "2021-03-03T06:50:00.123Z", "message": "An account was successfully logged on.",
         "winlog": {"channel": "Security", "event_id": 4624, "provider_name": "Microsoft-Windows-Security-Auditing",
           "computer_name": "EXCH01.corp.local", "record_id": 99, "process": {"pid": 640, "thread": {"id": 712}},
           "event_data": {"TargetUserName": "administrator", "LogonType": "8", "IpAddress": "203.0.113.5"}}}
        """);

    assertThat(event.get("EventID")).isEqualTo("4624");
    assertThat(event.get("Channel")).isEqualTo("Security");
    assertThat(event.get("Computer")).isEqualTo("EXCH01.corp.local");
    assertThat(event.get("Execution_ThreadID")).isEqualTo("712");
    assertThat(event.get("LogonType")).isEqualTo("8");
    assertThat(event.get("Message")).startsWith("An account");
    assertThat(event.recordId()).isEqualTo(99);
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2021-03-03T06:50:00.123Z"));
  }

  @Test
  void toEvent_sentinelSecurityEvent_readsEventDataXml() throws Exception {
    Event event = map("""
        {"TimeGenerated": "2021-03-03T06:50:00Z", "Computer": "EXCH01", "EventID": 4625,
         "Channel": "Security", "TenantId": "t", "Account": "\\\\bob",
         "EventData": "<EventData xmlns=\\"http://schemas.microsoft.com/win/2004/08/events/event\\"><Data Name=\\"TargetUserName\\">bob</Data><Data Name=\\"Status\\">0xc000006d</Data><Data>loose</Data></EventData>"}
        """);

    assertThat(event.get("EventID")).isEqualTo("4625");
    assertThat(event.get("TargetUserName")).isEqualTo("bob");
    assertThat(event.get("Status")).isEqualTo("0xc000006d");
    assertThat(event.getAll("Data")).containsExactly("loose");
    assertThat(event.get("Account")).isEqualTo("\\bob");
    assertThat(event.has("TenantId")).isFalse();
    assertThat(event.get("TimeCreated")).isEqualTo("2021-03-03T06:50:00Z");
  }

  @Test
  void toEvent_sentinelXmlWithExternalEntity_doesNotResolveIt() throws Exception {
    Event event = map("""
        {"TimeGenerated": "2021-03-03T06:50:00Z", "EventID": 1, "EventLog": "Application",
         "Source": "MSExchange Control Panel",
         "ParameterXml": "<?xml version=\\"1.0\\"?><!DOCTYPE p [<!ENTITY x SYSTEM \\"file:///etc/passwd\\">]><Param>&x;</Param>"}
        """);

    assertThat(event.get("Provider_Name")).isEqualTo("MSExchange Control Panel");
    assertThat(event.get("Channel")).isEqualTo("Application");
    // The DTD is ignored and the entity left unexpanded: the parameter reads as empty.
    assertThat(event.getAll("Data")).containsExactly("");
  }

  @Test
  void toEvent_getWinEventConvertToJson_mapsProperties() throws Exception {
    Event event = map("""
        {"Id": 1, "Version": 0, "Qualifiers": 49152, "Level": 4, "Task": 1, "Opcode": 0,
         "Keywords": 36028797018963968, "RecordId": 12, "ProviderName": "MSExchange CmdletLogs",
         "LogName": "MSExchange Management", "MachineName": "EXCH01.corp.local",
         "UserId": {"BinaryLength": 28, "AccountDomainSid": null, "Value": "S-1-5-21-1-2-3-500"},
         "TimeCreated": "/Date(1614754193772)/",
         "Message": "Cmdlet succeeded. Cmdlet Set-OabVirtualDirectory, parameters -ExternalUrl ...",
         "Properties": [{"Value": "Set-OabVirtualDirectory"}, {"Value": "-ExternalUrl 'http://f/<script>'"}, {"Value": 7}]}
        """);

    assertThat(event.get("EventID")).isEqualTo("1");
    assertThat(event.get("Keywords")).isEqualTo("0x80000000000000");
    assertThat(event.get("Security_UserID")).isEqualTo("S-1-5-21-1-2-3-500");
    assertThat(event.get("TimeCreated")).isEqualTo("2021-03-03T06:49:53.772Z");
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2021-03-03T06:49:53.772Z"));
    assertThat(event.getAll("Data"))
        .containsExactly("Set-OabVirtualDirectory", "-ExternalUrl 'http://f/<script>'", "7");
    assertThat(event.get("Message")).startsWith("Cmdlet succeeded.");
  }

  @Test
  void toEvent_getWinEventCutByDefaultDepth_warns() throws Exception {
    map("""
        {"Id": 1, "ProviderName": "MSExchange CmdletLogs", "TimeCreated": "2021-03-03T07:49:53.772+01:00",
         "Properties": ["System.Diagnostics.Eventing.Reader.EventProperty"]}
        """);

    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code)
        .containsExactly("properties-truncated");
  }

  @Test
  void toEvent_flatSecurityDataset_mapsSystemNames() throws Exception {
    Event event = map("""
        {"EventID": 4688, "Channel": "Security", "SourceName": "Microsoft-Windows-Security-Auditing",
         "Hostname": "WORKSTATION5", "EventTime": "2020-09-20 19:24:24", "RecordNumber": 3301,
         "NewProcessName": "C:\\\\Windows\\\\System32\\\\whoami.exe", "ExecutionProcessID": 4}
        """);

    assertThat(event.get("Provider_Name")).isEqualTo("Microsoft-Windows-Security-Auditing");
    assertThat(event.get("Computer")).isEqualTo("WORKSTATION5");
    assertThat(event.get("EventRecordID")).isEqualTo("3301");
    assertThat(event.get("Execution_ProcessID")).isEqualTo("4");
    assertThat(event.get("NewProcessName")).isEqualTo("C:\\Windows\\System32\\whoami.exe");
    assertThat(event.has("Hostname")).isFalse();
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2020-09-20T19:24:24Z"));
  }

  @Test
  void toEvent_unknownShape_skipsWithCode() throws Exception {
    assertThat(WindowsEventJson.toEvent(MAPPER.readTree("{\"hello\": 1}"), SOURCE, 3, 120,
        diagnostics)).isNull();
    assertThat(diagnostics.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("unknown-json-shape");
      assertThat(d.offset()).isEqualTo(120);
    });
  }

  private Event map(String json) throws Exception {
    JsonNode node = MAPPER.readTree(json);
    assertThat(WindowsEventJson.isWindowsEvent(node)).isTrue();
    Event event = WindowsEventJson.toEvent(node, SOURCE, 7, 0, diagnostics);
    assertThat(event).isNotNull();
    return event;
  }
}
