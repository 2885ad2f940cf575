package io.tidemark.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tidemark.engine.RulePack;
import io.tidemark.sigma.RuleProblem;
import io.tidemark.sigma.compile.CompileOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    header = "Check rule files.",
    subcommands = {RulesCommand.Lint.class, RulesCommand.Atoms.class})
final class RulesCommand implements Runnable {
  @ParentCommand TidemarkCommand parent;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "missing subcommand: try 'tidemark rules lint --help'");
  }

  @Command(
      name = "lint",
      mixinStandardHelpOptions = true,
      header = "Load and compile Sigma rules and list every problem (not just the first).",
      description = {
        "",
        "Examples:",
        "  tidemark rules lint rules/",
        "  tidemark rules lint --format json ../sigma/rules | jq '.failed | length'"
      },
      footer = "%nExit codes: 0 every rule loaded, 1 some did not, 2 usage error.%n")
  static final class Lint implements Callable<Integer> {
    @ParentCommand RulesCommand rules;

    @Parameters(paramLabel = "PATH", arity = "0..*",
        description = "Rule files or folders (default: the built-in pack).")
    List<Path> paths = List.of();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
        description = "text (default) or json: {\"files\": N, \"loaded\": N, \"failed\": [{\"path\", \"reason\"}]}.")
    String format;

    @Override
    public Integer call() throws IOException {
      Console console = rules.parent.console;
      RulePack pack = paths.isEmpty()
          ? RulePack.builtIn(CompileOptions.defaults())
          : RulePack.fromPaths(paths, CompileOptions.defaults());
      List<RuleProblem> problems = pack.problems();
      if (format.equals("json")) {
        try (JsonGenerator g = new JsonFactory().createGenerator(console.out())) {
          g.useDefaultPrettyPrinter();
          g.writeStartObject();
          g.writeNumberField("files", pack.files());
          g.writeNumberField("loaded", pack.size());
          g.writeArrayFieldStart("failed");
          for (RuleProblem p : problems) {
            g.writeStartObject();
            g.writeStringField("path", p.location().path());
            g.writeNumberField("line", p.location().line());
            g.writeNumberField("column", p.location().column());
            g.writeStringField("reason", p.reason());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
          g.writeRaw('\n');
        }
      } else if (format.equals("text")) {
        for (RuleProblem p : problems) {
          console.out().println(p.describe());
        }
        console.out().println(pack.files() + " files, " + pack.size() + " rules loaded, "
            + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
      } else {
        throw new UsageException("unknown format '" + format + "', must be text or json");
      }
      console.out().flush();
      return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }

  @Command(
      name = "atoms",
      mixinStandardHelpOptions = true,
      header = "Print the literals the rules' prefilter looks for, as regexes for grep tools.",
      description = {
        "",
        "One regex-escaped literal per line: the union a grep-for-IOCs baseline searches for"
            + " (bench/hunt-vs-ripgrep.sh feeds it to 'rg -i -f'). Only rules for text logs are"
            + " included; rules that need no literal are counted on stderr.",
        "",
        "Example:",
        "  tidemark rules atoms > patterns.txt && rg -i -c -f patterns.txt inetpub/logs"
      })
  static final class Atoms implements Callable<Integer> {
    @ParentCommand RulesCommand rules;

    @picocli.CommandLine.Mixin RuleOptions ruleOptions = new RuleOptions();

    @Override
    public Integer call() {
      Console console = rules.parent.console;
      RulePack pack = ruleOptions.load();
      java.util.TreeSet<String> atoms = new java.util.TreeSet<>();
      int unconstrained = 0;
      for (io.tidemark.sigma.compile.CompiledRule rule : pack.rules().rules()) {
        for (io.tidemark.event.LogType type : rule.logTypes()) {
          if (type == io.tidemark.event.LogType.WINDOWS_EVENT) {
            continue;
          }
          java.util.Set<String> literals = rule.requiredLiterals(type);
          if (literals == null) {
            unconstrained++;
          } else {
            atoms.addAll(literals);
          }
        }
      }
      for (String atom : atoms) {
        console.out().println(escape(atom));
      }
      console.err().println(atoms.size() + " literals; " + unconstrained
          + " rule variant(s) on text logs need no literal and are not represented");
      return ExitCodes.OK;
    }

    /** Escapes Rust/PCRE regex metacharacters (the set ripgrep's regex crate reserves). */
    static String escape(String literal) {
      StringBuilder out = new StringBuilder(literal.length() + 8);
      for (int i = 0; i < literal.length(); i++) {
        char c = literal.charAt(i);
        if ("\\.+*?()|[]{}^$#&-~".indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
      return out.toString();
    }
  }
}
