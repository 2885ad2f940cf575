package io.tidemark.cli;

import io.tidemark.event.TidemarkException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of {@code tidemark}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    BuiltInPack.prefetch(args);
    int code = run(args, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command line; returns its exit code. Used by tests to run commands in-process. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Console console = new Console(out, err, System.console() != null);
    CommandLine cli = new CommandLine(new TidemarkCommand(console));
    TidemarkCommand.addCommands(cli, args);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpAutoWidth(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof UsageException) {
        err.println("tidemark: " + e.getMessage());
        err.println("Try 'tidemark " + commandLine.getCommandName() + " --help' for examples.");
        return ExitCodes.USAGE;
      }
      if (e instanceof TidemarkException || e instanceof IllegalArgumentException) {
        err.println("tidemark: " + e.getMessage());
      } else if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
        err.println("tidemark: I/O error: " + e.getMessage());
      } else {
        err.println("tidemark: internal error: " + e);
        e.printStackTrace(err);
      }
      return ExitCodes.FAILURE;
    });
    return cli.execute(args);
  }
}
