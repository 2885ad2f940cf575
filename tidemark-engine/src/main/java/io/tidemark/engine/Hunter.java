package io.tidemark.engine;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.LogType;
import io.tidemark.event.TidemarkException;
import io.tidemark.sigma.correlation.CorrelationMatch;
import io.tidemark.sigma.correlation.InMemoryCorrelationStore;
import io.tidemark.source.EvidenceUnit;
import io.tidemark.source.FileRecord;
import io.tidemark.source.Intake;
import io.tidemark.source.IntakeOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Runs a rule pack over evidence: reads every unit (in parallel), matches each event, reports
 * detections in a deterministic order (unit by unit, then correlations by time), and returns what
 * was read. A hunter is immutable; each {@link #hunt} call keeps its state in a {@link HuntRun}.
 */
public final class Hunter {
  private final RulePack rules;
  private final IntakeOptions intakeOptions;
  private final int threads;
  private final DiagnosticSink diagnostics;
  private final HuntProgress progress;
  private final boolean prefilter;
  private final @org.jspecify.annotations.Nullable EventObserver<?> observer;

  private Hunter(Builder b) {
    this.rules = requireNonNull(b.rules, "rules");
    this.intakeOptions = b.intakeOptions;
    this.threads = b.threads;
    this.diagnostics = b.diagnostics;
    this.progress = b.progress;
    this.prefilter = b.prefilter;
    this.observer = b.observer;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Hunts through the evidence. {@code listener} is called on the calling thread, in a
   * deterministic order: every unit's detections in plan order, then correlation detections in
   * time order.
   */
  public HuntResult hunt(List<Path> evidence, DetectionListener listener) {
    long started = System.nanoTime();
    Intake intake = Intake.create(intakeOptions, diagnostics, progress);
    List<EvidenceUnit> units = intake.plan(evidence);
    HuntRun run = new HuntRun(rules, progress, prefilter, observer);

    // 1. read and match units in parallel, report each unit's detections in plan order
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    long detections = 0;
    try {
      // Largest units start first, so that no big file is left for the end while the other
      // threads idle; results are still taken in plan order.
      List<CompletableFuture<UnitResult>> futures = new ArrayList<>(units.size());
      for (int i = 0; i < units.size(); i++) {
        futures.add(new CompletableFuture<>());
      }
      for (int i : largestFirst(units)) {
        EvidenceUnit unit = units.get(i);
        CompletableFuture<UnitResult> future = futures.get(i);
        pool.execute(() -> {
          try {
            future.complete(run.read(intake, unit));
          } catch (Throwable t) {
            future.completeExceptionally(t);
          }
        });
      }
      for (CompletableFuture<UnitResult> future : futures) {
        UnitResult result = run.absorb(join(future));
        if (observer != null) {
          deliver(observer, result.observed());
        }
        for (Detection d : result.detections()) {
          listener.onDetection(d);
          detections++;
        }
      }
    } finally {
      pool.shutdownNow();
    }

    // 2. correlations, fed in event-time order so the result never depends on thread timing
    InMemoryCorrelationStore store = new InMemoryCorrelationStore();
    List<CorrelationMatch> matches = new ArrayList<>();
    for (HuntRun.Pending p : run.pendingInTimeOrder()) {
      matches.addAll(rules.correlations().offer(p.rule(), p.event(), store));
    }
    matches.addAll(rules.correlations().expire(Instant.MAX, store));
    for (CorrelationMatch match : HuntRun.inTimeOrder(matches)) {
      listener.onDetection(run.toDetection(match));
      detections++;
    }

    // 3. what was read, and what the rules could have used but did not see
    Set<LogType> idle = EnumSet.noneOf(LogType.class);
    idle.addAll(rules.rules().logTypes());
    run.coverage().forEach(c -> idle.remove(c.logType()));
    return new HuntResult(
        run.files(),
        run.coverage(),
        run.events(),
        run.bytes(),
        detections,
        Duration.ofNanos(System.nanoTime() - started),
        rules.problems(),
        idle);
  }

  @SuppressWarnings("unchecked")
  private static <F> void deliver(EventObserver<F> observer, List<?> facts) {
    observer.accept((List<F>) facts);
  }

  /** Indexes of the units, largest first; equal sizes keep plan order. */
  static int[] largestFirst(List<EvidenceUnit> units) {
    return IntStream.range(0, units.size()).boxed()
        .sorted(Comparator.comparingLong((Integer i) -> units.get(i).size()).reversed())
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static UnitResult join(CompletableFuture<UnitResult> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new TidemarkException("reading evidence failed: " + cause, null, cause);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "tidemark-hunt-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Receives detections; called on the thread that called {@link #hunt}. */
  @FunctionalInterface
  public interface DetectionListener {
    void onDetection(Detection detection);
  }

  /**
   * What one unit gave: its detections and inputs, merged by the calling thread in order.
   *
   * @param coverage one tally per file, by path
   * @param ual the audit-log records it analysed, for counting each record Id once
   */
  record UnitResult(
      List<Detection> detections,
      List<FileRecord> files,
      List<HuntRun.Pending> pending,
      Map<String, CoverageTally> coverage,
      long events,
      long bytes,
      List<?> observed,
      UalDedup.Unit ual) {}

  /** Options for a {@link Hunter}; only the rules are required. */
  public static final class Builder {
    private @org.jspecify.annotations.Nullable RulePack rules;
    private IntakeOptions intakeOptions = IntakeOptions.defaults().withHashFiles(false);
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private DiagnosticSink diagnostics = DiagnosticSink.ignoring();
    private HuntProgress progress = HuntProgress.none();
    private boolean prefilter = true;
    private @org.jspecify.annotations.Nullable EventObserver<?> observer;

    private Builder() {}

    public Builder rules(RulePack rules) {
      this.rules = requireNonNull(rules, "rules");
      return this;
    }

    /** Intake limits; hashing is off by default ({@code scan} turns it on for the manifest). */
    public Builder intakeOptions(IntakeOptions options) {
      this.intakeOptions = requireNonNull(options, "options");
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    public Builder diagnostics(DiagnosticSink diagnostics) {
      this.diagnostics = requireNonNull(diagnostics, "diagnostics");
      return this;
    }

    public Builder progress(HuntProgress progress) {
      this.progress = requireNonNull(progress, "progress");
      return this;
    }

    /**
     * Whether text-log lines that contain no literal any rule needs are counted instead of parsed
     * (default on). Detections are the same either way; off is for measuring and for proving that.
     */
    public Builder prefilter(boolean on) {
      this.prefilter = on;
      return this;
    }

    /** Lets an observer see the events the hunt parses (see {@link EventObserver}). */
    public Builder observer(EventObserver<?> observer) {
      this.observer = requireNonNull(observer, "observer");
      return this;
    }

    public Hunter build() {
      return new Hunter(this);
    }
  }
}
