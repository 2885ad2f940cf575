package io.tidemark.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Where the lab's Unified Audit Log goes, and how it was exported: the investigator pulled the
 * first part of the window with a Search-UnifiedAuditLog script (JSON, in six-hour slices that
 * overlap by a minute, so records at the slice edges come twice, as paging collectors leave them)
 * and the rest from the Purview portal (CSV). The two files do not overlap.
 */
final class CloudExport {
  static final String FOLDER = "M365/";
  private static final long SLICE_MS = 6 * LabRun.HOUR_MS;
  private static final long OVERLAP_MS = 60_000;

  /** One record and its time, for sorting. */
  record Timed(long ms, Map<String, Object> record) {}

  private final long windowStart;
  private final long windowEnd;
  private final long split;
  private final String jsonFile;
  private final String csvFile;

  CloudExport(String host, long windowStart, long windowEnd) {
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    long days = (windowEnd - windowStart) / (24 * LabRun.HOUR_MS);
    this.split = days > 1 ? windowStart + ((days + 1) / 2) * 24 * LabRun.HOUR_MS
        : windowStart + 12 * LabRun.HOUR_MS;
    this.jsonFile = host + "/" + FOLDER + "UnifiedAuditLog_" + Text.yyyymmdd(windowStart) + "-"
        + Text.yyyymmdd(split - 1) + ".json";
    this.csvFile = host + "/" + FOLDER + "AuditLog_" + Text.yyyymmdd(split) + "-"
        + Text.yyyymmdd(windowEnd - 1) + ".csv";
  }

  /** The file a record of this time lands in, relative to the output folder. */
  String fileFor(long ms) {
    return ms < split ? jsonFile : csvFile;
  }

  void write(Path root, List<Timed> records) throws IOException {
    List<Timed> sorted = new ArrayList<>(records);
    // Ties keep insertion order (a stable sort), so the bytes depend on the seed only.
    sorted.sort(Comparator.comparingLong(Timed::ms));
    List<Map<String, Object>> json = new ArrayList<>();
    List<Map<String, Object>> csv = new ArrayList<>();
    for (Timed t : sorted) {
      if (t.ms() < split) {
        json.add(t.record());
        long intoSlice = (t.ms() - windowStart) % SLICE_MS;
        if (intoSlice >= SLICE_MS - OVERLAP_MS && t.ms() + OVERLAP_MS < split) {
          json.add(t.record()); // the next slice starts a minute early
        }
      } else if (t.ms() < windowEnd) {
        csv.add(t.record());
      }
    }
    write(root.resolve(jsonFile), UalExport.powerShellJson(json));
    write(root.resolve(csvFile), UalExport.purviewCsv(csv));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
