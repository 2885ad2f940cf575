package io.tidemark.cli;

import io.tidemark.event.Event;
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
import java.nio.file.Path;
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
    header = "Print the normalised events, one JSON object per line.",
    description = {
      "",
      "Shows exactly what the rules see: each record with source (file below the evidence"
          + " argument), record_id (line number or EventRecordID), timestamp (UTC), log_type,"
          + " host, protocol, and event (the fields, named as the log names them).",
      "",
      "Examples:",
      "  tidemark dump W3SVC1/u_ex210303.log | head",
      "  tidemark dump /cases/EXCH01 | jq 'select(.event.AnchorMailbox | test(\"ServerInfo~\"))'"
    },
    footer = "%nExit codes: 0 success, 1 the run failed, 2 usage error.%n")
final class DumpCommand implements Callable<Integer> {
  @ParentCommand TidemarkCommand parent;

  @Parameters(paramLabel = "EVIDENCE", arity = "1..*", description = "Folders, files or archives.")
  List<Path> evidence;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "-1",
      description = "Stop after N events (default: all).")
  long limit;

  @Option(names = {"-q", "--quiet"}, description = "Print no diagnostics.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    Console console = parent.console;
    Evidence.requireExisting(evidence);
    DiagnosticPrinter diagnostics = new DiagnosticPrinter(console.err(), !quiet);
    Intake intake = Intake.create(IntakeOptions.defaults().withHashFiles(false), diagnostics,
        io.tidemark.source.ProgressListener.none());
    try (EventJsonLinesWriter writer = new EventJsonLinesWriter(new BufferedOutputStream(console.out(), 1 << 16))) {
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
                writer.write(e);
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
    if (!quiet && !diagnostics.summary().isEmpty()) {
      console.err().println(diagnostics.summary());
    }
    return ExitCodes.OK;
  }
}
