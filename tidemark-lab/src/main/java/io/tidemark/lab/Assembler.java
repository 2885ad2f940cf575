package io.tidemark.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Joins the hour part files into the real daily and window files: an IIS or ECP log gets its
 * header (dated by its first line) and then its hours in order; a Windows channel gets its events
 * numbered with consecutive EventRecordIDs, as a real event log numbers them.
 */
final class Assembler {
  private final LabRun run;
  private final List<HourResult> results;

  Assembler(LabRun run, List<HourResult> results) {
    this.run = run;
    this.results = results;
  }

  /** One job per daily file and per Windows channel; they touch disjoint files. */
  List<Callable<Void>> jobs() {
    List<Callable<Void>> jobs = new ArrayList<>();
    for (Sink sink : Sink.values()) {
      if (sink.period() == Sink.Period.DAY) {
        for (int day = 0; day < run.spec().days(); day++) {
          int d = day;
          jobs.add(() -> {
            assembleDay(sink, d);
            return null;
          });
        }
      } else if (sink.isEventLog()) {
        jobs.add(() -> {
          assembleChannel(sink);
          return null;
        });
      }
    }
    return jobs;
  }

  private void assembleDay(Sink sink, int day) throws IOException {
    List<Path> parts = new ArrayList<>();
    Long first = null;
    for (int hour = day * 24; hour < day * 24 + 24; hour++) {
      Long partFirst = results.get(hour).partFirstMs().get(sink);
      if (partFirst != null) {
        parts.add(run.partFile(sink, hour));
        if (first == null) {
          first = partFirst;
        }
      }
    }
    if (first == null) {
      return;
    }
    long dayStart = run.windowStart() + day * 86_400_000L;
    Path target = run.root().resolve(sink.path(run.org().host, dayStart, 1));
    Files.createDirectories(target.getParent());
    try (OutputStream out = Files.newOutputStream(target)) {
      out.write(sink.header(run.org().build, first).getBytes(StandardCharsets.UTF_8));
      for (Path part : parts) {
        try (InputStream in = Files.newInputStream(part)) {
          in.transferTo(out);
        }
      }
    }
  }

  private void assembleChannel(Sink sink) throws IOException {
    Path target = run.root().resolve(sink.path(run.org().host, run.windowStart(), 1));
    long recordId = new Rand(run.spec().seed(), "records", sink.ordinal())
        .betweenLong(10_000, 3_000_000);
    try (Writer out = HourWriter.newWriter(target)) {
      for (HourResult result : results) {
        if (!result.partFirstMs().containsKey(sink)) {
          continue;
        }
        try (BufferedReader in = Files.newBufferedReader(run.partFile(sink, result.hour()),
            StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            int placeholder = line.indexOf(WinEvent.RECORD_ID_PLACEHOLDER);
            if (placeholder < 0) {
              out.write(line);
            } else {
              out.write(line, 0, placeholder);
              out.write(Long.toString(recordId++));
              out.write(line, placeholder + 1, line.length() - placeholder - 1);
            }
            out.write('\n');
          }
        }
      }
    }
  }
}
