package io.tidemark.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UalLogReaderTest {
  /** Search-UnifiedAuditLog | ConvertTo-Json (PowerShell 7): AuditData is a JSON string. */
  static final String POWERSHELL_JSON = """
      [
        {
          "RecordType": 50,
          "CreationDate": "2024-02-14T03:10:11",
          "UserIds": "jdoe@corp.example",
          "Operations": "MailItemsAccessed",
          "AuditData": "{\\"CreationTime\\":\\"2024-02-14T03:10:11\\",\\"Id\\":\\"5b6b1f5e-0a4e-4c1f-9e4b-3a1d2f0c9e01\\",\\"Operation\\":\\"MailItemsAccessed\\",\\"OrganizationId\\":\\"0d1e\\",\\"RecordType\\":50,\\"ResultStatus\\":\\"Succeeded\\",\\"UserKey\\":\\"1003\\",\\"UserType\\":0,\\"Workload\\":\\"Exchange\\",\\"UserId\\":\\"jdoe@corp.example\\",\\"AppId\\":\\"00000002-0000-0ff1-ce00-000000000000\\",\\"ClientIPAddress\\":\\"203.0.113.77:51234\\",\\"ClientInfoString\\":\\"Client=REST;Client=RESTSystem;\\",\\"LogonType\\":0,\\"MailboxOwnerUPN\\":\\"jdoe@corp.example\\",\\"OperationProperties\\":[{\\"Name\\":\\"MailAccessType\\",\\"Value\\":\\"Bind\\"},{\\"Name\\":\\"IsThrottled\\",\\"Value\\":\\"False\\"}],\\"Folders\\":[{\\"Id\\":\\"LgAAAA1\\",\\"Path\\":\\"\\\\\\\\Inbox\\",\\"FolderItems\\":[{\\"InternetMessageId\\":\\"<a1@corp.example>\\",\\"SizeInBytes\\":5120},{\\"InternetMessageId\\":\\"<a2@corp.example>\\",\\"SizeInBytes\\":811}]}],\\"OperationCount\\":2,\\"SessionId\\":\\"9a8b7c6d-1111-2222-3333-444455556666\\"}",
          "ResultIndex": 1,
          "ResultCount": 2,
          "Identity": "5b6b1f5e-0a4e-4c1f-9e4b-3a1d2f0c9e01",
          "IsValid": true,
          "ObjectState": "Unchanged"
        },
        {
          "RecordType": 1,
          "CreationDate": "2024-02-14T03:20:00",
          "UserIds": "jdoe@corp.example",
          "Operations": "New-InboxRule",
          "AuditData": "{\\"CreationTime\\":\\"2024-02-14T03:20:00\\",\\"Id\\":\\"7c1e2d3f-0000-4000-8000-000000000002\\",\\"Operation\\":\\"New-InboxRule\\",\\"RecordType\\":1,\\"ResultStatus\\":\\"True\\",\\"UserId\\":\\"jdoe@corp.example\\",\\"Workload\\":\\"Exchange\\",\\"ClientIP\\":\\"[2001:db8::7]:443\\",\\"ObjectId\\":\\"jdoe\\\\\\\\.\\",\\"Parameters\\":[{\\"Name\\":\\"Name\\",\\"Value\\":\\".\\"},{\\"Name\\":\\"ForwardTo\\",\\"Value\\":\\"drop@mailbox.example\\"},{\\"Name\\":\\"MarkAsRead\\",\\"Value\\":\\"True\\"}]}",
          "ResultIndex": 2,
          "ResultCount": 2,
          "Identity": "7c1e2d3f-0000-4000-8000-000000000002",
          "IsValid": true,
          "ObjectState": "Unchanged"
        }
      ]
      """;

  /** Purview's audit search export: RecordId first, quotes inside AuditData doubled. */
  static final String PURVIEW_CSV = """
      RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames
      0f4c2a1e-1111-4aaa-8bbb-000000000001,"2024-02-14T02:00:01.0000000Z ",15,UserLoginFailed,ann@corp.example,"{""CreationTime"":""2024-02-14T02:00:01"",""Id"":""0f4c2a1e-1111-4aaa-8bbb-000000000001"",""Operation"":""UserLoginFailed"",""RecordType"":15,""ResultStatus"":""Failed"",""UserId"":""ann@corp.example"",""Workload"":""AzureActiveDirectory"",""ClientIP"":""198.51.100.9"",""LogonError"":""InvalidUserNameOrPassword"",""ExtendedProperties"":[{""Name"":""RequestType"",""Value"":""OAuth2:Token""},{""Name"":""UserAgent"",""Value"":""python-requests/2.31""}]}",,
      0f4c2a1e-1111-4aaa-8bbb-000000000002,"2024-02-14T02:00:09.0000000Z ",1,Add-MailboxPermission,admin@corp.example,"{""CreationTime"":""2024-02-14T02:00:09"",""Id"":""0f4c2a1e-1111-4aaa-8bbb-000000000002"",""Operation"":""Add-MailboxPermission"",""RecordType"":1,""ResultStatus"":""True"",""UserId"":""admin@corp.example"",""Workload"":""Exchange"",""ClientIP"":""198.51.100.9:40112"",""Parameters"":[{""Name"":""Identity"",""Value"":""ceo@corp.example""},{""Name"":""User"",""Value"":""ann@corp.example""},{""Name"":""AccessRights"",""Value"":""FullAccess""}]}",,
      """;

  /** Search-UnifiedAuditLog | Export-Csv in Windows PowerShell 5: #TYPE line, every cell quoted. */
  static final String EXPORT_CSV = """
      #TYPE Microsoft.Exchange.Management.SystemConfigurationTasks.UnifiedAuditLogEvent
      "RunspaceId","RecordType","CreationDate","UserIds","Operations","AuditData","ResultIndex","ResultCount","Identity","IsValid","ObjectState"
      "1c2d","AzureActiveDirectoryStsLogon","2/14/2024 2:05:00 AM","bob@corp.example","UserLoggedIn","{""CreationTime"":""2024-02-14T02:05:00"",""Id"":""aa000000-0000-4000-8000-000000000001"",""Operation"":""UserLoggedIn"",""RecordType"":15,""ResultStatus"":""Success"",""UserId"":""bob@corp.example"",""Workload"":""AzureActiveDirectory"",""ClientIP"":""100.64.3.4""}","1","2","aa000000-0000-4000-8000-000000000001","True","Unchanged"
      "1c2d","AzureActiveDirectoryStsLogon","2/14/2024 2:06:00 PM","bob@corp.example","UserLoggedIn","{""Id"":""aa000000-0000-4000-8000-000000000002"",""Operation"":""UserLoggedIn"",""RecordType"":15,""UserId"":""bob@corp.example""}","2","2","aa000000-0000-4000-8000-000000000002","True","Unchanged"
      """;

  @TempDir Path dir;
  private final DiagnosticSink.Collecting diagnostics = DiagnosticSink.collecting();

  @Test
  void read_powerShellJson_flattensMailItemsAccessed() throws IOException {
    Recorder recorder = read("ual.json", POWERSHELL_JSON);

    FileRecord record = recorder.record("ual.json");
    assertThat(record.format()).isEqualTo("m365-ual-json");
    assertThat(record.logType()).isEqualTo(LogType.M365_UAL);
    List<Event> events = recorder.events("ual.json");
    assertThat(events).hasSize(2);
    Event bind = events.get(0);
    assertThat(bind.recordId()).isEqualTo(1);
    assertThat(bind.timestamp()).isEqualTo(Instant.parse("2024-02-14T03:10:11Z"));
    assertThat(bind.get("Operation")).isEqualTo("MailItemsAccessed");
    assertThat(bind.get("MailAccessType")).isEqualTo("Bind");
    assertThat(bind.get("IsThrottled")).isEqualTo("False");
    assertThat(bind.get("OperationCount")).isEqualTo("2");
    assertThat(bind.get("SessionId")).isEqualTo("9a8b7c6d-1111-2222-3333-444455556666");
    assertThat(bind.get("ClientIPAddress")).isEqualTo("203.0.113.77:51234");
    assertThat(bind.get("Tidemark_ClientIP")).isEqualTo("203.0.113.77");
    assertThat(bind.get("Tidemark_ClientPort")).isEqualTo("51234");
    assertThat(bind.get("Folders.Path")).isEqualTo("\\Inbox");
    assertThat(bind.getAll("Folders.FolderItems.InternetMessageId"))
        .containsExactly("<a1@corp.example>", "<a2@corp.example>");
    assertThat(bind.get("ResultCount")).isEqualTo("2");
    assertThat(bind.has("IsValid")).isFalse();
    Event rule = events.get(1);
    assertThat(rule.get("Parameters.ForwardTo")).isEqualTo("drop@mailbox.example");
    assertThat(rule.get("Tidemark_ClientIP")).isEqualTo("2001:db8::7");
    assertThat(rule.get("Tidemark_ClientPort")).isEqualTo("443");
  }

  @Test
  void read_purviewCsv_readsAuditDataColumn() throws IOException {
    Recorder recorder = read("AuditLog_2024-02-14.csv", PURVIEW_CSV);

    assertThat(recorder.record("AuditLog_2024-02-14.csv").format()).isEqualTo("m365-ual-csv");
    List<Event> events = recorder.events("AuditLog_2024-02-14.csv");
    assertThat(events).extracting(Event::recordId).containsExactly(1L, 2L);
    Event failure = events.get(0);
    assertThat(failure.get("LogonError")).isEqualTo("InvalidUserNameOrPassword");
    assertThat(failure.get("ExtendedProperties.UserAgent")).isEqualTo("python-requests/2.31");
    assertThat(failure.get("Tidemark_ClientIP")).isEqualTo("198.51.100.9");
    assertThat(failure.has("Tidemark_ClientPort")).isFalse();
    assertThat(failure.get("AssociatedAdminUnits")).isNull();
    Event grant = events.get(1);
    assertThat(grant.get("Parameters.AccessRights")).isEqualTo("FullAccess");
    assertThat(grant.get("Parameters.Identity")).isEqualTo("ceo@corp.example");
    assertThat(grant.timestamp()).isEqualTo(Instant.parse("2024-02-14T02:00:09Z"));
  }

  @Test
  void read_exportCsvWithTypeLine_fillsMissingFieldsFromTheEnvelope() throws IOException {
    Recorder recorder = read("ual.csv", EXPORT_CSV);

    List<Event> events = recorder.events("ual.csv");
    assertThat(events).hasSize(2);
    assertThat(events.get(0).get("ClientIP")).isEqualTo("100.64.3.4");
    assertThat(events.get(0).get("RecordType")).isEqualTo("15");
    Event noTime = events.get(1);
    assertThat(noTime.timestamp()).isEqualTo(Instant.parse("2024-02-14T14:06:00Z"));
    assertThat(noTime.get("CreationDate")).isEqualTo("2/14/2024 2:06:00 PM");
    assertThat(diagnostics.diagnostics()).isEmpty();
  }

  @Test
  void read_bareAuditDataJsonLines_isDetectedAndRead() throws IOException {
    String lines = """
        {"CreationTime":"2024-02-14T04:00:00","Id":"b1","Operation":"Set-Mailbox","RecordType":1,"Workload":"Exchange","UserId":"x@corp.example","Parameters":[{"Name":"ForwardingSmtpAddress","Value":"smtp:out@drop.example"},{"Name":"DeliverToMailboxAndForward","Value":"True"}]}
        {"CreationTime":"2024-02-14T04:00:05","Id":"b2","Operation":"UserLoggedIn","RecordType":15,"Workload":"AzureActiveDirectory","UserId":"x@corp.example","ClientIP":"garbage"}
        """;

    Recorder recorder = read("UnifiedAuditLog_2024-02-14_04.json", lines);

    List<Event> events = recorder.events("UnifiedAuditLog_2024-02-14_04.json");
    assertThat(events.get(0).get("Parameters.ForwardingSmtpAddress"))
        .isEqualTo("smtp:out@drop.example");
    assertThat(events.get(1).get("ClientIP")).isEqualTo("garbage");
    assertThat(events.get(1).has("Tidemark_ClientIP")).isFalse();
  }

  @Test
  void read_malformedAuditData_isSkippedNamingTheLineAndReadingGoesOn() throws IOException {
    String csv = """
        CreationDate,UserIds,Operations,AuditData
        2024-02-14T02:00:00,a@corp.example,UserLoggedIn,"{""Id"":""c1"",""Operation"":""UserLoggedIn"",""CreationTime"":""2024-02-14T02:00:00""}"
        2024-02-14T02:00:01,a@corp.example,UserLoggedIn,"{""Id"":""c2"",""Operation"":""UserLogg"
        2024-02-14T02:00:02,a@corp.example,UserLoggedIn,"{""Id"":""c3"",""Operation"":""UserLoggedIn"",""CreationTime"":""2024-02-14T02:00:02""}"
        """;

    Recorder recorder = read("old.csv", csv);

    FileRecord record = recorder.record("old.csv");
    assertThat(record.recordsRead()).isEqualTo(2);
    assertThat(record.skippedByReason()).containsEntry("bad-auditdata", 1L);
    assertThat(diagnostics.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Diagnostic.Severity.SKIPPED);
      assertThat(d.source()).isEqualTo("old.csv");
      assertThat(d.line()).isEqualTo(3);
      assertThat(d.message()).contains("AuditData is not valid JSON");
    });
  }

  @Test
  void read_brokenJsonBetweenGoodRecords_skipsOnlyTheBrokenOne() throws IOException {
    String lines = """
        {"CreationTime":"2024-02-14T04:00:00","Id":"d1","Operation":"UserLoggedIn","RecordType":15,"Workload":"AzureActiveDirectory"}
        {"CreationTime":"2024-02-14T04:00:01","Id":"d2","AuditData":"{\\"Id\\":\\"d2\\",\\"Operation\\":", "Operations":"UserLoggedIn"}
        {"CreationTime":"2024-02-14T04:00:02","Id":"d3","Operation":"UserLoggedIn","RecordType":15,"Workload":"AzureActiveDirectory"}
        """;

    Recorder recorder = read("ual.jsonl", lines);

    assertThat(recorder.events("ual.jsonl")).extracting(e -> e.get("Id"))
        .containsExactly("d1", "d3");
    assertThat(recorder.record("ual.jsonl").skippedByReason()).containsEntry("bad-auditdata", 1L);
    assertThat(diagnostics.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.line()).isEqualTo(2));
  }

  @Test
  void read_sameIdTwice_countsItOnceAndSaysSoInTheManifest() throws IOException {
    String first = "{\"CreationTime\":\"2024-02-14T04:00:00\",\"Id\":\"e0000000-0000-4000-8000-"
        + "000000000001\",\"Operation\":\"UserLoggedIn\",\"RecordType\":15,\"Workload\":\"Azure"
        + "ActiveDirectory\"}";
    String second = first.replace("0001\"", "0002\"");
    // A collector paging through overlapping time slices writes the boundary record twice.
    Recorder recorder = read("ual.jsonl", first + "\n" + second + "\n" + first + "\n");

    FileRecord record = recorder.record("ual.jsonl");
    assertThat(recorder.events("ual.jsonl")).extracting(Event::recordId).containsExactly(1L, 2L);
    assertThat(record.recordsRead()).isEqualTo(2);
    assertThat(record.skippedByReason()).containsEntry("ual-duplicate-id", 1L);
    assertThat(record.notes()).anySatisfy(n -> assertThat(n).contains("1 duplicate"));
  }

  @Test
  void read_throttledMailItemsAccessed_keepsTheFlagAndCountsIt() throws IOException {
    String line = "{\"CreationTime\":\"2024-02-14T05:00:00\",\"Id\":\"f1\",\"Operation\":"
        + "\"MailItemsAccessed\",\"RecordType\":50,\"Workload\":\"Exchange\",\"OperationProperties"
        + "\":[{\"Name\":\"MailAccessType\",\"Value\":\"Bind\"},{\"Name\":\"IsThrottled\","
        + "\"Value\":\"True\"}]}\n";

    Recorder recorder = read("ual.jsonl", line);

    assertThat(recorder.events("ual.jsonl")).singleElement()
        .satisfies(e -> assertThat(e.get("IsThrottled")).isEqualTo("True"));
    assertThat(recorder.record("ual.jsonl").notes())
        .anySatisfy(n -> assertThat(n).contains("1 throttled MailItemsAccessed record"));
  }

  @Test
  void read_hugeValue_isCappedAndWarned() throws IOException {
    String huge = "A".repeat(100_000);
    String line = "{\"CreationTime\":\"2024-02-14T05:00:00\",\"Id\":\"g1\",\"Operation\":"
        + "\"New-InboxRule\",\"RecordType\":1,\"Workload\":\"Exchange\",\"Parameters\":[{\"Name\":"
        + "\"Name\",\"Value\":\"" + huge + "\"}]}\n";

    Recorder recorder = read("ual.jsonl", line);

    Event event = recorder.events("ual.jsonl").get(0);
    assertThat(event.get("Parameters.Name")).hasSize(32 * 1024);
    assertThat(diagnostics.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo("field-truncated"));
  }

  @Test
  void read_deeplyNestedAuditData_isSkippedNotAStackOverflow() throws IOException {
    String nested = "[".repeat(500) + "]".repeat(500);
    String csv = "CreationDate,UserIds,Operations,AuditData\n"
        + "2024-02-14T02:00:00,a,UserLoggedIn,\"{\"\"Id\"\":\"\"n1\"\",\"\"X\"\":" + nested + "}\"\n"
        + "2024-02-14T02:00:01,a,UserLoggedIn,\"{\"\"Id\"\":\"\"n2\"\"}\"\n";

    Recorder recorder = read("deep.csv", csv);

    assertThat(recorder.events("deep.csv")).extracting(e -> e.get("Id")).containsExactly("n2");
    assertThat(recorder.record("deep.csv").skippedByReason()).containsEntry("bad-auditdata", 1L);
  }

  @Test
  void read_csvRowPastTheLineLimit_isSkippedWithoutBufferingIt() throws IOException {
    String csv = "CreationDate,UserIds,Operations,AuditData\n"
        + "2024-02-14T02:00:00,a,UserLoggedIn,\"{\"\"Id\"\":\"\"" + "z".repeat(5_000)
        + "\"\"}\"\n"
        + "2024-02-14T02:00:01,a,UserLoggedIn,\"{\"\"Id\"\":\"\"ok\"\"}\"\n";
    Path file = dir.resolve("long.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);

    Recorder recorder = Recorder.readAll(IntakeOptions.defaults().withMaxLineBytes(1024),
        diagnostics, file);

    assertThat(recorder.events("long.csv")).extracting(Event::recordId).containsExactly(2L);
    assertThat(recorder.record("long.csv").skippedByReason()).containsEntry("record-too-long", 1L);
    assertThat(diagnostics.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.line()).isEqualTo(2));
  }

  @Test
  void read_utf16PowerShellExports_areTranscoded() throws IOException {
    for (String name : List.of("ual16.json", "ual16.csv")) {
      String text = name.endsWith(".json") ? POWERSHELL_JSON : EXPORT_CSV;
      byte[] le = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
      Files.write(dir.resolve(name), le);
    }

    Recorder recorder = Recorder.readAll(IntakeOptions.defaults(), diagnostics,
        dir.resolve("ual16.json"), dir.resolve("ual16.csv"));

    assertThat(recorder.record("ual16.json").format()).isEqualTo("m365-ual-json");
    assertThat(recorder.events("ual16.json").get(0).getAll("Folders.FolderItems.InternetMessageId"))
        .containsExactly("<a1@corp.example>", "<a2@corp.example>");
    assertThat(recorder.record("ual16.csv").format()).isEqualTo("m365-ual-csv");
    assertThat(recorder.events("ual16.csv")).hasSize(2);
    assertThat(diagnostics.diagnostics()).isEmpty();
  }

  @Test
  void read_utf16TextThatIsNoExport_isStillNotRead() throws IOException {
    Files.write(dir.resolve("notes.txt"), "\uFEFFjust some notes\r\n"
        .getBytes(StandardCharsets.UTF_16LE));

    Recorder recorder =
        Recorder.readAll(IntakeOptions.defaults(), diagnostics, dir.resolve("notes.txt"));

    assertThat(recorder.record("notes.txt").format()).isEqualTo("text");
    assertThat(recorder.record("notes.txt").notes()).anySatisfy(n -> assertThat(n)
        .contains("UTF-16"));
  }

  @Test
  void read_searchCutShort_saysSoInTheManifest() throws IOException {
    String record = "{\"CreationDate\":\"2024-02-14T02:00:0%d\",\"Operations\":\"UserLoggedIn\","
        + "\"AuditData\":\"{\\\"Id\\\":\\\"p%d\\\",\\\"Operation\\\":\\\"UserLoggedIn\\\"}\","
        + "\"ResultIndex\":%d,\"ResultCount\":%d}\n";
    // Two searches: the first complete (2 of 2), the second stopped after 2 of 5,000.
    String lines = record.formatted(1, 1, 1, 2) + record.formatted(2, 2, 2, 2)
        + record.formatted(3, 3, 1, 5000) + record.formatted(4, 4, 2, 5000);

    Recorder recorder = read("paged.jsonl", lines);

    assertThat(recorder.events("paged.jsonl")).hasSize(4);
    assertThat(recorder.record("paged.jsonl").notes()).filteredOn(n -> n.contains("incomplete"))
        .singleElement().satisfies(n -> assertThat(n)
            .contains("a search reported 5000 results but the file holds them only up to "
                + "ResultIndex 2"));
  }

  @Test
  void read_windowsEventJson_isStillAWindowsEvent() throws IOException {
    Recorder recorder = read("events.jsonl",
        "{\"winlog\": {\"channel\": \"Security\", \"event_id\": 4624, \"record_id\": 1}}\n");

    assertThat(recorder.record("events.jsonl").format()).isEqualTo("windows-event-json");
  }

  @Test
  void detect_firstRecordLongerThanTheHead_isStillAUalExport() {
    String record = "{\"AuditData\": \"{\\\"Id\\\":\\\"h1\\\",\\\"Operation\\\":"
        + "\\\"MailItemsAccessed\\\",\\\"Note\\\":\\\"" + "x".repeat(80_000)
        + "\\\"}\", \"Operations\": \"MailItemsAccessed\"}";
    byte[] head = ("[\n" + record + "\n]\n").getBytes(StandardCharsets.UTF_8);

    Detection detection = FormatDetector.detect(head, FormatDetector.PEEK_BYTES,
        Layout.Match.NONE);

    assertThat(detection.format()).isEqualTo(Format.M365_UAL_JSON);
  }

  @Test
  void detect_otherJsonAndOtherCsv_areNotUal() {
    assertThat(detect("{\"Operation\": \"x\", \"Name\": \"y\"}\n").format())
        .isEqualTo(Format.JSON);
    assertThat(detect("CreationDate,UserIds,Operations,Detail\n2024-01-01,a,b,c\n").format())
        .isNotIn(Format.M365_UAL_CSV, Format.M365_UAL_JSON);
  }

  private static Detection detect(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return FormatDetector.detect(bytes, bytes.length, Layout.Match.NONE);
  }

  private Recorder read(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return Recorder.readAll(IntakeOptions.defaults(), diagnostics, file);
  }
}
