package io.tidemark.evtx.tool;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import io.tidemark.evtx.EvtxOptions;
import io.tidemark.evtx.EvtxReader;
import io.tidemark.evtx.EvtxSummary;
import io.tidemark.evtx.EvtxXml;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code EvtxDump [--format xml|jsonl|none] [--threads N] [--no-recover] [--quiet]
 * [--files-from LIST] FILE...}: writes every record of the files to standard output, one per
 * line, and a count to standard error. Exit status 0, or 2 on a usage error.
 */
public final class EvtxDump {
  private static final int READ_AHEAD_FILES = 4;

  private EvtxDump() {}

  /** Runs the dump; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    String format = "xml";
    EvtxOptions options = EvtxOptions.defaults();
    boolean quiet = false;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--format":
          format = args[++i];
          break;
        case "--threads":
          options = options.withThreads(Integer.parseInt(args[++i]));
          break;
        case "--no-recover":
          options = options.withRecover(false);
          break;
        case "--quiet":
          quiet = true;
          break;
        case "--files-from":
          for (String line : Files.readAllLines(Path.of(args[++i]), StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
              files.add(Path.of(line));
            }
          }
          break;
        default:
          files.add(Path.of(args[i]));
      }
    }
    if (files.isEmpty() || !List.of("xml", "jsonl", "none").contains(format)) {
      System.err.println("usage: EvtxDump [--format xml|jsonl|none] [--threads N] "
          + "[--no-recover] [--quiet] [--files-from LIST] FILE...");
      System.exit(2);
    }
    options = options.withRenderXml(format.equals("xml"));
    long start = System.nanoTime();
    AtomicLong problems = new AtomicLong();
    boolean verbose = !quiet;
    DiagnosticSink sink = diagnostic -> {
      problems.incrementAndGet();
      if (verbose) {
        System.err.println(diagnostic.describe());
      }
    };
    long events = 0;
    long recovered = 0;
    long lost = 0;
    try (OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out),
        1 << 16)) {
      // A window of readers started ahead: small files decode on the pool while the previous
      // file is written, so two cores stay busy across thousands of 68 KiB files.
      Deque<EvtxReader> window = new ArrayDeque<>();
      int next = 0;
      while (next < files.size() || !window.isEmpty()) {
        while (next < files.size() && window.size() < READ_AHEAD_FILES) {
          EvtxReader reader = open(files.get(next++), options, sink);
          reader.start();
          window.add(reader);
        }
        try (EvtxReader reader = window.poll()) {
          EvtxSummary summary = dump(reader, format, out);
          events += summary.records() + summary.recovered();
          recovered += summary.recovered();
          lost += summary.lost();
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(Locale.ROOT, "%d files, %d records (%d recovered), %d lost, %d diagnostics,"
        + " %.2f s, %.0f records/s%n", files.size(), events, recovered, lost, problems.get(),
        seconds, events / seconds);
  }

  private static EvtxReader open(Path file, EvtxOptions options, DiagnosticSink sink)
      throws IOException {
    SourceFile source = SourceFile.of(file.toString(), LogType.WINDOWS_EVENT);
    InputStream in = Files.newInputStream(file);
    return EvtxReader.open(in, source, sink, options);
  }

  private static EvtxSummary dump(EvtxReader reader, String format, OutputStream out)
      throws IOException {
    for (Event event = reader.next(); event != null; event = reader.next()) {
      if (format.equals("xml")) {
        out.write(EvtxXml.render(event).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      } else if (format.equals("jsonl")) {
        out.write(json(event).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    }
    return reader.summary();
  }

  private static String json(Event event) {
    StringBuilder json = new StringBuilder(1024).append('{');
    boolean first = true;
    for (String name : event.fieldNames()) {
      if (!first) {
        json.append(',');
      }
      first = false;
      string(name, json);
      json.append(':');
      List<String> values = event.getAll(name);
      if (!event.has(name) || (values.isEmpty() && event.get(name) == null
          && !isList(event, name))) {
        json.append("null");
      } else if (values.size() == 1 && !isList(event, name)) {
        string(values.get(0), json);
      } else {
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            json.append(',');
          }
          string(values.get(i), json);
        }
        json.append(']');
      }
    }
    return json.append('}').toString();
  }

  private static boolean isList(Event event, String name) {
    return name.equals("Data") || event.getAll(name).size() > 1;
  }

  private static void string(String s, StringBuilder json) {
    json.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    json.append('"');
  }
}
