package io.tidemark.cli;

import io.tidemark.engine.RulePack;
import io.tidemark.sigma.compile.CompileOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --rules}: which rules to run. */
final class RuleOptions {
  @Option(
      names = {"-r", "--rules"},
      paramLabel = "PATH",
      description = "A Sigma rule file or a folder of them (searched recursively); repeatable."
          + " Default: Tidemark's built-in Exchange rule pack.")
  List<Path> rules = new ArrayList<>();

  RulePack load() {
    CompileOptions options = CompileOptions.defaults();
    if (rules.isEmpty()) {
      return RulePack.builtIn(options);
    }
    for (Path p : rules) {
      if (!Files.exists(p)) {
        throw new UsageException("--rules " + p + ": no such file or folder");
      }
    }
    return RulePack.fromPaths(rules, options);
  }
}
