package io.tidemark.lab;

import io.tidemark.event.TidemarkException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** Generates a lab: one Exchange server's evidence folder plus {@code truth.json}. */
public final class Lab {
  /** The ground-truth file written next to the host folder. */
  public static final String TRUTH_FILE = "truth.json";

  private Lab() {}

  /**
   * Writes the evidence for {@code spec} into {@code outDir} (created if missing; it must be
   * empty) and returns what was injected. The same spec always produces the same bytes.
   *
   * @throws TidemarkException if {@code outDir} exists and is not an empty folder
   * @throws IOException if writing fails
   */
  public static LabTruth generate(LabSpec spec, Path outDir) throws IOException {
    return generate(spec, outDir, Sink.ROLL_CHARS);
  }

  /** The same, with another roll size for hourly Exchange logs (tests use a small one). */
  static LabTruth generate(LabSpec spec, Path outDir, long rollChars) throws IOException {
    prepare(outDir);
    LabRun run = new LabRun(spec, outDir, rollChars);
    Attack attack = Attack.of(spec.scenario());
    if (attack != null) {
      attack.plan(new AttackKit(run));
    }
    run.plan().freeze();
    Files.createDirectories(run.partsDir());
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, "tidemark-lab");
      thread.setDaemon(true);
      return thread;
    });
    List<HourResult> results;
    try {
      List<Callable<HourResult>> hours = new ArrayList<>();
      for (int hour = 0; hour < run.hours(); hour++) {
        hours.add(new HourTask(run, hour));
      }
      results = runAll(pool, hours);
      runAll(pool, new Assembler(run, results).jobs());
    } finally {
      pool.shutdownNow();
    }
    deleteTree(run.partsDir());
    writeFiles(run);
    if (attack instanceof ExchangeOnlineAttack cloud) {
      cloud.write(run); // the cloud audit export is written whole, not by the hourly writers
    }
    LabTruth truth = run.plan().truth(run, mergeTags(results));
    Files.writeString(outDir.resolve(TRUTH_FILE), TruthJson.write(truth), StandardCharsets.UTF_8);
    return truth;
  }

  private static void prepare(Path outDir) throws IOException {
    if (Files.exists(outDir)) {
      if (!Files.isDirectory(outDir)) {
        throw new TidemarkException(
            "lab output is not a folder: '" + outDir + "'", outDir.toString());
      }
      try (Stream<Path> entries = Files.list(outDir)) {
        if (entries.findAny().isPresent()) {
          throw new TidemarkException("lab output folder is not empty: '" + outDir
              + "'; choose a new folder so no evidence is overwritten", outDir.toString());
        }
      }
    }
    Files.createDirectories(outDir);
  }

  private static <T> List<T> runAll(ExecutorService pool, List<? extends Callable<T>> jobs)
      throws IOException {
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> job : jobs) {
      futures.add(pool.submit(job));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      try {
        results.add(future.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("lab generation was interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
          throw io;
        }
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IOException("lab generation failed: " + cause, cause);
      }
    }
    return results;
  }

  private static Map<Integer, TreeSet<String>> mergeTags(List<HourResult> results) {
    Map<Integer, TreeSet<String>> merged = new TreeMap<>();
    for (HourResult result : results) {
      result.tagFiles().forEach((tag, files) ->
          merged.computeIfAbsent(tag, k -> new TreeSet<>()).addAll(files));
    }
    return merged;
  }

  /** Web shells the attack planted, and the ordinary pages that share their folders. */
  private static void writeFiles(LabRun run) throws IOException {
    String host = run.org().host;
    String auth = host + "/" + Sink.V15 + "FrontEnd/HttpProxy/";
    write(run.root(), auth + "owa/auth/logon.aspx", Decoys.page("Microsoft.Exchange.HttpProxy"
        + ".Logon"));
    write(run.root(), auth + "owa/auth/errorFE.aspx", Decoys.page("Microsoft.Exchange.HttpProxy"
        + ".ErrorFE"));
    write(run.root(), auth + "owa/auth/signout.aspx", Decoys.page("Microsoft.Exchange.HttpProxy"
        + ".SignOut"));
    write(run.root(), auth + "ecp/auth/TimeoutLogoff.aspx", Decoys.page("Microsoft.Exchange"
        + ".HttpProxy.TimeoutLogoff"));
    write(run.root(), host + "/inetpub/wwwroot/iisstart.htm", Decoys.iisStart());
    for (AttackPlan.ShellFile shell : run.plan().shells()) {
      write(run.root(), shell.path(), shell.content());
    }
  }

  private static void write(Path root, String relative, byte[] content) throws IOException {
    Path target = root.resolve(relative);
    Files.createDirectories(target.getParent());
    Files.write(target, content);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
