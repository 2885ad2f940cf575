package io.tidemark.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.LogType;
import io.tidemark.source.ual.UnifiedAuditLog;
import io.tidemark.source.winevent.WindowsEventJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Tells a file's format from its first bytes (magic numbers, W3C and Exchange header lines, the
 * shape of the first JSON record), with the folder layout as context for headerless logs.
 */
final class FormatDetector {
  /** How much of a file detection looks at. */
  static final int PEEK_BYTES = 64 * 1024;
  private static final int MAX_LINES = 64;
  private static final String EXCHANGE_LOGS = "exchange-logs.tsv";
  private static final List<Signature> SIGNATURES = loadSignatures();
  private static final byte[] EVTX_MAGIC = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);
  private static final String[] WINDOWS_JSON_MARKERS = {
    "\"EventID\"", "\"winlog\"", "\"ProviderName\"", "\"TimeGenerated\"", "\"EventRecordID\""
  };

  private record Signature(LogType logType, @Nullable String logTypeHeader, List<String> names) {}

  private FormatDetector() {}

  /** Detects the format of a file from its first {@code length} bytes and its layout. */
  static Detection detect(byte[] head, int length, Layout.Match layout) {
    if (length == 0) {
      return Detection.unread(Format.EMPTY, "empty file");
    }
    Detection magic = magic(head, length);
    if (magic != null) {
      return magic;
    }
    if (onlyNul(head, length)) {
      return Detection.unread(Format.UNKNOWN, "only NUL bytes (space preallocated, never written)");
    }
    if (Utf16InputStream.hasBom(head, length)) {
      Detection ual = utf16Ual(head, length);
      if (ual != null) {
        return ual; // Windows PowerShell 5 writes its exports as UTF-16; the reader transcodes
      }
      return Detection.unread(Format.TEXT,
          "UTF-16 text is not read; convert it to UTF-8 "
              + "(e.g. Get-Content | Set-Content -Encoding utf8)");
    }
    String text = decode(head, length);
    if (looksBinary(text)) {
      return Detection.unread(Format.UNKNOWN, "binary file in no known format");
    }
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return json(head, length, text);
    }
    return lines(text, layout);
  }

  private static @Nullable Detection magic(byte[] head, int length) {
    if (length >= 2 && head[0] == 0x1f && head[1] == (byte) 0x8b) {
      return Detection.of(Format.GZIP);
    }
    if (length >= 4 && head[0] == 'P' && head[1] == 'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)
            || (head[2] == 7 && head[3] == 8))) {
      return Detection.of(Format.ZIP);
    }
    if (length >= EVTX_MAGIC.length
        && Arrays.equals(head, 0, EVTX_MAGIC.length, EVTX_MAGIC, 0, EVTX_MAGIC.length)) {
      return new Detection(Format.EVTX, LogType.WINDOWS_EVENT, null);
    }
    if (length >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't'
        && head[260] == 'a' && head[261] == 'r') {
      return Detection.of(Format.TAR);
    }
    return null;
  }

  private static boolean onlyNul(byte[] head, int length) {
    for (int i = 0; i < length; i++) {
      if (head[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** The head as text: without BOM and NULs, invalid UTF-8 replaced, a cut last char dropped. */
  private static String decode(byte[] head, int length) {
    int start = length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB
        && head[2] == (byte) 0xBF ? 3 : 0;
    return new String(head, start, length - start, StandardCharsets.UTF_8).replace("\0", "");
  }

  private static boolean looksBinary(String text) {
    int sample = Math.min(text.length(), 4096);
    int control = 0;
    for (int i = 0; i < sample; i++) {
      char c = text.charAt(i);
      if ((c < ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == '\uFFFD') {
        control++;
      }
    }
    return control > sample / 10;
  }

  private static Detection json(byte[] head, int length, String text) {
    JsonNode first = firstRecord(head, length);
    boolean windows = first != null
        ? WindowsEventJson.isWindowsEvent(first)
        : Arrays.stream(WINDOWS_JSON_MARKERS).anyMatch(text::contains);
    if (windows) {
      return new Detection(Format.WINDOWS_EVENT_JSON, LogType.WINDOWS_EVENT, null);
    }
    boolean ual = first != null
        ? UnifiedAuditLog.isRecord(first)
        : UnifiedAuditLog.looksLikeRecordText(text);
    if (ual) {
      return new Detection(Format.M365_UAL_JSON, LogType.M365_UAL, null);
    }
    return Detection.unread(Format.JSON,
        "JSON that is neither a Windows event export nor a Unified Audit Log export");
  }

  /** The first complete JSON object in the head, or null when there is none. */
  private static @Nullable JsonNode firstRecord(byte[] head, int length) {
    JsonRecordFramer framer = new JsonRecordFramer(
        new ByteArrayInputStream(head, 0, length), length, DiagnosticSink.ignoring(), "head");
    try {
      JsonRecordFramer.Frame frame = framer.next();
      if (frame == null) {
        return null;
      }
      int size = frame.end() - frame.start();
      return JsonLogReader.MAPPER.readTree(frame.bytes(), frame.start(), size);
    } catch (IOException e) {
      return null;
    }
  }

  /** A Unified Audit Log export written as UTF-16, or null. */
  private static @Nullable Detection utf16Ual(byte[] head, int length) {
    String text = new String(head, 0, length & ~1, StandardCharsets.UTF_16).replace("\0", "");
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      JsonNode first = firstRecord(utf8, utf8.length);
      boolean ual = first != null
          ? UnifiedAuditLog.isRecord(first) : UnifiedAuditLog.looksLikeRecordText(text);
      return ual ? new Detection(Format.M365_UAL_JSON, LogType.M365_UAL, null) : null;
    }
    return UnifiedAuditLog.isCsvHeader(HeadLines.of(text, MAX_LINES).firstData)
        ? new Detection(Format.M365_UAL_CSV, LogType.M365_UAL, null) : null;
  }

  private static Detection lines(String text, Layout.Match layout) {
    HeadLines head = HeadLines.of(text, MAX_LINES);
    if (UnifiedAuditLog.isCsvHeader(head.firstData)) {
      return new Detection(Format.M365_UAL_CSV, LogType.M365_UAL, null);
    }
    String fields = head.directive("#Fields:");
    boolean csvHeader = fields != null ? fields.indexOf(',') >= 0 : isCsvHeader(head.firstData);
    if (fields != null && !csvHeader) {
      return w3c(fields, head.directive("#Software:"));
    }
    if (fields == null && head.firstData != null
        && LineShapes.startsWithW3cDateTime(head.firstData)
        && head.firstData.indexOf(',') < 0) {
      return new Detection(Format.W3C, LogType.IIS_W3C, null);
    }
    String software = head.directive("#Software:");
    if (fields == null && software != null && software.contains("Internet Information Services")) {
      return new Detection(Format.W3C, LogType.IIS_W3C, null);
    }
    String logTypeHeader = head.directive("#Log-type:");
    List<String> names = fields != null ? split(fields)
        : csvHeader ? split(head.firstData) : List.of();
    if (!names.isEmpty() || logTypeHeader != null
        || (head.firstData != null && LineShapes.startsWithIsoDateTime(head.firstData))) {
      return exchange(logTypeHeader, names, head.firstData, layout);
    }
    if (head.firstData != null && isIisNative(head.firstData)) {
      return Detection.unread(Format.IIS_NATIVE,
          "IIS log file format (comma-separated, no #Fields) is not supported; only W3C extended");
    }
    return Detection.unread(Format.TEXT, "text in no known log format");
  }

  private static Detection w3c(String fields, @Nullable String software) {
    for (String name : fields.trim().split(" ")) {
      if (name.startsWith("cs-") || name.startsWith("sc-") || name.startsWith("cs(")
          || name.equals("c-ip") || name.equals("s-ip")) {
        return new Detection(Format.W3C, LogType.IIS_W3C, null);
      }
    }
    return Detection.unread(Format.TEXT, "W3C extended log"
        + (software == null ? "" : " from '" + software + "'") + " with no web server fields");
  }

  private static Detection exchange(
      @Nullable String logTypeHeader, List<String> names, @Nullable String firstData,
      Layout.Match layout) {
    LogType type = classify(logTypeHeader, names);
    if (type == LogType.EXCHANGE_ECP_SERVER && layout.logType() == LogType.EXCHANGE_ECP_ACTIVITY) {
      type = LogType.EXCHANGE_ECP_ACTIVITY; // same header, told apart by the folder
    }
    if (type == null && isExchangeCsv(layout.logType())) {
      type = layout.logType();
    }
    if (type == null && names.isEmpty() && firstData != null
        && LineShapes.countCsvValues(firstData) == 74) {
      type = LogType.EXCHANGE_HTTPPROXY; // Elastic's headerless sample has this shape
    }
    if (type == null) {
      return Detection.unread(Format.TEXT, "CSV log of a type Tidemark does not read"
          + (logTypeHeader == null ? "" : " (#Log-type: " + clip(logTypeHeader) + ")"));
    }
    return new Detection(Format.EXCHANGE_CSV, type, null);
  }

  private static @Nullable LogType classify(@Nullable String logTypeHeader, List<String> names) {
    if (logTypeHeader != null) {
      String lower = logTypeHeader.toLowerCase(Locale.ROOT);
      for (Signature signature : SIGNATURES) {
        if (signature.logTypeHeader != null
            && lower.startsWith(signature.logTypeHeader.toLowerCase(Locale.ROOT))) {
          return signature.logType;
        }
      }
    }
    for (Signature signature : SIGNATURES) {
      if (!signature.names.isEmpty() && names.containsAll(signature.names)) {
        return signature.logType;
      }
    }
    return null;
  }

  private static boolean isExchangeCsv(@Nullable LogType type) {
    return type != null && type != LogType.IIS_W3C && type != LogType.WINDOWS_EVENT;
  }

  /** A plain CSV header row: names of letters, digits and {@code -_.()}, comma-separated. */
  private static boolean isCsvHeader(@Nullable String line) {
    if (line == null || line.isEmpty() || !Character.isLetter(line.charAt(0))
        || line.indexOf(',') < 0) {
      return false;
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == ',' || c == '-' || c == '_' || c == '.'
          || c == '(' || c == ')')) {
        return false;
      }
    }
    return true;
  }

  /** The IIS native format: {@code client, user, date, time, W3SVCn, server, ...}. */
  private static boolean isIisNative(String line) {
    int separators = 0;
    for (int i = line.indexOf(", "); i >= 0; i = line.indexOf(", ", i + 2)) {
      separators++;
    }
    return separators >= 10 && line.contains(", W3SVC");
  }

  private static List<String> split(String list) {
    List<String> names = new ArrayList<>();
    for (String name : list.split(",")) {
      names.add(name.trim());
    }
    return names;
  }

  private static String clip(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }

  private static List<Signature> loadSignatures() {
    List<Signature> signatures = new ArrayList<>();
    for (String[] row : ResourceTable.read(EXCHANGE_LOGS)) {
      ResourceTable.expectColumns(EXCHANGE_LOGS, row, 3);
      signatures.add(new Signature(LogType.fromId(row[0]),
          row[1].equals("-") ? null : row[1],
          row[2].equals("-") ? List.of() : List.of(row[2].split(","))));
    }
    return List.copyOf(signatures);
  }

  /** The first lines of a file: its {@code #} directives and its first other line. */
  private static final class HeadLines {
    private final List<String> directives = new ArrayList<>();
    private @Nullable String firstData;

    static HeadLines of(String text, int maxLines) {
      HeadLines head = new HeadLines();
      int start = 0;
      for (int n = 0; n < maxLines && start < text.length(); n++) {
        int end = text.indexOf('\n', start);
        if (end < 0) {
          end = text.length();
        }
        String line = text.substring(start, end).strip();
        start = end + 1;
        if (line.startsWith("#")) {
          head.directives.add(line);
        } else if (!line.isEmpty() && head.firstData == null) {
          head.firstData = line;
        }
      }
      return head;
    }

    /** The value of the first directive with this name, or null. */
    @Nullable String directive(String name) {
      for (String line : directives) {
        if (line.regionMatches(true, 0, name, 0, name.length())) {
          return line.substring(name.length()).trim();
        }
      }
      return null;
    }
  }
}
