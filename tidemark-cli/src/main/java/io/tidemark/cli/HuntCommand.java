package io.tidemark.cli;

import io.tidemark.assess.Level;
import io.tidemark.engine.HuntResult;
import io.tidemark.engine.Hunter;
import io.tidemark.engine.RulePack;
import io.tidemark.report.DetectionWriter;
import io.tidemark.report.HuntFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "hunt",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Run rules over evidence and print the detections (JSON Lines by default).",
    description = {
      "",
      "Each detection is one JSON object per line with rule_id, rule_title, level, status,"
          + " authors, tags, timestamp (ISO-8601 UTC), source (the file below the evidence"
          + " argument; 'archive.zip!/inner/path' inside archives), record_id (line number, or"
          + " EventRecordID), host, log_type and event (the event's fields). Correlations add"
          + " kind, group and evidence. Detections come out in a stable order: file by file, then"
          + " correlations by time.",
      "",
      "Examples:",
      "  tidemark hunt /cases/EXCH01 > detections.jsonl",
      "  tidemark hunt --rules sigma/rules/web --format table inetpub/logs/LogFiles",
      "  tidemark hunt --min-level high triage.zip | jq -r .rule_title | sort | uniq -c"
    },
    footer = "%nExit codes: 0 success (with or without detections), 1 the run failed, 2 usage error.%n")
final class HuntCommand implements Callable<Integer> {
  @ParentCommand TidemarkCommand parent;

  @Parameters(paramLabel = "EVIDENCE", arity = "1..*",
      description = "Folders, files or archives to hunt through.")
  List<Path> evidence;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "jsonl",
      description = "jsonl (default), csv or table.")
  String format;

  @Option(names = "--min-level", paramLabel = "LEVEL", defaultValue = "informational",
      description = "Only print detections at this level or above: informational, low, medium,"
          + " high, critical.")
  String minLevel;

  @Mixin RuleOptions ruleOptions = new RuleOptions();
  @Mixin RunOptions run = new RunOptions();

  @Override
  public Integer call() throws IOException {
    Console console = parent.console;
    HuntFormat huntFormat = UsageException.parsing(() -> HuntFormat.of(format));
    Level min = UsageException.parsing(() -> Level.of(minLevel));
    Evidence.requireExisting(evidence);
    RulePack rules = ruleOptions.load();
    if (!run.quiet) {
      RuleReport.printProblems(console, rules.problems());
    }
    DiagnosticPrinter diagnostics = new DiagnosticPrinter(console.err(), !run.quiet);
    OutputStream stdout = new BufferedOutputStream(console.out(), 1 << 16);
    HuntResult result;
    try (ProgressPrinter progress = new ProgressPrinter(console.err(), run.showProgress(console));
        DetectionWriter writer = huntFormat.open(stdout)) {
      Hunter hunter = Hunter.builder().rules(rules).threads(run.threads())
          .diagnostics(diagnostics).progress(progress).build();
      result = hunter.hunt(evidence, d -> {
        if (Level.of(d.rule().level()).atLeast(min)) {
          try {
            writer.write(d);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      });
      writer.flush();
      progress.close();
      if (!run.quiet) {
        console.err().println("read " + progress.summary() + "; " + result.detections()
            + " detection" + (result.detections() == 1 ? "" : "s"));
        console.err().println(RuleReport.summary(rules, result));
        String problems = diagnostics.summary();
        if (!problems.isEmpty()) {
          console.err().println(problems);
        }
      }
    }
    return ExitCodes.OK;
  }
}
