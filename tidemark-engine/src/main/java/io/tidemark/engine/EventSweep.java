package io.tidemark.engine;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import io.tidemark.event.TidemarkException;
import io.tidemark.sigma.compile.LiteralScanner;
import io.tidemark.source.EventStream;
import io.tidemark.source.EvidenceUnit;
import io.tidemark.source.FileConsumer;
import io.tidemark.source.FileRecord;
import io.tidemark.source.Intake;
import io.tidemark.source.IntakeOptions;
import io.tidemark.source.text.RecordFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A second, targeted read of the evidence for analyses that need records no rule matched (the
 * damage assessment follows an attacker's addresses and accounts through every web log). Only
 * the chosen log types are parsed, and of their text logs only the lines that contain one of
 * the given literals; the extractor turns each event into small facts on the worker threads, so
 * no event outlives its file. Facts come back in plan order, then file order: the same evidence
 * always gives the same list.
 */
public final class EventSweep {
  private final Map<LogType, Set<String>> literals;
  private final int threads;
  private final List<String> skipped;

  private EventSweep(Map<LogType, Set<String>> literals, int threads, List<String> skipped) {
    this.literals = literals;
    this.threads = threads;
    this.skipped = skipped;
  }

  /**
   * A sweep of these log types.
   *
   * @param literals per log type, the strings (case-insensitive) of which a text-log line must
   *     contain one to be parsed; an empty set parses every record of the type. Windows event
   *     records are always parsed (their readers cannot filter raw bytes).
   */
  public static EventSweep of(Map<LogType, Set<String>> literals, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    Map<LogType, Set<String>> copy = new EnumMap<>(LogType.class);
    literals.forEach((type, values) -> {
      Set<String> folded = new HashSet<>();
      for (String v : values) {
        if (v != null && !v.isBlank()) {
          folded.add(v.toLowerCase(Locale.ROOT));
        }
      }
      copy.put(requireNonNull(type, "type"), Set.copyOf(folded));
    });
    return new EventSweep(Collections.unmodifiableMap(copy), threads, List.of());
  }

  /**
   * This sweep, leaving unread the evidence units (files, or whole archives) whose path below
   * the argument contains one of these fragments (case-insensitive, {@code /} separators), e.g.
   * {@code /logging/httpproxy/mapi/}: the intake would otherwise read every byte of them just to
   * count their records.
   */
  public EventSweep skipping(List<String> pathFragments) {
    List<String> folded = new ArrayList<>();
    for (String f : pathFragments) {
      if (f != null && !f.isBlank()) {
        folded.add(f.toLowerCase(Locale.ROOT));
      }
    }
    return new EventSweep(literals, threads, List.copyOf(folded));
  }

  private boolean skips(EvidenceUnit unit) {
    String path = ("/" + unit.path().replace('\\', '/')).toLowerCase(Locale.ROOT);
    for (String fragment : skipped) {
      if (path.contains(fragment)) {
        return true;
      }
    }
    return false;
  }

  /** Turns one event into facts; called on worker threads, so it must keep no state. */
  @FunctionalInterface
  public interface Extractor<F> {
    /**
     * @param host the server the evidence belongs to, or null when unknown
     */
    void extract(Event event, @Nullable String host, Consumer<F> out);
  }

  /** Reads the evidence and returns every fact the extractor gave, in a deterministic order. */
  public <F> List<F> run(List<Path> evidence, Extractor<F> extractor) {
    requireNonNull(extractor, "extractor");
    if (literals.isEmpty()) {
      return List.of();
    }
    Intake intake = Intake.create(IntakeOptions.defaults().withHashFiles(false),
        DiagnosticSink.ignoring(), HuntProgress.none());
    List<EvidenceUnit> units = intake.plan(evidence);
    Map<LogType, RecordFilter> filters = new EnumMap<>(LogType.class);
    literals.forEach((type, values) -> {
      if (!values.isEmpty() && type != LogType.WINDOWS_EVENT) {
        filters.put(type, new Literals(LiteralScanner.of(values)));
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "tidemark-sweep");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<UnitFacts<F>>> futures = new ArrayList<>();
      for (EvidenceUnit unit : units) {
        if (skips(unit)) {
          continue;
        }
        futures.add(pool.submit(() -> {
          List<F> facts = new ArrayList<>();
          UalDedup.Unit ual = new UalDedup.Unit();
          intake.read(unit, new FileConsumer() {
            @Override
            public void onFile(SourceFile source, EventStream stream) {
              if (!literals.containsKey(source.logType())) {
                return;
              }
              RecordFilter filter = filters.get(source.logType());
              if (filter != null) {
                stream.filter(filter);
              }
              String host = source.host() != null ? source.host() : unit.argumentName();
              Event event;
              while ((event = stream.next()) != null) {
                int from = facts.size();
                extractor.extract(event, host, facts::add);
                ual.add(event, from, facts.size());
              }
            }

            @Override
            public void onFileDone(FileRecord record) {}
          });
          return new UnitFacts<>(facts, ual);
        }));
      }
      // Each audit-log record counts once, as in the hunt: the first copy in plan order.
      UalDedup dedup = new UalDedup();
      List<F> all = new ArrayList<>();
      for (Future<UnitFacts<F>> f : futures) {
        UnitFacts<F> unit = join(f);
        all.addAll(dedup.merge(unit.ual()).withoutFacts(unit.facts()));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  private record UnitFacts<F>(List<F> facts, UalDedup.Unit ual) {}

  private static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TidemarkException("the evidence sweep was interrupted", null, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new TidemarkException("reading evidence failed: " + cause, null, cause);
    }
  }

  /** Lines that spell one of the literals anywhere. */
  private record Literals(LiteralScanner scanner) implements RecordFilter {
    @Override
    public boolean mayMatch(byte[] bytes, int from, int to) {
      return scanner.find(bytes, from, to);
    }

    @Override
    public boolean contains(char c) {
      return scanner.contains(c);
    }
  }
}
