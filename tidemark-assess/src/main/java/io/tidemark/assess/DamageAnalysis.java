package io.tidemark.assess;

import io.tidemark.engine.Detection;
import io.tidemark.engine.EventSweep;
import io.tidemark.engine.EvidenceRef;
import io.tidemark.engine.LogCoverage;
import io.tidemark.event.LogType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One damage analysis: seeds from the detections, the logons and cmdlets the hunt saw, a
 * targeted sweep of the web and mail logs for the attacker's addresses and accounts (a second
 * one only when the first finds a new compromised account), then credential misuse,
 * attribution, the exposure ledger, coverage and what was unusual for each account, all over
 * facts in event-time order.
 */
final class DamageAnalysis {
  /** Evidence references kept per claim. */
  static final int EVIDENCE = 20;
  /** Accounts listed as unaffected at most; the rest are counted in the reason of the last. */
  static final int MAX_UNAFFECTED = 200;
  private static final Set<LogType> WEB = Set.of(LogType.EXCHANGE_HTTPPROXY,
      LogType.EXCHANGE_EWS, LogType.IIS_W3C, LogType.EXCHANGE_MESSAGE_TRACKING);
  static final Comparator<Fact> EVENT_ORDER = Comparator.comparing(Fact::time)
      .thenComparing(f -> f.ref().source()).thenComparingLong(f -> f.ref().recordId());

  private final DamageConfig config;
  private final IndicatorFields fields;
  private final int threads;
  private final Identities ids;
  private final GeoLookup geo;

  DamageAnalysis(DamageConfig config, IndicatorFields fields, int threads, GeoLookup geo) {
    this.config = config;
    this.fields = fields;
    this.threads = threads;
    this.ids = new Identities(config);
    this.geo = geo;
  }

  /**
   * @param observed the facts of Windows events and cmdlet-log records the hunt already parsed,
   *     or null when the hunt had no observer (they are then read here)
   */
  Damage run(List<Path> evidence, List<Detection> detections, List<LogCoverage> coverage,
      @Nullable List<Fact> observed) {
    Seeds seeds = Seeds.from(detections, fields, ids);
    Map<String, Fact> facts = new LinkedHashMap<>();
    List<String> skip = new ArrayList<>(config.skipAlways());
    if (observed == null) {
      sweep(evidence, Set.of(), true, facts, skip);
    } else {
      skip.addAll(config.skipObserved());
      observed.forEach(f -> facts.putIfAbsent(key(f), f));
    }
    // Logons alone already name spray sources and the accounts they broke into; the web logs
    // are then read once for all of them.
    Attribution attribution = attribute(facts, seeds);
    Set<String> literals = literals(attribution.ips.keySet(), attribution.compromised.keySet(),
        seeds.forwardTargets);
    sweep(evidence, literals, false, facts, skip);
    attribution = attribute(facts, seeds);
    // An account found only now needs its owner's history read too.
    Set<String> more = literals(Set.of(), attribution.compromised.keySet(), Set.of());
    more.removeAll(literals);
    if (!more.isEmpty()) {
      sweep(evidence, more, false, facts, skip);
      attribution = attribute(facts, seeds);
    }
    List<Fact> ordered = ordered(facts);
    List<AttackerGroup> groups = attribution.groups(ordered);
    List<Exposure> exposure =
        new ExposureLedger(config, ids, attribution, seeds, detections).build(ordered);
    CoverageReport cover = new CoverageReport(coverage, groups, exposure);
    NoveltyAnalysis novelty = new NoveltyAnalysis(config, ids, geo);
    Map<String, List<Anomaly>> anomalies = novelty.run(ordered);
    List<BlindSpot> blindSpots = new ArrayList<>(cover.blindSpots());
    if (geo == GeoLookup.NONE && novelty.hadPublicUse()) {
      blindSpots.add(new BlindSpot("no-geoip", null, "No geolocation database was given "
          + "(--geoip), so accounts were not checked for impossible travel or for networks and "
          + "countries new to them; addresses, clients and ActiveSync devices were."));
    }
    return new Damage(attribution.accounts(ordered, anomalies), groups, exposure,
        cover.sources(), blindSpots);
  }

  private static String key(Fact f) {
    return f.ref().source() + "#" + f.ref().recordId();
  }

  private Attribution attribute(Map<String, Fact> facts, Seeds seeds) {
    List<Fact> ordered = ordered(facts);
    CredentialAnalysis credentials = new CredentialAnalysis(config, ids).run(ordered);
    return new Attribution(config, ids, seeds, credentials).run(ordered);
  }

  private static List<Fact> ordered(Map<String, Fact> facts) {
    List<Fact> list = new ArrayList<>(facts.values());
    list.sort(EVENT_ORDER);
    return list;
  }

  /** Strings a line must contain to concern these addresses, accounts or mail recipients. */
  private static Set<String> literals(Set<String> ips, Set<String> accounts, Set<String> mail) {
    Set<String> out = new TreeSet<>();
    out.addAll(ips);
    for (String key : accounts) {
      out.add("\\" + key);
      out.add(key + "@");
      out.add("/" + key);
    }
    out.addAll(mail);
    return out;
  }

  /**
   * Reads the web and mail logs for lines with the literals; on the first sweep also every
   * Security and MSExchange Management event and the cmdlet log, which hold the logons and
   * cmdlets whatever the address.
   */
  private void sweep(List<Path> evidence, Set<String> literals, boolean logonsAndCmdlets,
      Map<String, Fact> facts, List<String> skip) {
    Map<LogType, Set<String>> plan = new EnumMap<>(LogType.class);
    if (!literals.isEmpty()) {
      for (LogType type : WEB) {
        plan.put(type, literals);
      }
    }
    if (logonsAndCmdlets) {
      for (LogType type : FactExtractor.OBSERVED) {
        plan.put(type, Set.of());
      }
    }
    if (plan.isEmpty()) {
      return;
    }
    for (Fact f : EventSweep.of(plan, threads).skipping(skip)
        .run(evidence, new FactExtractor())) {
      facts.putIfAbsent(key(f), f);
    }
  }

  /** Keeps the first {@link #EVIDENCE} distinct references. */
  static void addRef(List<EvidenceRef> refs, EvidenceRef ref) {
    if (refs.size() < EVIDENCE && !refs.contains(ref)) {
      refs.add(ref);
    }
  }

  static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
