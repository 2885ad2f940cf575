package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import io.tidemark.engine.Detection;
import io.tidemark.engine.EventObserver;
import io.tidemark.engine.LogCoverage;
import io.tidemark.event.Event;
import io.tidemark.event.LogType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How far the attacker reached: credential misuse, attacker activity groups, the mailbox
 * exposure ledger, coverage and blind spots. It starts from the hunt's detections and the logons
 * and cmdlets the hunt parsed (through {@link Session#observer()}), then reads the web and mail
 * logs once more, parsing only the lines that name the attacker's addresses or accounts. It
 * keeps small keyed facts, never whole events, and reasons in event time only, so the same
 * evidence always gives the same answer.
 */
public final class DamageAssessor {
  private final DamageConfig config;
  private final IndicatorFields fields;
  private final GeoLookup geo;

  private DamageAssessor(DamageConfig config, IndicatorFields fields, GeoLookup geo) {
    this.config = config;
    this.fields = fields;
    this.geo = geo;
  }

  /** An assessor with the bundled thresholds and operation table, without geolocation. */
  public static DamageAssessor create() {
    return create(GeoLookup.NONE);
  }

  /**
   * An assessor that also checks accounts for impossible travel and for networks and countries
   * new to them, with these databases.
   */
  public static DamageAssessor create(GeoLookup geo) {
    return new DamageAssessor(DamageConfig.load(), IndicatorFields.load(),
        requireNonNull(geo, "geo"));
  }

  /** One scan's analysis: give {@link Session#observer()} to the hunter, then assess. */
  public Session session() {
    return new Session();
  }

  /**
   * Assesses without a hunt observer: the logons and cmdlets are read from the evidence too.
   *
   * @param evidence the same arguments the hunt read
   * @param detections every detection of the hunt
   * @param coverage the hunt's log coverage
   * @param threads worker threads for the re-read
   */
  public Damage assess(List<Path> evidence, List<Detection> detections,
      List<LogCoverage> coverage, int threads) {
    return run(evidence, detections, coverage, threads, null);
  }

  private Damage run(List<Path> evidence, List<Detection> detections, List<LogCoverage> coverage,
      int threads, @Nullable List<Fact> observed) {
    requireNonNull(evidence, "evidence");
    requireNonNull(detections, "detections");
    requireNonNull(coverage, "coverage");
    return new DamageAnalysis(config, fields, threads, geo).run(evidence, detections, coverage,
        observed);
  }

  /** The state of one scan: the facts the hunt handed over. */
  public final class Session {
    private final List<Fact> observed = new ArrayList<>();
    private boolean used;
    private final FactExtractor extractor = new FactExtractor();

    private Session() {}

    /** For {@code Hunter.Builder.observer}: keeps the logons and cmdlets the hunt parses. */
    public EventObserver<?> observer() {
      return new EventObserver<Fact>() {
        @Override
        public Set<LogType> logTypes() {
          return FactExtractor.OBSERVED;
        }

        @Override
        public void extract(Event event, @Nullable String host, Consumer<Fact> out) {
          extractor.extract(event, host, out);
        }

        @Override
        public void accept(List<Fact> facts) {
          used = true;
          observed.addAll(facts);
        }
      };
    }

    /**
     * Assesses the hunt that ran with {@link #observer()}; the arguments as for {@link
     * DamageAssessor#assess}.
     */
    public Damage assess(List<Path> evidence, List<Detection> detections,
        List<LogCoverage> coverage, int threads) {
      return run(evidence, detections, coverage, threads, used ? observed : null);
    }
  }
}
