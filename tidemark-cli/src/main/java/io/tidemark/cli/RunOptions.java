package io.tidemark.cli;

import picocli.CommandLine.Option;

/** Options every evidence-reading command shares. */
final class RunOptions {
  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads; files are read in parallel (default: one per core).")
  int threads;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show progress on stderr (default: only when stderr is a terminal).")
  Boolean progress;

  @Option(names = {"-q", "--quiet"}, description = "Print only results and errors.")
  boolean quiet;

  int threads() {
    return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  boolean showProgress(Console console) {
    if (quiet) {
      return false;
    }
    return progress != null ? progress : console.interactive();
  }
}
