package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attackers write into the logs Tidemark reads, and triage copies arrive damaged. Every kind of
 * bad input must give a message naming the file, lose nothing silently, and never stop the scan.
 */
class HostileEvidenceTest {
  private static final String IIS_HEADER = """
      #Software: Microsoft Internet Information Services 10.0
      #Version: 1.0
      #Date: 2021-03-03 00:00:00
      #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
      """;
  private static final String GOOD_LINE =
      "2021-03-03 10:00:00 10.0.0.10 GET /owa/ - 443 CORP\\jdoe 10.20.0.5 Mozilla/5.0 - 200 0 0 15\n";
  private static final String SHELL_POST =
      "2021-03-03 10:05:00 10.0.0.10 POST /aspnet_client/system_web/x1.aspx - 443 - 203.0.113.9 "
          + "Mozilla/5.0 - 200 0 0 15\n";

  @TempDir static Path work;
  static Path evidence;
  static Path out;
  static CliRun run;
  static JsonNode manifest;

  @BeforeAll
  static void scanHostileEvidence() throws IOException {
    evidence = Files.createDirectories(work.resolve("case/EXCH01"));
    Path iis = Files.createDirectories(evidence.resolve("inetpub/logs/LogFiles/W3SVC1"));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    log.writeBytes(IIS_HEADER.getBytes(StandardCharsets.US_ASCII));
    log.writeBytes(GOOD_LINE.getBytes(StandardCharsets.US_ASCII));
    log.writeBytes("2021-03-03 10:01:00 10.0.0.10 GET /owa/\n".getBytes(StandardCharsets.US_ASCII)); // truncated
    log.writeBytes("2021-03-03 10:02:00 10.0.0.10 GET /owa/ - 443 - 10.20.0.6 Mo\0zilla - 200 0 0 15\n"
        .getBytes(StandardCharsets.ISO_8859_1)); // NUL injected
    log.writeBytes(("2021-03-03 10:03:00 10.0.0.10 GET /owa/ - 443 - 10.20.0.7 Bad\u00ff\u00feUA - 200 0 0 15\n")
        .getBytes(StandardCharsets.ISO_8859_1)); // invalid UTF-8
    byte[] huge = new byte[10 << 20];
    java.util.Arrays.fill(huge, (byte) 'A');
    log.writeBytes(huge); // a 10 MB line
    log.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));
    log.writeBytes(SHELL_POST.getBytes(StandardCharsets.US_ASCII)); // still found after all that
    log.writeBytes(new byte[4096]); // NUL padding left by a crash
    Files.write(iis.resolve("u_ex210303.log"), log.toByteArray());

    Path proxy = Files.createDirectories(
        evidence.resolve("Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy/Owa"));
    Files.writeString(proxy.resolve("HttpProxy_2021030310-1.LOG"), "");
    Files.writeString(proxy.resolve("HttpProxy_2021030311-1.LOG"),
        "#Software: Microsoft Exchange Server\n#Version: 15.01.2375.007\n#Log-type: HttpProxy Logs\n");

    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(evidence.resolve("escape.zip")))) {
      entry(zip, "../../outside.log", GOOD_LINE.getBytes(StandardCharsets.US_ASCII));
      entry(zip, "/etc/cron.d/x.log", GOOD_LINE.getBytes(StandardCharsets.US_ASCII));
    }
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(evidence.resolve("bomb.zip")))) {
      zip.putNextEntry(new ZipEntry("u_ex210304.log"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }

    out = work.resolve("result");
    run = CliRun.run("scan", evidence.toString(), "--out", out.toString());
    manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
  }

  private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }

  @Test
  void scan_hostileFiles_goesOnAndStillFindsTheWebShell() {
    assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISED);
    assertThat(run.out()).contains("EXCH01: COMPROMISED");
  }

  @Test
  void scan_damagedLines_areCountedAsSkippedWithTheirReason() {
    JsonNode iis = input("inetpub/logs/LogFiles/W3SVC1/u_ex210303.log");
    Map<String, Long> skipped = new HashMap<>();
    iis.get("skipped_by_reason").fields().forEachRemaining(e -> skipped.put(e.getKey(), e.getValue().asLong()));

    assertThat(skipped).containsKey("line-too-long");
    assertThat(iis.get("records_skipped").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(iis.get("records_read").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(manifest.toString()).contains("nul-").contains("invalid-utf8");
  }

  @Test
  void scan_archivesThatEscapeOrExplode_areNamedOnStderrAndInTheManifest() {
    assertThat(run.err()).contains("escape.zip").contains("bomb.zip");
    assertThat(manifest.toString()).contains("entry-escapes-root").contains("compression-ratio");
    assertThat(work.resolve("outside.log")).doesNotExist();
  }

  @Test
  void scan_emptyAndHeaderOnlyFiles_areRecordedWithZeroRecords() {
    JsonNode empty = input("Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy/Owa/HttpProxy_2021030310-1.LOG");
    JsonNode headerOnly = input("Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy/Owa/HttpProxy_2021030311-1.LOG");

    assertThat(empty.get("records_read").asLong()).isZero();
    assertThat(headerOnly.get("records_read").asLong()).isZero();
    assertThat(headerOnly.get("sha256").asText()).hasSize(64);
  }

  @Test
  void scan_evidence_isNeverModified() throws IOException {
    try (var files = Files.walk(evidence)) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(5);
    }
  }

  private static JsonNode input(String path) {
    for (JsonNode input : manifest.get("inputs")) {
      if (input.get("path").asText().equals(path)) {
        return input;
      }
    }
    throw new AssertionError("no manifest input " + path + " in " + manifest.get("inputs"));
  }

}
