package io.tidemark.cli;

import io.tidemark.event.Event;
import io.tidemark.evtx.EvtxXml;
import io.tidemark.report.EventJsonLinesWriter;
import io.tidemark.source.EventStream;
import io.tidemark.source.EvidenceUnit;
import io.tidemark.source.FileConsumer;
import io.tidemark.source.FileRecord;
import io.tidemark.source.Intake;
import io.tidemark.source.IntakeOptions;
import io.tidemark.event.SourceFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "dump",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Print the normalised events, one JSON object (or EVTX record XML) per line.",
    description = {
      "",
      "Shows exactly what the rules see: each record with source (file below the evidence"
          + " argument), record_id (line number or EventRecordID), timestamp (UTC), log_type,"
          + " host, protocol, and event (the fields, named as the log names them).",
      "",
      "With --format xml, records of binary .evtx files are printed as Windows renders them"
          + " (one <Event> per line, times to the 100 ns tick), for comparison with wevtutil,"
          + " evtxexport or python-evtx; other files are skipped with a note.",
      "",
      "Examples:",
      "  tidemark dump W3SVC1/u_ex210303.log | head",
      "  tidemark dump /cases/EXCH01 | jq 'select(.event.AnchorMailbox | test(\"ServerInfo~\"))'",
      "  tidemark dump --format xml Security.evtx | grep \"EventID>4624<\""
    },
    footer = "%nExit codes: 0 success, 1 the run failed, 2 usage error.%n")
final class DumpCommand implements Callable<Integer> {
  @ParentCommand TidemarkCommand parent;

  @Parameters(paramLabel = "EVIDENCE", arity = "1..*", description = "Folders, files or archives.")
  List<Path> evidence;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "-1",
      description = "Stop after N events (default: all).")
  long limit;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
      description = "jsonl (default) or xml (EVTX records only).")
  String format;

  @Option(names = {"-q", "--quiet"}, description = "Print no diagnostics.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    Console console = parent.console;
    Evidence.requireExisting(evidence);
    if (!format.equals("jsonl") && !format.equals("xml")) {
      throw new UsageException("--format must be jsonl or xml, not '" + format + "'");
    }
    boolean xml = format.equals("xml");
    DiagnosticPrinter diagnostics = new DiagnosticPrinter(console.err(), !quiet);
    Intake intake = Intake.create(IntakeOptions.defaults().withHashFiles(false), diagnostics,
        io.tidemark.source.ProgressListener.none());
    BufferedOutputStream out = new BufferedOutputStream(console.out(), 1 << 16);
    List<String> notXml = new ArrayList<>();
    try (EventJsonLinesWriter writer = new EventJsonLinesWriter(out)) {
      long[] written = {0};
      for (EvidenceUnit unit : intake.plan(evidence)) {
        if (limit >= 0 && written[0] >= limit) {
          break;
        }
        intake.read(unit, new FileConsumer() {
          @Override
          public void onFile(SourceFile source, EventStream events) {
            Event e;
            while ((limit < 0 || written[0] < limit) && (e = events.next()) != null) {
              try {
                if (!xml) {
                  writer.write(e);
                } else if (EvtxXml.isEvtx(e)) {
                  out.write(EvtxXml.render(e).getBytes(StandardCharsets.UTF_8));
                  out.write('\n');
                } else {
                  notXml.add(source.path());
                  return;
                }
              } catch (IOException ex) {
                throw new UncheckedIOException(ex);
              }
              written[0]++;
            }
          }

          @Override
          public void onFileDone(FileRecord record) {}
        });
      }
      writer.flush();
    }
    if (!quiet && !notXml.isEmpty()) {
      console.err().println("not printed: " + notXml.size() + " file(s) that are not EVTX, which"
          + " --format xml cannot render (use --format jsonl), e.g. " + notXml.get(0));
    }
    if (!quiet && !diagnostics.summary().isEmpty()) {
      console.err().println(diagnostics.summary());
    }
    return ExitCodes.OK;
  }
}
