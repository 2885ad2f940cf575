package io.tidemark.cli;

import io.tidemark.assess.GeoLookup;
import io.tidemark.engine.RulePack;
import io.tidemark.report.ConsoleSummary;
import io.tidemark.report.ScanRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "scan",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Assess evidence: one verdict per server, with the story and the evidence lines.",
    description = {
      "",
      "Reads every log in the evidence (folders, and .zip/.tar/.gz archives inside them, without"
          + " unpacking to disk), runs the rules, correlates what fired and prints one verdict per"
          + " server: compromised, exploitation_attempted, suspicious, clean or"
          + " insufficient_evidence. Servers are told apart by the triage layout"
          + " (<HOST>/inetpub/..., <HOST>/Program Files/Microsoft/Exchange Server/...).",
      "",
      "With --out DIR it writes:",
      "  assessment.json   verdict, reason, findings with evidence lines",
      "  detections.jsonl  every detection, in the 'hunt' format",
      "  report.html       the report to read or print (self-contained, offline)",
      "  timeline.jsonl    detections and damage events, for Timesketch",
      "  timeline.csv      the same, in Hayabusa's CSV timeline columns",
      "  iocs.stix.json    the attacker's indicators, a STIX 2.1 bundle",
      "  notification.md   facts pre-filled for GDPR, DORA and NIS2 notifications",
      "  manifest.json     chain of custody: versions, times, SHA-256 of every file",
      "",
      "Examples:",
      "  tidemark scan /cases/EXCH01 --out /cases/EXCH01-result",
      "  tidemark scan triage-EXCH01.zip triage-EXCH02.zip --out result",
      "  tidemark scan /cases/EXCH01 --rules my-rules/ --out result",
      "  tidemark scan /cases/EXCH01 --geoip City.mmdb --geoip ASN.mmdb --out result"
    },
    footer = ExitCodes.HELP)
final class ScanCommand implements Callable<Integer> {
  @ParentCommand TidemarkCommand parent;

  @Parameters(paramLabel = "EVIDENCE", arity = "1..*",
      description = "Folders, files or archives holding the server's logs.")
  List<Path> evidence;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Write the files listed above here.")
  @Nullable Path out;

  @Mixin RuleOptions ruleOptions = new RuleOptions();
  @Mixin GeoOptions geo = new GeoOptions();
  @Mixin RunOptions run = new RunOptions();

  @Override
  public Integer call() throws IOException {
    Console console = parent.console;
    Evidence.requireExisting(evidence);
    Evidence.requireOutsideEvidence(out, evidence);
    GeoLookup lookup = geo.open();
    List<String> command = commandLine("scan", evidence, out);
    command.addAll(geo.arguments());
    return scan(console, evidence, out, ruleOptions.load(), run, lookup, command);
  }

  /** The scan, shared with {@code demo}. Returns the verdict's exit code. */
  static int scan(Console console, List<Path> evidence, @Nullable Path out, RulePack rules,
      RunOptions run, GeoLookup geo, List<String> command) throws IOException {
    DiagnosticPrinter diagnostics = new DiagnosticPrinter(console.err(), !run.quiet);
    ScanRunner.Outcome outcome;
    try (ProgressPrinter progress = new ProgressPrinter(console.err(), run.showProgress(console))) {
      outcome = ScanRunner.run(new ScanRunner.Request(evidence, rules, out, run.threads(), progress,
          diagnostics, command, Version.get(), geo));
      progress.close();
      if (!run.quiet) {
        console.err().println("read " + progress.summary());
        console.err().println(RuleReport.summary(rules, outcome.hunt()));
        String problems = diagnostics.summary();
        if (!problems.isEmpty()) {
          console.err().println(problems + (out == null ? "" : "; details in manifest.json"));
        }
        RuleReport.printProblems(console, outcome.hunt().ruleProblems());
      }
    }
    console.out().print(ConsoleSummary.render(outcome.assessment(), out, console.interactive()));
    console.out().flush();
    return ExitCodes.of(outcome.assessment().verdict());
  }

  private static List<String> commandLine(String name, List<Path> evidence, @Nullable Path out) {
    java.util.ArrayList<String> args = new java.util.ArrayList<>();
    args.add(name);
    evidence.forEach(p -> args.add(p.toString()));
    if (out != null) {
      args.add("--out");
      args.add(out.toString());
    }
    return args;
  }
}
