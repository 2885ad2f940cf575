package io.tidemark.cli;

import io.tidemark.assess.GeoLookup;
import io.tidemark.engine.RulePack;
import io.tidemark.lab.Lab;
import io.tidemark.lab.LabSpec;
import io.tidemark.lab.LabTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "demo",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Build a compromised lab Exchange server, assess it, and show the verdict.",
    description = {
      "",
      "Generates a lab evidence folder (default: a HAFNIUM-style ProxyLogon intrusion, then a web"
          + " shell, an lsass dump and a mailbox export, on top of an organisation's normal"
          + " traffic), runs 'tidemark scan' on it, and compares the verdict with the lab's ground"
          + " truth. Takes a few seconds.",
      "",
      "Examples:",
      "  tidemark demo",
      "  tidemark demo --scenario password-spray --seed 3 --out /tmp/demo"
    },
    footer = "%nExit codes: 0 the verdict matches the ground truth, 1 it does not or the run failed,"
        + " 2 usage error.%n")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand TidemarkCommand parent;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "tidemark-demo",
      description = "Where to put the evidence (DIR/evidence) and the results (DIR/result);"
          + " default ./${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--scenario", defaultValue = "proxylogon", paramLabel = "NAME",
      completionCandidates = ScenarioIds.class,
      description = "What happens to the server: ${COMPLETION-CANDIDATES}"
          + " (default ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Lab seed (default 1).")
  long seed;

  @Mixin GeoOptions geo = new GeoOptions();
  @Mixin RunOptions run = new RunOptions();

  @Override
  public Integer call() throws IOException {
    Console console = parent.console;
    GeoLookup lookup = geo.open();
    Path evidence = out.resolve("evidence");
    Path result = out.resolve("result");
    clearEarlierDemo(evidence);

    LabSpec spec = UsageException.parsing(
        () -> LabCommand.spec(seed, scenario, null, null, null, null, null));
    LabTruth truth = Lab.generate(spec, evidence);
    console.out().println("Lab server " + truth.host() + " (" + truth.domain() + ", " + truth.users()
        + " users): scenario " + truth.scenario() + ", seed " + truth.seed() + ", evidence in "
        + evidence.resolve(truth.host()));
    console.out().println("Scanning it with the built-in rule pack...");
    console.out().println();

    RulePack rules = BuiltInPack.load();
    List<String> command = new ArrayList<>(List.of("demo", "--scenario", scenario, "--seed",
        Long.toString(seed), "--out", out.toString()));
    command.addAll(geo.arguments());
    ScanCommand.scan(console, List.of(evidence.resolve(truth.host())), result, rules, run, lookup,
        command);

    String verdict = readVerdict(result);
    console.out().println();
    boolean match = truth.expectedVerdict().equals(verdict);
    console.out().println("Ground truth (" + evidence.resolve(Lab.TRUTH_FILE) + "): "
        + truth.expectedVerdict() + (truth.attackerIps().isEmpty() ? "" : ", attacker "
        + String.join(", ", truth.attackerIps())) + ". Tidemark's verdict "
        + (match ? "matches." : "is " + verdict + ": MISMATCH."));
    return match ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private static String readVerdict(Path result) throws IOException {
    var node = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(result.resolve(io.tidemark.report.ScanRunner.ASSESSMENT).toFile());
    return node.get("verdict").asText();
  }

  /** Only a folder an earlier demo made (it holds truth.json) is ever deleted. */
  private static void clearEarlierDemo(Path evidence) throws IOException {
    if (!Files.exists(evidence)) {
      return;
    }
    if (!Files.isRegularFile(evidence.resolve(Lab.TRUTH_FILE))) {
      throw new UsageException(evidence + " exists and is not an earlier demo's evidence;"
          + " choose another --out");
    }
    try (Stream<Path> walk = Files.walk(evidence)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
