package io.tidemark.assess;

import io.tidemark.engine.Detection;
import io.tidemark.engine.EvidenceRef;
import io.tidemark.engine.LogCoverage;
import io.tidemark.engine.RuleInfo;
import io.tidemark.event.LogType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns a run's detections and log coverage into one verdict per server. The rules decide what a
 * detection means (level, {@code tidemark.stage}, {@code tidemark.outcome}); the assessor only
 * groups, orders and applies the verdict ladder, so the reasoning stays auditable.
 */
public final class Assessor {
  /** Evidence lines kept per finding; {@link Finding#count()} says how many there were. */
  static final int EVIDENCE_PER_FINDING = 20;

  static final int INDICATORS_PER_FINDING = 20;
  /** Without front-door web logs nothing can be said about ProxyLogon-class attacks. */
  private static final Set<LogType> FRONT_DOOR =
      EnumSet.of(LogType.IIS_W3C, LogType.EXCHANGE_HTTPPROXY);

  static final String UNKNOWN_HOST = "unknown";

  private final IndicatorFields indicators;

  private Assessor(IndicatorFields indicators) {
    this.indicators = indicators;
  }

  /** An assessor with the bundled indicator-field table. */
  public static Assessor create() {
    return new Assessor(IndicatorFields.load());
  }

  /** Assesses every server that appears in the detections or the coverage. */
  public Assessment assess(List<Detection> detections, List<LogCoverage> coverage) {
    // 1. group detections and coverage by server
    Map<String, List<Detection>> byHost = new TreeMap<>();
    Map<String, List<LogCoverage>> coverageByHost = new TreeMap<>();
    for (LogCoverage c : coverage) {
      coverageByHost.computeIfAbsent(hostOf(c.host()), k -> new ArrayList<>()).add(c);
    }
    for (Detection d : detections) {
      byHost.computeIfAbsent(hostOf(d.host()), k -> new ArrayList<>()).add(d);
    }
    Set<String> hosts = new TreeSet<>(byHost.keySet());
    hosts.addAll(coverageByHost.keySet());

    // 2. assess each server on its own evidence
    List<ServerAssessment> servers = new ArrayList<>();
    for (String host : hosts) {
      servers.add(
          assessServer(
              host,
              byHost.getOrDefault(host, List.of()),
              coverageByHost.getOrDefault(host, List.of())));
    }
    if (servers.isEmpty()) {
      return new Assessment(
          Verdict.INSUFFICIENT_EVIDENCE, "The evidence held no log Tidemark can read.", servers);
    }

    // 3. the run's verdict is its worst server's
    ServerAssessment worst =
        servers.stream().max(Comparator.comparingInt(s -> s.verdict().severity())).orElseThrow();
    String reason =
        servers.size() == 1 ? worst.reason() : worst.host() + ": " + worst.reason();
    return new Assessment(worst.verdict(), reason, servers);
  }

  private static String hostOf(@Nullable String host) {
    return host == null || host.isBlank() ? UNKNOWN_HOST : host;
  }

  private ServerAssessment assessServer(
      String host, List<Detection> detections, List<LogCoverage> coverage) {
    List<Finding> findings = findings(host, detections);
    List<Finding> proofs = findings.stream().filter(Finding::provesCompromise).toList();
    List<Finding> serious = findings.stream().filter(f -> f.level().atLeast(Level.HIGH)).toList();
    List<Finding> review = findings.stream().filter(f -> f.level() == Level.MEDIUM).toList();

    Instant since = earliest(serious);
    List<String> attackerIps = merged(serious, Finding::sourceIps);
    List<String> accounts = merged(proofs, Finding::accounts);

    Verdict verdict;
    String reason;
    if (!proofs.isEmpty()) {
      verdict = Verdict.COMPROMISED;
      reason = Narrative.compromised(proofs);
    } else if (!serious.isEmpty()) {
      verdict = Verdict.EXPLOITATION_ATTEMPTED;
      reason = Narrative.attempted(serious, attackerIps);
    } else if (!review.isEmpty()) {
      verdict = Verdict.SUSPICIOUS;
      reason = Narrative.suspicious(review);
    } else if (coverage.stream().noneMatch(c -> FRONT_DOOR.contains(c.logType()) && c.records() > 0)) {
      verdict = Verdict.INSUFFICIENT_EVIDENCE;
      reason = Narrative.insufficient(coverage);
    } else {
      verdict = Verdict.CLEAN;
      reason = Narrative.clean(coverage);
    }
    List<LogCoverage> sortedCoverage = new ArrayList<>(coverage);
    sortedCoverage.sort(
        Comparator.comparing((LogCoverage c) -> c.logType())
            .thenComparing(c -> c.protocol() == null ? "" : c.protocol())
            .thenComparing(LogCoverage::role));
    return new ServerAssessment(
        host,
        verdict,
        reason,
        since,
        attackerIps,
        accounts,
        Narrative.story(findings),
        findings,
        sortedCoverage);
  }

  /** One finding per rule, ordered by first sighting, then severity. */
  private List<Finding> findings(String host, List<Detection> detections) {
    Map<String, List<Detection>> byRule = new LinkedHashMap<>();
    for (Detection d : detections) {
      byRule.computeIfAbsent(d.rule().id(), k -> new ArrayList<>()).add(d);
    }
    List<Finding> findings = new ArrayList<>();
    for (List<Detection> group : byRule.values()) {
      findings.add(finding(host, group));
    }
    findings.sort(
        Comparator.comparing(
                (Finding f) -> f.firstSeen() == null ? Instant.MAX : f.firstSeen())
            .thenComparing(f -> -f.level().ordinal())
            .thenComparing(Finding::ruleId));
    return findings;
  }

  private Finding finding(String host, List<Detection> group) {
    group.sort(
        Comparator.comparing((Detection d) -> d.timestamp() == null ? Instant.MAX : d.timestamp())
            .thenComparing(Detection::source)
            .thenComparingLong(Detection::recordId));
    RuleInfo rule = group.get(0).rule();
    Level level = Level.of(rule.level());
    Map<String, Integer> ips = new HashMap<>();
    Map<String, Integer> accounts = new HashMap<>();
    List<EvidenceRef> evidence = new ArrayList<>();
    Instant first = null;
    Instant last = null;
    for (Detection d : group) {
      collectIndicators(d, ips, accounts);
      for (EvidenceRef ref : d.evidence()) {
        if (evidence.size() < EVIDENCE_PER_FINDING && !evidence.contains(ref)) {
          evidence.add(ref);
        }
      }
      if (d.timestamp() != null) {
        first = first == null || d.timestamp().isBefore(first) ? d.timestamp() : first;
        last = last == null || d.timestamp().isAfter(last) ? d.timestamp() : last;
      }
    }
    return new Finding(
        host,
        rule.id(),
        rule.title(),
        level,
        Stage.of(rule.tidemark("stage"), rule.tags()),
        Outcome.of(rule.tidemark("outcome"), level),
        rule.description(),
        cves(rule.tags()),
        rule.authors(),
        group.size(),
        first,
        last,
        topKeys(ips),
        topKeys(accounts),
        evidence);
  }

  private void collectIndicators(
      Detection d, Map<String, Integer> ips, Map<String, Integer> accounts) {
    List<String> server = new ArrayList<>();
    for (String field : indicators.serverIpFields(d.logType())) {
      String value = d.field(field);
      if (value != null) {
        server.add(value);
      }
    }
    for (String field : indicators.ipFields(d.logType())) {
      String value = d.field(field);
      if (!server.contains(value)) {
        count(ips, value);
      }
    }
    for (String field : indicators.accountFields(d.logType())) {
      count(accounts, d.field(field));
    }
    for (Map.Entry<String, String> g : d.group().entrySet()) {
      if (indicators.isIpField(g.getKey())) {
        count(ips, g.getValue());
      }
    }
  }

  private static void count(Map<String, Integer> counts, @Nullable String value) {
    if (value == null) {
      return;
    }
    String v = value.trim();
    if (v.isEmpty() || v.equals("-") || v.equals("127.0.0.1") || v.equals("::1")) {
      return;
    }
    counts.merge(v, 1, Integer::sum);
  }

  private static List<String> topKeys(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(INDICATORS_PER_FINDING)
        .map(Map.Entry::getKey)
        .collect(Collectors.toList());
  }

  static List<String> cves(List<String> tags) {
    List<String> cves = new ArrayList<>();
    for (String tag : tags) {
      String t = tag.toLowerCase(Locale.ROOT);
      if (t.startsWith("cve.")) {
        cves.add("CVE-" + t.substring(4).toUpperCase(Locale.ROOT));
      }
    }
    return cves;
  }

  private static @Nullable Instant earliest(List<Finding> findings) {
    Instant first = null;
    for (Finding f : findings) {
      if (f.firstSeen() != null && (first == null || f.firstSeen().isBefore(first))) {
        first = f.firstSeen();
      }
    }
    return first;
  }

  private static List<String> merged(
      List<Finding> findings, java.util.function.Function<Finding, List<String>> values) {
    Set<String> seen = new java.util.LinkedHashSet<>();
    for (Finding f : findings) {
      seen.addAll(values.apply(f));
    }
    return List.copyOf(seen);
  }
}
