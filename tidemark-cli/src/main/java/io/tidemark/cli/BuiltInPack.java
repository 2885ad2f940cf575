package io.tidemark.cli;

import io.tidemark.engine.RulePack;
import io.tidemark.sigma.compile.CompileOptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * The built-in rule pack, loaded while the command line is still being parsed. Parsing and
 * compiling the pack is a third of an empty {@code hunt} and picocli's model another quarter; on
 * two cores the two overlap. Only commands that will certainly use the built-in pack with
 * default options start it, so no other command pays for it.
 */
final class BuiltInPack {
  private static final Set<String> USERS = Set.of("hunt", "scan", "demo");
  private static final List<String> RULE_OPTIONS =
      List.of("-r", "--rules", "--field-map", "--placeholder", "--rule-config");

  private static volatile @Nullable FutureTask<RulePack> prefetched;

  private BuiltInPack() {}

  /** Starts loading the pack on a daemon thread if these arguments will need it. */
  static void prefetch(String[] args) {
    if (args.length == 0 || !USERS.contains(args[0])) {
      return;
    }
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h") || arg.equals("--")) {
        return;
      }
      for (String option : RULE_OPTIONS) {
        if (arg.equals(option) || arg.startsWith(option + "=")
            || (option.length() == 2 && arg.startsWith(option))) {
          return;
        }
      }
    }
    FutureTask<RulePack> task = new FutureTask<>(() -> load());
    Thread thread = new Thread(task, "tidemark-rules");
    thread.setDaemon(true);
    thread.start();
    prefetched = task;
  }

  /** The built-in pack with default options: the prefetched one if there is one. */
  static RulePack load() {
    FutureTask<RulePack> task = prefetched;
    prefetched = null;
    if (task == null) {
      return RulePack.builtIn(CompileOptions.defaults());
    }
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the built-in rule pack", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
