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
        reader.observed);
  }

  /** Merges a unit's results; called on the hunting thread in plan order. */
  void absorb(Hunter.UnitResult result) {
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
    for (CoverageTally t : result.coverage()) {
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
    final List<CoverageTally> tallies = new ArrayList<>();
    final List<Object> observed = new ArrayList<>();
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
        if (observe) {
          observer.extract(e, host, observed::add);
        }
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
        tallies.add(current);
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
