package io.tidemark.engine;

import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import io.tidemark.event.SourceFile;
import io.tidemark.sigma.compile.CompiledRule;
import io.tidemark.sigma.correlation.CorrelationMatch;
import io.tidemark.sigma.correlation.EventRef;
import io.tidemark.source.EventStream;
import io.tidemark.source.EvidenceUnit;
import io.tidemark.source.FileConsumer;
import io.tidemark.source.FileRecord;
import io.tidemark.source.FilteredRecords;
import io.tidemark.source.Intake;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The state of one hunt. Workers fill a {@link Hunter.UnitResult} per unit without sharing
 * anything; the calling thread absorbs results in plan order, so no field here needs a lock.
 */
final class HuntRun {
  private static final Comparator<Pending> TIME_ORDER =
      Comparator.comparing((Pending p) -> p.event().timestamp(),
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(p -> p.event().source().path())
          .thenComparingLong(p -> p.event().recordId())
          .thenComparingLong(Pending::sequence);

  private final RulePack rules;
  private final HuntProgress progress;
  private final boolean prefilter;
  private final @Nullable EventObserver<?> observer;
  private final List<FileRecord> files = new ArrayList<>();
  private final List<Pending> pending = new ArrayList<>();
  private final List<CoverageTally> coverage = new ArrayList<>();
  private final Map<String, SourceFile> sources = new HashMap<>();
  private final Map<String, String> hosts = new HashMap<>();
  private final Map<String, Event> pendingEvents = new HashMap<>();
  private final UalDedup ual = new UalDedup();
  private long events;
  private long bytes;

  HuntRun(RulePack rules, HuntProgress progress, boolean prefilter,
      @Nullable EventObserver<?> observer) {
    this.rules = rules;
    this.progress = progress;
    this.prefilter = prefilter;
    this.observer = observer;
  }

  /** A base-rule match kept for the correlations, which run after every unit is read. */
  record Pending(CompiledRule rule, Event event, @Nullable String host, long sequence) {}

  /** Reads one unit on a worker thread. */
  Hunter.UnitResult read(Intake intake, EvidenceUnit unit) {
    UnitReader reader = new UnitReader(unit);
    intake.read(unit, reader);
    return new Hunter.UnitResult(
        reader.detections, reader.files, reader.pending, reader.tallies, reader.events, unit.size(),
        reader.observed, reader.ual);
  }

  /**
   * Merges a unit's results; called on the hunting thread in plan order. Returns what the unit
   * keeps: its results without the audit-log records an earlier unit already had.
   */
  Hunter.UnitResult absorb(Hunter.UnitResult unitResult) {
    Hunter.UnitResult result = withoutRepeats(unitResult, ual.merge(unitResult.ual()));
    files.addAll(result.files());
    bytes += result.bytes();
    events += result.events();
    for (Pending p : result.pending()) {
      pending.add(new Pending(p.rule(), p.event(), p.host(), pending.size()));
      sources.putIfAbsent(p.event().source().path(), p.event().source());
      pendingEvents.putIfAbsent(key(p.event().source().path(), p.event().recordId()), p.event());
      if (p.host() != null) {
        hosts.putIfAbsent(p.event().source().path(), p.host());
      }
    }
    for (CoverageTally t : result.coverage().values()) {
      CoverageTally same = null;
      for (CoverageTally c : coverage) {
        if (c.sameKey(t)) {
          same = c;
          break;
        }
      }
      if (same == null) {
        coverage.add(t);
      } else {
        same.add(t);
      }
    }
    return result;
  }

  /**
   * A unit's results without the copies of audit-log records seen before (see {@link
   * UalDedup}): their detections, correlation inputs and facts go, and their files count them
   * as skipped instead of read.
   */
  private static Hunter.UnitResult withoutRepeats(Hunter.UnitResult r,
      UalDedup.Repeats repeats) {
    if (repeats.isEmpty()) {
      return r;
    }
    List<Detection> detections = new ArrayList<>();
    for (Detection d : r.detections()) {
      if (!repeats.contains(d.source(), d.recordId())) {
        detections.add(d);
      }
    }
    List<Pending> pending = new ArrayList<>();
    for (Pending p : r.pending()) {
      if (!repeats.contains(p.event().source().path(), p.event().recordId())) {
        pending.add(p);
      }
    }
    List<FileRecord> files = new ArrayList<>();
    for (FileRecord f : r.files()) {
      Long n = repeats.counts().get(f.path());
      files.add(n == null ? f : skipped(f, n));
    }
    repeats.counts().forEach((path, n) -> {
      CoverageTally tally = r.coverage().get(path);
      if (tally != null) {
        tally.records -= n;
        tally.skipped += n;
      }
    });
    return new Hunter.UnitResult(detections, files, pending, r.coverage(),
        r.events() - repeats.total(), r.bytes(), repeats.withoutFacts(r.observed()), r.ual());
  }

  private static FileRecord skipped(FileRecord f, long n) {
    Map<String, Long> reasons = new HashMap<>(f.skippedByReason());
    reasons.merge(UalDedup.CODE, n, Long::sum);
    List<String> notes = new ArrayList<>(f.notes());
    notes.add(String.format(java.util.Locale.ROOT, "%d record%s repeat%s the Id of a record an "
        + "earlier file of this run holds (overlapping exports): skipped as %s, each Id counts "
        + "once, where it comes first in plan order", n, n == 1 ? "" : "s", n == 1 ? "s" : "",
        UalDedup.CODE));
    return new FileRecord(f.path(), f.host(), f.size(), f.sha256(), f.modified(), f.format(),
        f.logType(), Math.max(0, f.recordsRead() - n), f.recordsSkipped() + n, reasons, notes);
  }

  List<Pending> pendingInTimeOrder() {
    List<Pending> sorted = new ArrayList<>(pending);
    sorted.sort(TIME_ORDER);
    return sorted;
  }

  static List<CorrelationMatch> inTimeOrder(List<CorrelationMatch> matches) {
    List<CorrelationMatch> sorted = new ArrayList<>(matches);
    sorted.sort(Comparator.comparing(CorrelationMatch::last)
        .thenComparing(m -> m.correlation().metadata().reference()));
    return sorted;
  }

  /** A correlation match as a detection, pointing at the event that completed it. */
  Detection toDetection(CorrelationMatch match) {
    List<EvidenceRef> evidence = new ArrayList<>();
    for (EventRef ref : match.events()) {
      evidence.add(new EvidenceRef(ref.source(), ref.recordId(), ref.timestamp()));
    }
    EventRef last = match.events().isEmpty() ? null : match.events().get(match.events().size() - 1);
    String source = last == null ? "-" : last.source();
    SourceFile file = sources.get(source);
    // The completing event's own fields (for spray-then-success: the successful logon, which
    // names the account), then what the correlation measured.
    Event completing = last == null ? null : pendingEvents.get(key(last.source(), last.recordId()));
    Map<String, Object> fields = completing == null ? new LinkedHashMap<>() : fieldsOf(completing);
    match.group().forEach(fields::putIfAbsent);
    fields.put("correlation.type", match.correlation().type().toString());
    fields.put("correlation.value", formatValue(match.value()));
    fields.put("correlation.event_count", Long.toString(match.eventCount()));
    fields.put("correlation.first", match.first().toString());
    fields.put("correlation.last", match.last().toString());
    return new Detection(
        Detection.Kind.CORRELATION,
        rules.info(match.correlation()),
        match.last(),
        source,
        last == null ? 0 : last.recordId(),
        hosts.get(source),
        file == null ? LogType.WINDOWS_EVENT : file.logType(),
        fields,
        evidence,
        match.group());
  }

  private static String key(String source, long recordId) {
    return source + "#" + recordId;
  }

  private static String formatValue(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value)
        ? Long.toString((long) value) : Double.toString(value);
  }

  List<FileRecord> files() {
    return files;
  }

  List<LogCoverage> coverage() {
    List<LogCoverage> out = new ArrayList<>();
    for (CoverageTally t : coverage) {
      out.add(t.toCoverage());
    }
    return out;
  }

  long events() {
    return events;
  }

  long bytes() {
    return bytes;
  }

  /** Reads the files of one unit; lives on one worker thread. */
  private final class UnitReader implements FileConsumer {
    private final EvidenceUnit unit;
    final List<Detection> detections = new ArrayList<>();
    final List<FileRecord> files = new ArrayList<>();
    final List<Pending> pending = new ArrayList<>();
    final Map<String, CoverageTally> tallies = new LinkedHashMap<>();
    final List<Object> observed = new ArrayList<>();
    final UalDedup.Unit ual = new UalDedup.Unit();
    long events;
    private @Nullable CoverageTally current;
    private @Nullable String currentPath;

    UnitReader(EvidenceUnit unit) {
      this.unit = unit;
    }

    @Override
    public void onFile(SourceFile source, EventStream stream) {
      String host = source.host() != null ? source.host() : unit.argumentName();
      CoverageTally tally =
          new CoverageTally(host, source.logType(), source.protocol(), source.role());
      tally.files = 1;
      current = tally;
      currentPath = source.path();
      LiteralFilter filter = prefilter ? rules.prefilter(source.logType()) : null;
      if (filter != null) {
        stream.filter(filter);
      }
      long count = 0;
      boolean observe = observer != null && observer.logTypes().contains(source.logType());
      Event event;
      while ((event = stream.next()) != null) {
        count++;
        tally.see(event.timestamp());
        Event e = event;
        rules.rules().match(e, rule -> onMatch(rule, e, host));
        int factsFrom = observed.size();
        if (observe) {
          observer.extract(e, host, observed::add);
        }
        ual.add(e, factsFrom, observed.size());
        if ((count & 0xFFF) == 0) {
          progress.onEvents(0x1000);
        }
      }
      // Records the filter let the reader pass over still count, with their times.
      FilteredRecords filtered = stream.filtered();
      progress.onEvents((count & 0xFFF) + filtered.count());
      count += filtered.count();
      tally.see(filtered.earliest());
      tally.see(filtered.latest());
      tally.endFile();
      tally.records = count;
      events += count;
    }

    private void onMatch(CompiledRule rule, Event event, @Nullable String host) {
      if (rules.correlations().uses(rule)) {
        pending.add(new Pending(rule, event, host, 0));
      }
      if (rules.correlations().reportsStandalone(rule)) {
        detections.add(new Detection(
            Detection.Kind.RULE,
            rules.info(rule),
            event.timestamp(),
            event.source().path(),
            event.recordId(),
            host,
            event.source().logType(),
            fieldsOf(event),
            List.of(new EvidenceRef(event.source().path(), event.recordId(), event.timestamp())),
            Map.of()));
      }
    }

    @Override
    public void onFileDone(FileRecord record) {
      files.add(record);
      progress.onFile(record);
      if (current != null && record.path().equals(currentPath)) {
        current.skipped = record.recordsSkipped();
        tallies.put(record.path(), current);
      }
      current = null;
      currentPath = null;
    }
  }

  /** An event's fields in record order: strings, lists for multi-valued fields, null for none. */
  static Map<String, Object> fieldsOf(Event event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String name : event.fieldNames()) {
      List<String> values = event.getAll(name);
      fields.put(name, values.size() > 1 ? List.copyOf(values) : event.get(name));
    }
    return fields;
  }
}
