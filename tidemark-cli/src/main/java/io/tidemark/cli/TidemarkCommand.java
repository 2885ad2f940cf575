package io.tidemark.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "tidemark",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    header = "Was this Exchange server breached, how, since when, and how far did the attacker reach?",
    description = {
      "",
      "Tidemark reads a copy of an Exchange server's logs (IIS, HttpProxy, ECP, EWS, OAB, message"
          + " tracking, cmdlet logs) and Windows event exports, runs Sigma rules over them,"
          + " correlates what fired and gives one verdict per server, with the evidence lines behind"
          + " every claim. It only reads the evidence, never writes to it.",
      "",
      "Examples, to start with:",
      "  tidemark demo                     a compromised lab server, assessed",
      "  tidemark scan CASE --out RESULT   assess a triage copy of a real server",
      "  tidemark hunt CASE                detections only, JSON Lines on stdout",
      "",
      "Run 'tidemark help COMMAND' for a command's options and examples."
    },
    footer = ExitCodes.HELP)
final class TidemarkCommand implements Runnable {
  /**
   * The commands, in the order help lists them. Main adds them, not the annotation, so that a
   * command line naming one builds only that command's model: picocli's reflection over every
   * command is a twentieth of a cold start.
   */
  static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> commands = new LinkedHashMap<>();
    commands.put("demo", DemoCommand.class);
    commands.put("scan", ScanCommand.class);
    commands.put("hunt", HuntCommand.class);
    commands.put("dump", DumpCommand.class);
    commands.put("lab", LabCommand.class);
    commands.put("rules", RulesCommand.class);
    commands.put("help", CommandLine.HelpCommand.class);
    return Collections.unmodifiableMap(commands);
  }

  /** Adds the command the arguments name, or every command when they name none. */
  static void addCommands(CommandLine cli, String[] args) {
    String first = args.length == 0 ? "" : args[0];
    boolean named = COMMANDS.containsKey(first) && !first.equals("help");
    for (Map.Entry<String, Class<?>> e : COMMANDS.entrySet()) {
      if (!named || e.getKey().equals(first)) {
        cli.addSubcommand(e.getKey(), e.getValue());
      }
    }
  }

  final Console console;

  @Spec CommandSpec spec;

  TidemarkCommand(Console console) {
    this.console = console;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: try 'tidemark demo' or 'tidemark --help'");
  }
}
