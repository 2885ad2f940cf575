package io.tidemark.report;

import io.tidemark.assess.AccountAssessment;
import io.tidemark.assess.AccountStatus;
import io.tidemark.assess.Assessment;
import io.tidemark.assess.AttackerGroup;
import io.tidemark.assess.Exposure;
import io.tidemark.assess.Level;
import io.tidemark.assess.ServerAssessment;
import io.tidemark.engine.Detection;
import io.tidemark.engine.EvidenceRef;
import io.tidemark.event.LogType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The views every report file shares: detections in time order, the event behind each evidence
 * reference, the timeline, and the attacker's indicators. Built once per run so that report.html,
 * the timelines, STIX and the notification never disagree.
 */
final class ReportData {
  /** Indicators per kind, so a noisy attacker cannot blow up the STIX bundle or the notification. */
  static final int MAX_INDICATORS_PER_KIND = 200;

  private static final Pattern IPV4 = Pattern.compile(
      "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Pattern SCRIPT_PATH =
      Pattern.compile("/[^\\s?#]*\\.(aspx|ashx|asmx|asp|php|jsp)", Pattern.CASE_INSENSITIVE);

  static final Comparator<Detection> BY_TIME = Comparator
      .comparing(Detection::timestamp, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Detection::source)
      .thenComparingLong(Detection::recordId)
      .thenComparing(d -> d.rule().id());

  private final ReportInput input;
  private final List<Detection> detections;
  private final Map<String, Detection> byRecord = new HashMap<>();
  private final List<TimelineEntry> timeline;
  private final List<Indicator> indicators;

  private ReportData(ReportInput input) {
    this.input = input;
    List<Detection> sorted = new ArrayList<>(input.detections());
    sorted.sort(BY_TIME);
    this.detections = List.copyOf(sorted);
    for (Detection d : detections) {
      byRecord.putIfAbsent(key(d.source(), d.recordId()), d);
    }
    this.timeline = TimelineEntry.build(input.assessment(), detections);
    this.indicators = collectIndicators();
  }

  static ReportData of(ReportInput input) {
    return new ReportData(input);
  }

  ReportInput input() {
    return input;
  }

  Assessment assessment() {
    return input.assessment();
  }

  /** Every detection, earliest first (undated last). */
  List<Detection> detections() {
    return detections;
  }

  /** Detections and damage events, earliest first (undated last). */
  List<TimelineEntry> timeline() {
    return timeline;
  }

  /** Attacker indicators: addresses, user agents, web-shell paths, most evidenced first per kind. */
  List<Indicator> indicators() {
    return indicators;
  }

  /** The detection on the record a reference points at, or null when none fired on it. */
  @Nullable Detection detectionAt(EvidenceRef ref) {
    return byRecord.get(key(ref.source(), ref.recordId()));
  }

  /** Rule titles for rule ids (with the id when the title is unknown), for people to read. */
  List<String> ruleTitles(List<String> ruleIds) {
    Map<String, String> titles = new HashMap<>();
    for (var f : assessment().findings()) {
      titles.putIfAbsent(f.ruleId(), f.title());
    }
    List<String> out = new ArrayList<>();
    for (String id : ruleIds) {
      String title = titles.get(id);
      if (title == null) {
        Detection d = detections.stream().filter(x -> x.rule().id().equals(id)).findFirst().orElse(null);
        title = d == null ? null : d.rule().title();
      }
      out.add(title == null ? id : title + " (" + id + ")");
    }
    return out;
  }

  /** Every address the assessment ties to the attacker: servers' and attacker groups'. */
  Set<String> attackerIps() {
    Set<String> ips = new LinkedHashSet<>();
    for (ServerAssessment s : assessment().servers()) {
      ips.addAll(s.attackerIps());
    }
    for (AttackerGroup g : assessment().damage().attackers()) {
      ips.addAll(g.ips());
    }
    return ips;
  }

  /** Accounts with the given status, from the damage analysis. */
  List<AccountAssessment> accounts(AccountStatus status) {
    return assessment().damage().accounts().stream().filter(a -> a.status() == status).toList();
  }

  /** Distinct mailboxes in the exposure ledger. */
  Set<String> exposedMailboxes() {
    Set<String> out = new LinkedHashSet<>();
    for (Exposure e : assessment().damage().exposure()) {
      out.add(e.mailbox());
    }
    return out;
  }

  /** First and last attacker activity over servers, groups, accounts and exposure; null if none. */
  @Nullable Instant[] attackerWindow() {
    Instant first = null;
    Instant last = null;
    List<Instant[]> spans = new ArrayList<>();
    for (ServerAssessment s : assessment().servers()) {
      if (s.since() != null) {
        spans.add(new Instant[] {s.since(), null});
      }
      for (var f : s.findings()) {
        if (f.level().atLeast(Level.HIGH)) {
          spans.add(new Instant[] {f.firstSeen(), f.lastSeen()});
        }
      }
    }
    for (AttackerGroup g : assessment().damage().attackers()) {
      spans.add(new Instant[] {g.firstSeen(), g.lastSeen()});
    }
    for (Exposure e : assessment().damage().exposure()) {
      spans.add(new Instant[] {e.firstSeen(), e.lastSeen()});
    }
    for (AccountAssessment a : assessment().damage().accounts()) {
      if (a.status() != AccountStatus.UNAFFECTED) {
        spans.add(new Instant[] {a.firstSeen(), a.lastSeen()});
      }
    }
    for (Instant[] span : spans) {
      for (Instant t : span) {
        if (t == null) {
          continue;
        }
        first = first == null || t.isBefore(first) ? t : first;
        last = last == null || t.isAfter(last) ? t : last;
      }
    }
    return first == null ? null : new Instant[] {first, last};
  }

  static String key(String source, long recordId) {
    return source + ":" + recordId;
  }

  static boolean isIp(String value) {
    if (IPV4.matcher(value).matches()) {
      return true;
    }
    if (!IPV6.matcher(value).matches() || value.indexOf(':') < 0) {
      return false;
    }
    try {
      // Only syntax is checked: the literal holds no letters beyond hex, so no lookup happens.
      return java.net.InetAddress.getByName(value) instanceof java.net.Inet6Address;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private List<Indicator> collectIndicators() {
    Map<String, Indicator.Builder> ips = new LinkedHashMap<>();
    Map<String, Indicator.Builder> agents = new LinkedHashMap<>();
    Map<String, Indicator.Builder> paths = new LinkedHashMap<>();
    Set<String> attackerIps = new LinkedHashSet<>();
    for (String ip : attackerIps()) {
      if (isIp(ip)) {
        attackerIps.add(ip);
        ips.computeIfAbsent(ip, v -> new Indicator.Builder(ipKind(v), v));
      }
    }
    for (AttackerGroup g : assessment().damage().attackers()) {
      for (String ip : g.ips()) {
        if (isIp(ip)) {
          ips.get(ip).group(g.id()).span(g.firstSeen(), g.lastSeen());
        }
      }
      for (String ua : g.userAgents()) {
        if (!ua.isBlank()) {
          agents.computeIfAbsent(ua, v -> new Indicator.Builder(Indicator.Kind.USER_AGENT, v))
              .group(g.id()).span(g.firstSeen(), g.lastSeen());
        }
      }
    }
    for (Detection d : detections) {
      if (!atLeastHigh(d)) {
        continue;
      }
      EvidenceRef ref = new EvidenceRef(d.source(), d.recordId(), d.timestamp());
      boolean fromAttacker = false;
      for (Map.Entry<String, Object> field : d.event().entrySet()) {
        String value = field.getValue() == null ? null : field.getValue().toString();
        if (value != null && attackerIps.contains(value)) {
          ips.get(value).seen(ref);
          fromAttacker = true;
        }
      }
      if (fromAttacker) {
        for (Map.Entry<String, Object> field : d.event().entrySet()) {
          String name = field.getKey().toLowerCase(Locale.ROOT).replace("-", "");
          if (name.contains("useragent") && field.getValue() != null
              && !field.getValue().toString().isBlank()) {
            agents.computeIfAbsent(field.getValue().toString(),
                v -> new Indicator.Builder(Indicator.Kind.USER_AGENT, v)).seen(ref);
          }
        }
      }
      String stem = webShellStem(d);
      if (stem != null) {
        paths.computeIfAbsent(stem, v -> new Indicator.Builder(Indicator.Kind.URL_PATH, v)).seen(ref);
      }
    }
    List<Indicator> out = new ArrayList<>();
    for (Map<String, Indicator.Builder> kind : List.of(ips, agents, paths)) {
      kind.values().stream().map(Indicator.Builder::build)
          .sorted(Comparator.comparingLong(Indicator::count).reversed().thenComparing(Indicator::value))
          .limit(MAX_INDICATORS_PER_KIND)
          .forEach(out::add);
    }
    return List.copyOf(out);
  }

  static boolean atLeastHigh(Detection d) {
    try {
      return Level.of(d.rule().level()).atLeast(Level.HIGH);
    } catch (IllegalArgumentException e) {
      return false; // a level the assessment does not know cannot raise an indicator either
    }
  }

  private static Indicator.Kind ipKind(String ip) {
    return ip.indexOf(':') >= 0 ? Indicator.Kind.IPV6 : Indicator.Kind.IPV4;
  }

  /** The requested script path when a web-shell rule fired on a web request, else null. */
  private static @Nullable String webShellStem(Detection d) {
    String stem;
    if (d.logType() == LogType.IIS_W3C) {
      stem = d.field("cs-uri-stem");
    } else if (d.logType() == LogType.EXCHANGE_HTTPPROXY) {
      stem = d.field("UrlStem");
    } else {
      return null;
    }
    if (stem == null || !SCRIPT_PATH.matcher(stem).matches()) {
      return null;
    }
    String about = (d.rule().title() + " " + String.join(" ", d.rule().tags()) + " "
        + (d.rule().path() == null ? "" : d.rule().path())).toLowerCase(Locale.ROOT);
    boolean webShell = about.contains("web shell") || about.contains("webshell")
        || about.contains("t1505.003");
    return webShell ? stem : null;
  }
}
