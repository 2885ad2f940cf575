package io.tidemark.cli;

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
    subcommands = {
      DemoCommand.class,
      ScanCommand.class,
      HuntCommand.class,
      DumpCommand.class,
      LabCommand.class,
      RulesCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    footer = ExitCodes.HELP)
final class TidemarkCommand implements Runnable {
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
