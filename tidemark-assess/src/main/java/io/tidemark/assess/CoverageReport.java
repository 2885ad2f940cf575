package io.tidemark.assess;

import io.tidemark.engine.LogCoverage;
import io.tidemark.event.LogType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

  private final List<LogCoverage> coverage;
  private final List<AttackerGroup> groups;
  private final List<Exposure> exposure;

  CoverageReport(List<LogCoverage> coverage, List<AttackerGroup> groups, List<Exposure> exposure) {
    this.coverage = coverage;
    this.groups = groups;
    this.exposure = exposure;
  }

  List<SourceCoverage> sources() {
    List<SourceCoverage> out = new ArrayList<>();
    for (LogCoverage c : coverage) {
      out.add(new SourceCoverage(host(c.host()), c.logType().id()
          + (c.protocol() == null ? "" : "/" + c.protocol()), c.files(), c.records(),
          c.skipped(), c.earliest(), c.latest(), List.of()));
    }
    out.sort(Comparator.comparing(SourceCoverage::host).thenComparing(SourceCoverage::source));
    return out;
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
        window(host, first, last, out);
      }
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

  /** Sources whose records begin after the attacker's first activity or end before the last. */
  private void window(String host, Instant first, @Nullable Instant last, List<BlindSpot> out) {
    for (LogCoverage c : coverage) {
      if (!host(c.host()).equals(host) || !NEEDED.containsKey(c.logType())
          || c.earliest() == null || c.latest() == null) {
        continue;
      }
      String source = c.logType().id() + (c.protocol() == null ? "" : "/" + c.protocol());
      if (c.earliest().isAfter(first)) {
        out.add(new BlindSpot("logs-start-after-attack", host, source + " records begin at "
            + c.earliest() + ", after the attacker's first activity at " + first
            + ": what happened before is not in this log."));
      }
      if (last != null && c.latest().isBefore(last)) {
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
