package io.tidemark.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.LogType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExpanderTest {
  private static final byte[] IIS = IntakeTest.IIS.getBytes(StandardCharsets.UTF_8);
  private static final byte[] PROXY = IntakeTest.PROXY.getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private final DiagnosticSink.Collecting diagnostics = DiagnosticSink.collecting();

  @Test
  void read_zip_readsEntriesWithLayoutAndHost() throws IOException {
    write("EXCH01.zip", zip(Map.of(
        "inetpub/logs/LogFiles/W3SVC1/u_ex210303.log", IIS,
        "Logging/HttpProxy/Ecp/HttpProxy_1.LOG", PROXY)));

    Recorder recorder = read();

    var iis = recorder.source("EXCH01.zip!/inetpub/logs/LogFiles/W3SVC1/u_ex210303.log");
    assertThat(iis.host()).isEqualTo("EXCH01");
    assertThat(iis.role().id()).isEqualTo("front-end");
    assertThat(recorder.events(iis.path())).hasSize(2);
    assertThat(recorder.source("EXCH01.zip!/Logging/HttpProxy/Ecp/HttpProxy_1.LOG").protocol())
        .isEqualTo("Ecp");
    FileRecord archive = recorder.records.get(recorder.records.size() - 1);
    assertThat(archive.path()).isEqualTo("EXCH01.zip");
    assertThat(archive.format()).isEqualTo("zip");
    assertThat(archive.recordsRead()).isEqualTo(2);
    assertThat(archive.sha256()).isNotNull();
    assertThat(recorder.record(iis.path()).size()).isEqualTo(IIS.length);
  }

  @Test
  void read_nestedTgzInZipAndGz_namesPathsWithBangs() throws IOException {
    byte[] tgz = gzip(tar(Map.of("x/u_ex.log", IIS)));
    write("a.zip", zip(Map.of("b.tar.gz", tgz, "c.log.gz", gzip(PROXY))));

    Recorder recorder = read();

    assertThat(recorder.events("a.zip!/b.tar.gz!/x/u_ex.log")).hasSize(2);
    assertThat(recorder.source("a.zip!/c.log.gz!/c.log").logType())
        .isEqualTo(LogType.EXCHANGE_HTTPPROXY);
    assertThat(recorder.record("a.zip!/b.tar.gz").format()).isEqualTo("tar");
    assertThat(recorder.record("a.zip!/b.tar.gz").notes()).contains("gzip-compressed tar");
    assertThat(recorder.record("a.zip!/c.log.gz").format()).isEqualTo("gzip");
    assertThat(recorder.records).extracting(FileRecord::path).containsExactly(
        "a.zip!/b.tar.gz!/x/u_ex.log", "a.zip!/b.tar.gz", "a.zip!/c.log.gz!/c.log",
        "a.zip!/c.log.gz", "a.zip");
    assertThat(diagnostics.diagnostics()).isEmpty();
  }

  @Test
  void read_entryNamesEscapingRoot_areSkipped() throws IOException {
    write("evil.zip", zip(Map.of("../../etc/u_ex.log", IIS, "/abs/u_ex.log", IIS,
        "C:\\Windows\\u_ex.log", IIS, "..\\..\\u_ex.log", IIS, "ok/./u_ex.log", IIS)));

    Recorder recorder = read();

    assertThat(recorder.sources).extracting(s -> s.path()).containsExactly("evil.zip!/ok/u_ex.log");
    assertThat(recorder.record("evil.zip").skippedByReason()).containsEntry("entry-escapes-root", 4L);
    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code)
        .containsOnly("entry-escapes-root");
  }

  @Test
  void read_tarLinks_areNotFollowed() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry link = new TarArchiveEntry("passwd.log", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("/etc/passwd");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
      addTarFile(tar, "u_ex.log", IIS);
    }
    write("t.tar", out.toByteArray());

    Recorder recorder = read();

    assertThat(recorder.sources).extracting(s -> s.path()).containsExactly("t.tar!/u_ex.log");
    assertThat(recorder.record("t.tar").skippedByReason()).containsEntry("archive-link", 1L);
  }

  @Test
  void read_zipBomb_stopsEntryAndGoesOn() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("bomb.log"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) {
        zip.write(zeros); // 200 MiB of NULs deflate to about 200 KiB
      }
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("u_ex.log"));
      zip.write(IIS);
      zip.closeEntry();
    }
    write("bomb.zip", out.toByteArray());

    Recorder recorder = read();

    assertThat(diagnostics.diagnostics()).filteredOn(d -> d.code().equals("compression-ratio"))
        .singleElement().satisfies(d -> {
          assertThat(d.source()).isEqualTo("bomb.zip!/bomb.log");
          assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
        });
    assertThat(recorder.record("bomb.zip!/bomb.log").sha256()).isNull();
    assertThat(recorder.record("bomb.zip!/bomb.log").size()).isLessThan(8L << 20);
    // Deflated entries written by ZipOutputStream use data descriptors: skipping the rest of
    // the bomb would mean inflating it, so the archive stops there.
    assertThat(recorder.record("bomb.zip").notes()).anyMatch(n -> n.contains("were not read"));
  }

  @Test
  void read_gzipBomb_stopsWithRatioError() throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(raw)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 100; i++) {
        gzip.write(zeros);
      }
    }
    write("nul.log.gz", raw.toByteArray());

    Recorder recorder = read();

    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code).contains("compression-ratio");
    assertThat(recorder.record("nul.log.gz!/nul.log").size()).isLessThan(8L << 20);
  }

  @Test
  void read_totalSizeLimit_stopsWholeUnit() throws IOException {
    byte[] big = IIS.length > 0 ? new String(IIS, StandardCharsets.UTF_8).repeat(2000)
        .getBytes(StandardCharsets.UTF_8) : IIS;
    write("big.zip", zip(Map.of("a/u_ex.log", big, "b/u_ex.log", big)));
    IntakeOptions options = IntakeOptions.DEFAULTS.withArchiveLimits(big.length + 1000, 200, 4);

    Recorder recorder = Recorder.readAll(options, diagnostics, dir);

    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code).contains("archive-too-large");
    assertThat(recorder.record("big.zip!/b/u_ex.log").notes()).anyMatch(n -> n.contains("limit"));
    assertThat(recorder.record("big.zip").sha256()).isNull();
  }

  @Test
  void read_nestingBeyondLimit_isNotOpened() throws IOException {
    byte[] inner = zip(Map.of("u_ex.log", IIS));
    byte[] middle = zip(Map.of("inner.zip", inner));
    write("outer.zip", zip(Map.of("middle.zip", middle)));
    IntakeOptions options = IntakeOptions.DEFAULTS.withArchiveLimits(1L << 30, 200, 2);

    Recorder recorder = Recorder.readAll(options, diagnostics, dir);

    assertThat(recorder.sources).isEmpty();
    assertThat(recorder.record("outer.zip!/middle.zip!/inner.zip").notes())
        .anyMatch(n -> n.contains("nested 3 levels"));
    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code).containsExactly("archive-too-deep");
  }

  @Test
  void innerName_gzipWithoutHeaderName_trimsSuffix() {
    assertThat(ArchiveExpander.innerName(null, "HttpProxy_1.LOG.gz")).isEqualTo("HttpProxy_1.LOG");
    assertThat(ArchiveExpander.innerName(null, "logs.tgz")).isEqualTo("logs.tar");
    assertThat(ArchiveExpander.innerName("../../x.log", "a.gz")).isEqualTo("a");
    assertThat(ArchiveExpander.innerName("dir/x.log", "a.gz")).isEqualTo("x.log");
  }

  private Recorder read() {
    return Recorder.readAll(IntakeOptions.DEFAULTS, diagnostics, dir);
  }

  private void write(String name, byte[] bytes) throws IOException {
    Files.write(dir.resolve(name), bytes);
  }

  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var entry : new java.util.TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] tar(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      for (var entry : new java.util.TreeMap<>(entries).entrySet()) {
        addTarFile(tar, entry.getKey(), entry.getValue());
      }
    }
    return out.toByteArray();
  }

  private static void addTarFile(TarArchiveOutputStream tar, String name, byte[] bytes)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(bytes.length);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }
}
