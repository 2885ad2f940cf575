package io.tidemark.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.LogType;
import io.tidemark.event.SiteRole;
import io.tidemark.event.TidemarkException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTest {
  static final String IIS = """
      #Software: Microsoft Internet Information Services 10.0
      #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query c-ip sc-status
      2021-03-03 01:12:09 10.0.0.1 POST /ecp/y.js - 203.0.113.7 200
      2021-03-03 01:12:10 10.0.0.1 GET /owa/auth/x.aspx a=1 203.0.113.7 200
      """;
  static final String PROXY = """
      #Software: Microsoft Exchange Server
      #Log-type: HttpProxy Logs
      #Fields: DateTime,RequestId,Protocol,UrlStem,AnchorMailbox,ProxyAction,AuthenticatedUser
      2021-03-03T01:12:09.394Z,r1,Ecp,/ecp/y.js,ServerInfo~a]@EXCH01.corp.local:444/ecp/proxyLogon.ecp?#,Proxy,
      """;

  @TempDir Path dir;
  private final DiagnosticSink.Collecting diagnostics = DiagnosticSink.collecting();

  @Test
  void plan_missingArgument_throwsNamingIt() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> intake().plan(List.of(missing)))
        .isInstanceOf(TidemarkException.class)
        .hasMessageContaining("does not exist")
        .hasMessageContaining(missing.toString());
  }

  @Test
  void plan_folder_givesSortedRelativePaths() throws IOException {
    write("b/z.log", IIS);
    write("a.log", IIS);
    write("b/a.log", IIS);

    List<EvidenceUnit> units = intake().plan(List.of(dir));

    assertThat(units).extracting(EvidenceUnit::path).containsExactly("a.log", "b/a.log", "b/z.log");
    assertThat(units.get(0).argumentName()).isEqualTo(dir.getFileName().toString());
    assertThat(intake().plan(List.of(dir.resolve("b/z.log"))))
        .singleElement().satisfies(u -> assertThat(u.path()).isEqualTo("z.log"));
  }

  @Test
  void read_labLayout_setsLogTypeProtocolRoleAndHost() throws IOException {
    write("EXCH01/inetpub/logs/LogFiles/W3SVC2/u_ex210303.log", IIS);
    write("EXCH01/Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy/OAB/"
        + "HttpProxy_2021030301-1.LOG", PROXY);

    Recorder all = Recorder.readAll(IntakeOptions.DEFAULTS, diagnostics, dir);
    Recorder host = Recorder.readAll(IntakeOptions.DEFAULTS, diagnostics, dir.resolve("EXCH01"));

    var iis = all.source("EXCH01/inetpub/logs/LogFiles/W3SVC2/u_ex210303.log");
    assertThat(iis.logType()).isEqualTo(LogType.IIS_W3C);
    assertThat(iis.role()).isEqualTo(SiteRole.BACK_END);
    assertThat(iis.host()).isEqualTo("EXCH01");
    var proxy = all.source("EXCH01/Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy/"
        + "OAB/HttpProxy_2021030301-1.LOG");
    assertThat(proxy.logType()).isEqualTo(LogType.EXCHANGE_HTTPPROXY);
    assertThat(proxy.protocol()).isEqualTo("Oab");
    assertThat(proxy.role()).isEqualTo(SiteRole.FRONT_END);
    assertThat(proxy.host()).isEqualTo("EXCH01");
    assertThat(host.source("inetpub/logs/LogFiles/W3SVC2/u_ex210303.log").host()).isEqualTo("EXCH01");
    assertThat(all.events(proxy.path())).singleElement()
        .satisfies(e -> assertThat(e.get("AnchorMailbox")).startsWith("ServerInfo~a]@"));
  }

  @Test
  void read_headerlessCsvInHttpProxyFolder_usesDefaultFields() throws IOException {
    String line = "2024-01-24T15:26:47.957Z,id" + ",".repeat(72);
    write("Logging/HttpProxy/Mapi/HttpProxy_1.LOG", line + "\n");

    Recorder recorder = Recorder.readAll(IntakeOptions.DEFAULTS, diagnostics, dir);

    var source = recorder.source("Logging/HttpProxy/Mapi/HttpProxy_1.LOG");
    assertThat(source.logType()).isEqualTo(LogType.EXCHANGE_HTTPPROXY);
    assertThat(source.protocol()).isEqualTo("Mapi");
    assertThat(source.host()).isEqualTo(dir.getFileName().toString());
    assertThat(recorder.events(source.path())).singleElement()
        .satisfies(e -> assertThat(e.get("RequestId")).isEqualTo("id"));
  }

  @Test
  void read_logFile_recordHasSha256SizeAndCounts() throws Exception {
    String text = IIS + "2021-03-03 01:12:11 short\n";
    Path file = write("u_ex210303.log", text);

    Recorder recorder = Recorder.readAll(IntakeOptions.DEFAULTS, diagnostics, file);

    FileRecord record = recorder.record("u_ex210303.log");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(record.size()).isEqualTo(bytes.length);
    assertThat(record.sha256()).isEqualTo(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(record.format()).isEqualTo("w3c");
    assertThat(record.logType()).isEqualTo(LogType.IIS_W3C);
    assertThat(record.recordsRead()).isEqualTo(2);
    assertThat(record.recordsSkipped()).isEqualTo(1);
    assertThat(record.skippedByReason()).containsEntry("field-count", 1L);
    assertThat(record.modified()).isEqualTo(Files.getLastModifiedTime(file).toInstant());
    assertThat(Recorder.readAll(IntakeOptions.DEFAULTS.withHashFiles(false), diagnostics, file)
        .record("u_ex210303.log").sha256()).isNull();
  }

  @Test
  void read_consumerStopsEarly_restIsCountedAndHashed() throws Exception {
    StringBuilder text = new StringBuilder(IIS);
    for (int i = 0; i < 1000; i++) {
      text.append("2021-03-03 02:00:00 10.0.0.1 GET /owa/ - 203.0.113.7 200\n");
    }
    Path file = write("u_ex.log", text.toString());
    Recorder recorder = new Recorder(3);
    Intake intake = intake();
    intake.read(intake.plan(List.of(file)).get(0), recorder);

    FileRecord record = recorder.record("u_ex.log");
    assertThat(recorder.events("u_ex.log")).hasSize(3);
    assertThat(record.recordsRead()).isEqualTo(1002);
    assertThat(record.notes()).anyMatch(n -> n.contains("counted, not parsed"));
    assertThat(record.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest
        .getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void read_filesWithoutRecords_getRecordsWithNotes() throws IOException {
    write("empty.log", "");
    write("header-only.log", "#Software: Microsoft Internet Information Services 10.0\n"
        + "#Fields: date time cs-uri-stem\n");
    write("notes.txt", "just some text\n");
    Files.write(dir.resolve("Security.evtx"), "ElfFile\0rest-of-header".getBytes(StandardCharsets.US_ASCII));

    Recorder recorder = Recorder.readAll(IntakeOptions.DEFAULTS, diagnostics, dir);

    assertThat(recorder.record("empty.log").format()).isEqualTo("empty");
    assertThat(recorder.record("header-only.log").recordsRead()).isZero();
    assertThat(recorder.record("header-only.log").format()).isEqualTo("w3c");
    assertThat(recorder.record("notes.txt").format()).isEqualTo("text");
    assertThat(recorder.record("notes.txt").notes()).isNotEmpty();
    assertThat(recorder.record("Security.evtx").format()).isEqualTo("evtx");
    assertThat(recorder.record("Security.evtx").recordsRead()).isZero();
    assertThat(recorder.record("Security.evtx").notes()).anyMatch(n -> n.startsWith("EVTX: 0 chunks"));
    // the cut-off EVTX header is the only problem, and it is named
    assertThat(diagnostics.diagnostics()).isNotEmpty().allSatisfy(d -> {
      assertThat(d.source()).isEqualTo("Security.evtx");
      assertThat(d.code()).startsWith("evtx-");
    }).anySatisfy(d -> assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR));
  }

  @Test
  void read_realEvtxSample_decodesEveryRecordWithNotes() throws Exception {
    Path sample = Path.of(System.getProperty("tidemark.datasets", "../shared/datasets"),
        "evtx-attack-samples", "Defense Evasion", "Win_4985_T1186_Process_Doppelganging.evtx");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(sample),
        sample + " not present; skipping the real EVTX sample");
    Files.copy(sample, dir.resolve("Security.evtx"));

    Recorder recorder = Recorder.readAll(IntakeOptions.DEFAULTS, diagnostics, dir);

    FileRecord record = recorder.record("Security.evtx");
    assertThat(record.format()).isEqualTo("evtx");
    assertThat(record.recordsRead()).isEqualTo(recorder.events("Security.evtx").size()).isPositive();
    assertThat(record.sha256()).isEqualTo(HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(sample))));
    // evtxexport and python-evtx list 2 records; the rest are deleted ones carved from slack
    assertThat(recorder.events("Security.evtx"))
        .filteredOn(e -> e.get("Tidemark_Recovered") == null)
        .extracting(e -> e.recordId() + " " + e.get("Channel") + " " + e.get("EventID"))
        .containsExactly("12294 Security 4985", "12295 Security 4985");
    assertThat(recorder.events("Security.evtx"))
        .filteredOn(e -> e.get("Tidemark_Recovered") != null)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.get("Tidemark_Recovered")).isEqualTo("true"));
    assertThat(record.notes()).anyMatch(n -> n.startsWith("EVTX: 1 chunk"));
  }

  @Test
  void read_manyBadLines_capsDiagnosticsButCountsAll() throws IOException {
    StringBuilder text = new StringBuilder("#Fields: date time c-ip\n");
    for (int i = 0; i < 500; i++) {
      text.append("bad\n");
    }
    write("u_ex.log", text.toString());

    FileRecord record = Recorder.readAll(IntakeOptions.DEFAULTS, diagnostics, dir).record("u_ex.log");

    assertThat(diagnostics.diagnostics()).hasSize(FileDiagnostics.CAP_PER_CODE);
    assertThat(record.skippedByReason()).containsEntry("field-count", 500L);
    assertThat(record.notes()).anyMatch(n -> n.contains("500 diagnostics field-count"));
  }

  @Test
  void plan_symlinkOutsideEvidence_reportedNotFollowed(@TempDir Path outside) throws IOException {
    Path secret = Files.writeString(outside.resolve("secret.log"), IIS);
    write("u_ex.log", IIS);
    try {
      Files.createSymbolicLink(dir.resolve("link.log"), secret);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links not supported here: " + e);
    }

    List<EvidenceUnit> units = intake().plan(List.of(dir));

    assertThat(units).extracting(EvidenceUnit::path).containsExactly("u_ex.log");
    assertThat(diagnostics.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("symlink-outside-evidence");
      assertThat(d.source()).isEqualTo("link.log");
    });
  }

  @Test
  void read_fileDeletedAfterPlan_reportsMissingFile() throws IOException {
    Path file = write("u_ex.log", IIS);
    Intake intake = intake();
    EvidenceUnit unit = intake.plan(List.of(file)).get(0);
    Files.delete(file);
    Recorder recorder = new Recorder();

    intake.read(unit, recorder);

    assertThat(recorder.record("u_ex.log").format()).isEqualTo("unreadable");
    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code).containsExactly("file-missing");
  }

  @Test
  void read_progress_reportsEveryRawByte() throws IOException {
    Path file = write("u_ex.log", IIS.repeat(50));
    AtomicLong bytes = new AtomicLong();
    Intake intake = Intake.create(IntakeOptions.DEFAULTS, diagnostics, bytes::addAndGet);

    intake.read(intake.plan(List.of(file)).get(0), new Recorder());

    assertThat(bytes.get()).isEqualTo(Files.size(file));
  }

  @Test
  void read_sigmaRegressionJson_readsEveryConcatenatedRecord() {
    Path root = Path.of(System.getProperty("tidemark.datasets", "../../shared/datasets"))
        .resolve("sigma-regression-data/regression_data/rules/windows/file/file_event/"
            + "file_event_win_hktl_netexec_file_indicators");
    assumeTrue(Files.isDirectory(root), root + " not present; skipping regression JSON test");

    Recorder recorder = Recorder.readAll(IntakeOptions.DEFAULTS, diagnostics, root);

    String json = "efc21479-9e83-41da-8cf1-122e06ba8db3.json";
    assertThat(recorder.events(json)).hasSize(7).allSatisfy(e -> {
      assertThat(e.get("EventID")).isEqualTo("11");
      assertThat(e.get("Channel")).isEqualTo("Microsoft-Windows-Sysmon/Operational");
    });
    assertThat(recorder.events(json)).extracting(e -> e.recordId())
        .containsExactly(129825L, 129826L, 129827L, 129828L, 129829L, 129830L, 129831L);
    assertThat(recorder.events(json).get(3).get("TargetFilename"))
        .isEqualTo("C:\\Users\\xodih\\AppData\\Local\\Temp\\_MEI121842\\nxc\\data\\procdump\\procdump.exe");
    assertThat(recorder.record(json).recordsRead()).isEqualTo(7);
  }

  @Test
  void read_sigmaRegressionJson_mapsAttributesAndUserData() {
    Path data = Path.of(System.getProperty("tidemark.datasets", "../../shared/datasets"))
        .resolve("sigma-regression-data/regression_data/rules");
    Path task = data.resolve("windows/builtin/taskscheduler/"
        + "win_taskscheduler_susp_schtasks_delete_or_disable/9e3cb244-bdb8-4632-8c90-6079c8f4f16d.json");
    Path wmi = data.resolve("windows/builtin/wmi/win_wmi_activity_nteventlogfile_cleareventlog/"
        + "d4f1a2b3-7c8e-4d5f-b6a9-1e0c2d3f4e5b.json");
    assumeTrue(Files.isRegularFile(task) && Files.isRegularFile(wmi), "regression data absent");

    Recorder recorder = Recorder.readAll(IntakeOptions.DEFAULTS, diagnostics, task, wmi);

    var scheduled = recorder.events(task.getFileName().toString()).get(0);
    assertThat(scheduled.get("TaskName")).isEqualTo("\\Microsoft\\Windows\\SystemRestore\\SR");
    assertThat(scheduled.get("Provider_Guid")).isEqualTo("DE7B24EA-73C8-4A09-985D-5BDADCFA9017");
    assertThat(scheduled.get("Security_UserID")).isEqualTo("S-1-5-18");
    assertThat(scheduled.has("Name")).isFalse();
    var cleared = recorder.events(wmi.getFileName().toString()).get(0);
    assertThat(cleared.get("Operation")).endsWith("::cleareventlog");
    assertThat(cleared.get("ResultCode")).isEqualTo("0x80041003");
    assertThat(cleared.get("ClientProcessId")).isEqualTo("25920");
    assertThat(diagnostics.diagnostics()).isEmpty();
  }

  private Intake intake() {
    return Intake.create(IntakeOptions.DEFAULTS, diagnostics, ProgressListener.none());
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
