package io.tidemark.assess;

import io.tidemark.engine.LogCoverage;
import io.tidemark.event.LogType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Log coverage per server and source, and the blind spots: missing logs, logs that do not
 * reach across the attacker's activity, and what on-premises Exchange never records. The
 * report states these so that "no evidence" is never read as "no access".
 */
final class CoverageReport {
  /** The logs the ledger reads from, with what their absence hides. */
  private static final Map<LogType, String> NEEDED = Map.of(
      LogType.EXCHANGE_HTTPPROXY, "HttpProxy logs (every client request with its user, address "
          + "and target mailbox) are missing: logons, OWA actions and requests routed to other "
          + "mailboxes cannot be seen.",
      LogType.EXCHANGE_EWS, "EWS logs are missing: which EWS operations read mail (GetItem, "
          + "FindItem, SyncFolderItems) and how much they returned cannot be seen.",
      LogType.IIS_W3C, "IIS logs are missing: web requests, web-shell use and OWA logons cannot "
          + "be checked against the front door.",
      LogType.EXCHANGE_MESSAGE_TRACKING, "Message tracking logs are missing: mail sent or "
          + "forwarded outside cannot be seen.",
      LogType.WINDOWS_EVENT, "No Windows event logs: logons (4624/4625) and cmdlets run "
          + "through the MSExchange Management log (mailbox exports) cannot be seen.");

  /** Gaps named in one blind spot at most; the coverage list has them all. */
  private static final int GAPS_NAMED = 5;

  private final List<LogCoverage> coverage;
  private final List<AttackerGroup> groups;
  private final List<Exposure> exposure;
  private final GapThresholds thresholds;

  CoverageReport(List<LogCoverage> coverage, List<AttackerGroup> groups, List<Exposure> exposure) {
    this(coverage, groups, exposure, GapThresholds.bundled());
  }

  CoverageReport(List<LogCoverage> coverage, List<AttackerGroup> groups, List<Exposure> exposure,
      GapThresholds thresholds) {
    this.coverage = coverage;
    this.groups = groups;
    this.exposure = exposure;
    this.thresholds = thresholds;
  }

  List<SourceCoverage> sources() {
    List<SourceCoverage> out = new ArrayList<>();
    for (LogCoverage c : coverage) {
      out.add(new SourceCoverage(host(c.host()), c.source(), c.files(), c.records(),
          c.skipped(), c.earliest(), c.latest(), gaps(c)));
    }
    out.sort(Comparator.comparing(SourceCoverage::host).thenComparing(SourceCoverage::source));
    return out;
  }

  /** The holes between a source's spans at least as long as its threshold, in time order. */
  private List<SourceCoverage.Gap> gaps(LogCoverage c) {
    Duration threshold = threshold(c);
    List<SourceCoverage.Gap> gaps = new ArrayList<>();
    List<LogCoverage.Span> spans = c.spans();
    for (int i = 0; i + 1 < spans.size(); i++) {
      Instant from = spans.get(i).to();
      Instant to = spans.get(i + 1).from();
      if (Duration.between(from, to).compareTo(threshold) >= 0) {
        gaps.add(new SourceCoverage.Gap(from, to));
      }
    }
    return gaps;
  }

  private Duration threshold(LogCoverage c) {
    return thresholds.of(c.source(), c.logType().id());
  }

  List<BlindSpot> blindSpots() {
    List<BlindSpot> out = new ArrayList<>();
    out.add(new BlindSpot("mailbox-audit-owner-off", null, "On-premises Exchange does not audit "
        + "a mailbox owner's own reads by default (AuditOwner is None; MessageBind is no longer "
        + "logged at all), so an attacker signed in as the owner leaves no mailbox-audit trace. "
        + "Reads are reconstructed from protocol logs; items read through MAPI (Outlook) are "
        + "not itemised anywhere."));
    Set<String> hosts = new TreeSet<>();
    Map<String, Set<LogType>> present = new TreeMap<>();
    for (LogCoverage c : coverage) {
      String host = host(c.host());
      hosts.add(host);
      if (c.records() > 0) {
        present.computeIfAbsent(host, k -> new TreeSet<>()).add(c.logType());
      }
    }
    Instant first = null;
    Instant last = null;
    for (AttackerGroup g : groups) {
      first = DamageAnalysis.min(first, g.firstSeen());
      last = DamageAnalysis.max(last, g.lastSeen());
    }
    for (Exposure e : exposure) {
      first = DamageAnalysis.min(first, e.firstSeen());
      last = DamageAnalysis.max(last, e.lastSeen());
    }
    for (String host : hosts) {
      Set<LogType> have = present.getOrDefault(host, Set.of());
      for (LogType type : new TreeSet<>(NEEDED.keySet())) {
        if (!have.contains(type)) {
          out.add(new BlindSpot("no-" + type.id() + "-logs", host, NEEDED.get(type)));
        }
      }
      if (first != null) {
        window(host, first, last == null ? first : last, out);
        gapsDuringAttack(host, first, last == null ? first : last, out);
      }
      unlistedGaps(host, out);
    }
    if (!exposure.isEmpty()) {
      out.add(new BlindSpot("item-ids-not-logged", null, "On-premises protocol logs name "
          + "operations, not items: item counts in the ledger count requests (a lower bound) and "
          + "which messages were read cannot be listed."));
    }
    if (!groups.isEmpty() && exposure.isEmpty()) {
      out.add(new BlindSpot("no-mailbox-access-evidence", null, "An attacker was active, but no "
          + "log read shows them reaching a mailbox. That is not proof they did not: MAPI "
          + "(Outlook) sessions, rolled-over logs and unaudited owner access leave no trace "
          + "here."));
    }
    return out;
  }

  /**
   * Gaps that overlap the attacker's activity, one blind spot per source: whatever the attacker
   * did through that log then is out of sight. A deleted log file leaves exactly such a hole.
   */
  private void gapsDuringAttack(String host, Instant first, Instant last, List<BlindSpot> out) {
    for (LogCoverage c : coverage) {
      if (!host(c.host()).equals(host)) {
        continue;
      }
      List<String> named = new ArrayList<>();
      int count = 0;
      for (SourceCoverage.Gap g : gaps(c)) {
        if (g.from().isBefore(last) && g.to().isAfter(first)) {
          if (count++ < GAPS_NAMED) {
            named.add("from " + g.from() + " to " + g.to() + " (" + hours(g) + ")");
          }
        }
      }
      if (count == 0) {
        continue;
      }
      String more = count > GAPS_NAMED ? " and " + (count - GAPS_NAMED) + " more" : "";
      out.add(new BlindSpot("log-gap-during-attack", host, c.source() + " has no records "
          + String.join("; ", named) + more + ", while the attacker was active (" + first
          + " to " + last + "): what the attacker did through this log then cannot be seen. A "
          + "log file missing for that stretch (deleted, rolled over or not collected) leaves "
          + "exactly this hole; check the server for it."));
    }
  }

  /** Sources with more long holes than the coverage keeps: the gaps listed are not all. */
  private void unlistedGaps(String host, List<BlindSpot> out) {
    for (LogCoverage c : coverage) {
      if (host(c.host()).equals(host) && c.hiddenGap().compareTo(threshold(c)) >= 0) {
        out.add(new BlindSpot("gaps-not-all-listed", host, c.source() + " has more stretches "
            + "without records than Tidemark keeps: the longest are listed as gaps, shorter "
            + "ones (none longer than " + c.hiddenGap().toMinutes() + " minutes) are not."));
      }
    }
  }

  private static String hours(SourceCoverage.Gap g) {
    long minutes = Duration.between(g.from(), g.to()).toMinutes();
    return String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
  }

  /** Sources whose records begin after the attacker's first activity or end before the last. */
  private void window(String host, Instant first, Instant last, List<BlindSpot> out) {
    for (LogCoverage c : coverage) {
      if (!host(c.host()).equals(host) || !NEEDED.containsKey(c.logType())
          || c.earliest() == null || c.latest() == null) {
        continue;
      }
      String source = c.source();
      if (c.earliest().isAfter(first)) {
        out.add(new BlindSpot("logs-start-after-attack", host, source + " records begin at "
            + c.earliest() + ", after the attacker's first activity at " + first
            + ": what happened before is not in this log."));
      }
      if (c.latest().isBefore(last)) {
        out.add(new BlindSpot("logs-end-before-attack", host, source + " records end at "
            + c.latest() + ", before the attacker's last activity at " + last
            + ": what happened after is not in this log."));
      }
    }
  }

  private static String host(@Nullable String host) {
    return host == null || host.isBlank() ? Assessor.UNKNOWN_HOST : host;
  }
}
