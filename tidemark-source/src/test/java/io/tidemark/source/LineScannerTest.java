package io.tidemark.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineScannerTest {
  private final DiagnosticSink.Collecting diagnostics = DiagnosticSink.collecting();

  @Test
  void next_crlfAndBom_stripsTerminatorsAndBomAndKeepsOffsets() throws IOException {
    LineScanner scanner = scanner(bytes("\uFEFFfirst\r\nsecond\n"));

    assertThat(scanner.next()).isEqualTo("first");
    assertThat(scanner.lineOffset()).isEqualTo(3);
    assertThat(scanner.next()).isEqualTo("second");
    assertThat(scanner.lineNumber()).isEqualTo(2);
    assertThat(scanner.lineOffset()).isEqualTo(10);
    assertThat(scanner.next()).isNull();
    assertThat(diagnostics.diagnostics()).isEmpty();
  }

  @Test
  void next_lastLineWithoutNewline_isReturnedWithWarning() throws IOException {
    assertThat(lines(bytes("a\nb"))).containsExactly("a", "b");
    assertThat(diagnostics.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("no-final-newline");
      assertThat(d.line()).isEqualTo(2);
      assertThat(d.offset()).isEqualTo(2);
    });
  }

  @Test
  void next_nulBytesInjectedMidLine_areRemovedWithWarning() throws IOException {
    assertThat(lines(bytes("GET /ecp/\0\0y.js\n"))).containsExactly("GET /ecp/y.js");
    assertThat(diagnostics.diagnostics()).extracting(Diagnostic::code).containsExactly("nul-bytes");
  }

  @Test
  void next_preallocatedNulTail_isPaddingNotARecord() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes("last real line\n"));
    out.writeBytes(new byte[3 << 20]); // a crash left 3 MiB of NULs, longer than a line may be
    out.writeBytes(bytes("\nafter restart\n"));

    assertThat(lines(out.toByteArray())).containsExactly("last real line", "after restart");
    assertThat(diagnostics.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("nul-padding");
      assertThat(d.line()).isEqualTo(2);
      assertThat(d.offset()).isEqualTo(15);
      assertThat(d.message()).startsWith(String.valueOf(3 << 20));
    });
  }

  @Test
  void next_invalidUtf8_isReplacedWithWarning() throws IOException {
    byte[] input = {'a', (byte) 0xC3, '(', 'b', '\n', 'o', 'k', ' ', (byte) 0xC3, (byte) 0xA9, '\n'};

    assertThat(lines(input)).containsExactly("a\uFFFD(b", "ok \u00E9");
    assertThat(diagnostics.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("invalid-utf8");
      assertThat(d.line()).isEqualTo(1);
    });
  }

  @Test
  void next_tenMegabyteLine_isSkippedWithoutBuffering() throws IOException {
    byte[] huge = new byte[10 << 20];
    java.util.Arrays.fill(huge, (byte) 'x');
    InputStream in = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
        new ByteArrayInputStream(bytes("before\n")), new ByteArrayInputStream(huge),
        new ByteArrayInputStream(bytes("\nafter\n")))));
    LineScanner scanner = new LineScanner(in, 1 << 20, diagnostics, "u_ex.log");

    assertThat(scanner.next()).isEqualTo("before");
    assertThat(scanner.next()).isEqualTo("after");
    assertThat(scanner.lineNumber()).isEqualTo(3);
    assertThat(diagnostics.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("line-too-long");
      assertThat(d.severity()).isEqualTo(Diagnostic.Severity.SKIPPED);
      assertThat(d.line()).isEqualTo(2);
      assertThat(d.offset()).isEqualTo(7);
      assertThat(d.message()).contains(String.valueOf(10 << 20));
    });
  }

  @Test
  void countRemainingRecords_skipsDirectivesAndBlankLines() throws IOException {
    LineScanner scanner = scanner(bytes("#Fields: a\nrecord 1\n\n#Date: x\nrecord 2\nrecord 3"));
    scanner.next();

    assertThat(scanner.countRemainingRecords()).isEqualTo(3);
  }

  private LineScanner scanner(byte[] input) {
    return new LineScanner(new ByteArrayInputStream(input), 1 << 20, diagnostics, "u_ex.log");
  }

  private List<String> lines(byte[] input) throws IOException {
    LineScanner scanner = scanner(input);
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = scanner.next()) != null) {
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
