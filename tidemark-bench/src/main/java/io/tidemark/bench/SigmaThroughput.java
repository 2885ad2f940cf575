package io.tidemark.bench;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import io.tidemark.evtx.EvtxOptions;
import io.tidemark.evtx.EvtxReader;
import io.tidemark.sigma.compile.CompileOptions;
import io.tidemark.sigma.compile.CompiledRule;
import io.tidemark.sigma.compile.CompiledRuleSet;
import io.tidemark.sigma.compile.RuleCompiler;
import io.tidemark.sigma.rule.LoadResult;
import io.tidemark.sigma.rule.RuleLoader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Sigma matching throughput: every SigmaHQ rule loaded and compiled, the EVTX samples decoded
 * once into memory, then replayed through {@link CompiledRuleSet#match} on several threads until
 * at least {@code --events} events have been matched, several times; prints the median.
 *
 * <p>Decoding is kept out of the timed loop on purpose: our EVTX decoder runs at about 45 k
 * records/s, so a whole-process run measures the decoder, not the rules. Replayed events are
 * wrapped so that their search text is rebuilt on every use, as it is for a freshly decoded
 * event (the decoded event caches it, which would flatter every pass after the first).
 *
 * <p>The machine may be shared, so each run also reports events per CPU-second of the matching
 * threads, which other load changes far less than the wall-clock rate.
 *
 * <p>A benchmark main, so it prints: its report is its only output.
 */
public final class SigmaThroughput {
  private static final List<String> ACTIVE =
      List.of("rules", "rules-emerging-threats", "rules-threat-hunting", "rules-placeholder", "rules-compliance");

  private SigmaThroughput() {}

  public static void main(String[] args) throws Exception {
    Path sigma = Path.of("../shared/datasets/sigma-rules");
    Path evtx = Path.of("../shared/datasets/evtx-attack-samples");
    long target = 2_000_000;
    int threads = 2;
    int runs = 5;
    Path dump = null;
    String channel = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sigma" -> sigma = Path.of(args[++i]);
        case "--evtx" -> evtx = Path.of(args[++i]);
        case "--events" -> target = Long.parseLong(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--dump-matches" -> dump = Path.of(args[++i]);
        case "--channel" -> channel = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: [--sigma DIR] [--evtx DIR] [--events N] [--threads N] [--runs N] [--dump-matches FILE] [--channel NAME]");
      }
    }
    PrintStream out = System.out;

    long t0 = System.nanoTime();
    Path root = sigma;
    LoadResult loaded = RuleLoader.load(ACTIVE.stream().map(root::resolve).filter(Files::isDirectory).toList());
    CompiledRuleSet rules = RuleCompiler.compile(loaded, CompileOptions.defaults());
    long windowsRules = rules.rules().stream().filter(r -> r.logTypes().contains(LogType.WINDOWS_EVENT)).count();
    out.printf(Locale.ROOT, "rules: %d files, %d compiled, %d for windows-event, %d problems; %.1f s%n",
        loaded.files(), rules.rules().size(), windowsRules, rules.problems().size(), seconds(System.nanoTime() - t0));

    t0 = System.nanoTime();
    List<Event> decoded = decode(evtx);
    out.printf(Locale.ROOT, "events: %d decoded from %s; %.1f s%n",
        decoded.size(), evtx, seconds(System.nanoTime() - t0));
    if (channel != null) {
      String only = channel;
      decoded = decoded.stream().filter(e -> only.equalsIgnoreCase(e.get("Channel"))).toList();
      out.printf(Locale.ROOT, "events: %d in channel %s%n", decoded.size(), channel);
    }
    Event[] events = decoded.stream().map(Fresh::new).toArray(Event[]::new);

    if (dump != null) {
      dumpMatches(rules, events, dump);
      out.println("matches written to " + dump);
    }

    long passes = (target + events.length - 1) / events.length;
    long perRun = passes * events.length;
    out.printf(Locale.ROOT, "replay: %d passes x %d events = %d events per run, %d threads%n",
        passes, events.length, perRun, threads);
    System.gc();
    long retained = heapUsed();

    run(rules, events, Math.max(1, passes / 4), threads); // warm-up, not counted
    long gcBefore = gcCount();
    resetPeaks();
    double[] rates = new double[runs];
    double[] walls = new double[runs];
    double[] perCpu = new double[runs];
    long matches = -1;
    long allocated = 0;
    for (int r = 0; r < runs; r++) {
      Result result = run(rules, events, passes, threads);
      walls[r] = seconds(result.nanos);
      rates[r] = perRun / walls[r];
      perCpu[r] = perRun / seconds(result.cpuNanos);
      allocated += result.allocatedBytes;
      if (matches >= 0 && matches != result.matches) {
        throw new IllegalStateException("runs disagree: " + matches + " vs " + result.matches + " matches");
      }
      matches = result.matches;
      out.printf(Locale.ROOT, "run %d: %.3f s, %,.0f events/s, %,.0f events per CPU-second, %d matches%n",
          r + 1, walls[r], rates[r], perCpu[r], result.matches);
    }
    double medianWall = median(walls);
    double medianRate = median(rates);
    double medianPerCpu = median(perCpu);
    out.printf(Locale.ROOT, "median: %.3f s, %,.0f events/s (%,.0f per thread); %,.0f events per CPU-second%n",
        medianWall, medianRate, medianRate / threads, medianPerCpu);
    out.printf(Locale.ROOT,
        "memory: %.0f MiB heap retained (rules + decoded events), %.0f MiB peak heap during runs, "
            + "%.1f bytes allocated per event, %d collections during runs%n",
        retained / 1048576.0, peakHeap() / 1048576.0, allocated / (double) (perRun * runs), gcCount() - gcBefore);
    out.printf(Locale.ROOT,
        "RESULT rules=%d windows_rules=%d distinct_events=%d events_per_run=%d threads=%d runs=%d "
            + "median_s=%.3f events_per_s=%.0f events_per_cpu_s=%.0f matches_per_run=%d retained_mib=%.0f peak_heap_mib=%.0f "
            + "alloc_bytes_per_event=%.1f%n",
        rules.rules().size(), windowsRules, events.length, perRun, threads, runs, medianWall, medianRate, medianPerCpu, matches,
        retained / 1048576.0, peakHeap() / 1048576.0, allocated / (double) (perRun * runs));
  }

  private record Result(long nanos, long cpuNanos, long matches, long allocatedBytes) {}

  /**
   * Each thread replays its share of the events (every {@code threads}-th one) {@code passes}
   * times; the run ends when the slowest thread does.
   */
  private static Result run(CompiledRuleSet rules, Event[] events, long passes, int threads)
      throws InterruptedException {
    long[] matches = new long[threads];
    long[] allocated = new long[threads];
    long[] cpu = new long[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers[t] = new Thread(() -> {
        long before = allocatedBytes();
        long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long[] count = {0};
        for (long p = 0; p < passes; p++) {
          for (int i = id; i < events.length; i += threads) {
            rules.match(events[i], r -> count[0]++);
          }
        }
        matches[id] = count[0];
        allocated[id] = allocatedBytes() - before;
        cpu[id] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore;
      }, "replay-" + t);
    }
    long start = System.nanoTime();
    for (Thread w : workers) {
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    long nanos = System.nanoTime() - start;
    return new Result(nanos, Arrays.stream(cpu).sum(), Arrays.stream(matches).sum(), Arrays.stream(allocated).sum());
  }

  /** Every .evtx file below the folder, decoded with the reader's defaults (recovery on). */
  private static List<Event> decode(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".evtx"))
          .sorted().toList();
    }
    List<Event> events = new ArrayList<>();
    for (Path file : files) {
      SourceFile source = SourceFile.of(dir.relativize(file).toString().replace('\\', '/'), LogType.WINDOWS_EVENT);
      try (InputStream in = Files.newInputStream(file);
          EvtxReader reader = EvtxReader.open(in, source, DiagnosticSink.ignoring(), EvtxOptions.defaults())) {
        for (Event e = reader.next(); e != null; e = reader.next()) {
          events.add(e);
        }
      }
    }
    return events;
  }

  /** One line per (event, matching rule), in event order: to check that changes keep results. */
  private static void dumpMatches(CompiledRuleSet rules, Event[] events, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (Event e : events) {
        List<CompiledRule> hits = new ArrayList<>();
        rules.match(e, hits::add);
        for (CompiledRule r : hits) {
          w.write(e.source().path() + "#" + e.recordId() + "\t" + r.rule().metadata().reference() + "\n");
        }
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long gcCount() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }
}
