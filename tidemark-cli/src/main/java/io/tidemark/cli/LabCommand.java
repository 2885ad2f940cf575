package io.tidemark.cli;

import io.tidemark.lab.Lab;
import io.tidemark.lab.LabSpec;
import io.tidemark.lab.LabTruth;
import io.tidemark.lab.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    header = "Realistic Exchange evidence with known ground truth, for demos, tests and benchmarks.",
    subcommands = {LabCommand.Generate.class})
final class LabCommand implements Runnable {
  @ParentCommand TidemarkCommand parent;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "missing subcommand: try 'tidemark lab generate --help'");
  }

  @Command(
      name = "generate",
      sortOptions = false,
      mixinStandardHelpOptions = true,
      header = "Write a lab server's evidence folder and its truth.json.",
      description = {
        "",
        "Writes one Exchange server's logs in the real on-disk layout and formats (IIS W3SVC1/W3SVC2,"
            + " HttpProxy per protocol, EWS, ECP, OAB generator, RPS cmdlet logs, message tracking,"
            + " Windows event exports as JSON Lines) for an organisation's benign traffic, plus the"
            + " chosen attack. truth.json records what was injected: attacker IPs, compromised"
            + " accounts, mailboxes touched, when. The same arguments always give the same bytes.",
        "",
        "Examples:",
        "  tidemark lab generate --out lab --seed 1",
        "  tidemark lab generate --out lab --seed 7 --scenario password-spray --users 200 --days 5",
        "  tidemark lab generate --out big --seed 7 --size 1G     # about 1 GB for benchmarks"
      })
  static final class Generate implements Callable<Integer> {
    @ParentCommand LabCommand lab;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
        description = "Folder to write (created; the server's files go to DIR/<HOST>).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
        description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scenario", defaultValue = "proxylogon", paramLabel = "NAME",
        completionCandidates = ScenarioIds.class,
        description = "What happens to the server: ${COMPLETION-CANDIDATES}"
            + " (default ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--users", paramLabel = "N",
        description = "Mailbox users in the organisation (default " + LabSpec.DEFAULT_USERS + ").")
    @Nullable Integer users;

    @Option(names = "--days", paramLabel = "N",
        description = "Days of evidence (default " + LabSpec.DEFAULT_DAYS + ").")
    @Nullable Integer days;

    @Option(names = "--host", paramLabel = "NAME",
        description = "Server name (default " + LabSpec.DEFAULT_HOST + ").")
    @Nullable String host;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD",
        description = "First day of the window (default: the scenario's era).")
    @Nullable LocalDate start;

    @Option(names = "--size", paramLabel = "SIZE",
        description = "Approximate total size, e.g. 200M or 1G (default: natural volume, a few MB).")
    @Nullable String size;

    @Override
    public Integer call() throws IOException {
      Console console = lab.parent.console;
      LabSpec spec = UsageException.parsing(() -> spec(seed, scenario, users, days, host, start, size));
      LabTruth truth = Lab.generate(spec, out);
      console.out().println("wrote " + out.resolve(truth.host()) + " (" + truth.scenario()
          + ", seed " + truth.seed() + ", " + truth.users() + " users, expected verdict "
          + truth.expectedVerdict() + ") and " + out.resolve(Lab.TRUTH_FILE));
      return ExitCodes.OK;
    }
  }

  static LabSpec spec(long seed, String scenario, @Nullable Integer users, @Nullable Integer days,
      @Nullable String host, @Nullable LocalDate start, @Nullable String size) {
    LabSpec spec = LabSpec.defaults(seed, Scenario.fromId(scenario));
    if (users != null) {
      spec = spec.withUsers(users);
    }
    if (days != null) {
      spec = spec.withDays(days);
    }
    if (host != null) {
      spec = spec.withHost(host);
    }
    if (start != null) {
      spec = spec.withStart(start);
    }
    if (size != null) {
      spec = spec.withTargetBytes(Sizes.parse(size));
    }
    return spec;
  }
}
