package io.tidemark.report;

import static java.util.Objects.requireNonNull;

import io.tidemark.assess.AccountAssessment;
import io.tidemark.assess.AccountStatus;
import io.tidemark.assess.Anomaly;
import io.tidemark.assess.Assessment;
import io.tidemark.assess.AttackerGroup;
import io.tidemark.assess.Exposure;
import io.tidemark.engine.Detection;
import io.tidemark.engine.EvidenceRef;
import io.tidemark.event.LogType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One line of the timeline: a detection, or an event of the damage analysis (an attacker group's
 * first activity, an account's first misuse, something unusual for an account, a mailbox's first
 * and last exposure).
 *
 * @param kind {@code detection}, {@code attacker-group}, {@code account}, {@code anomaly} or
 *     {@code exposure}
 * @param timestampDesc what the time means, in Timesketch's sense
 * @param channel the Windows channel, or the log type for other logs (Hayabusa's column)
 * @param eventId the Windows EventID, or empty
 * @param fields the event's fields (detections) or the entry's facts (damage events)
 */
record TimelineEntry(
    @Nullable Instant time,
    String kind,
    String timestampDesc,
    String message,
    String host,
    String source,
    long recordId,
    String ruleId,
    String ruleTitle,
    String level,
    String channel,
    String eventId,
    Map<String, Object> fields) {

  static final Comparator<TimelineEntry> ORDER = Comparator
      .comparing(TimelineEntry::time, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(TimelineEntry::source)
      .thenComparingLong(TimelineEntry::recordId)
      .thenComparing(TimelineEntry::kind)
      .thenComparing(TimelineEntry::ruleId)
      .thenComparing(TimelineEntry::message);

  TimelineEntry {
    requireNonNull(kind, "kind");
    requireNonNull(timestampDesc, "timestampDesc");
    requireNonNull(message, "message");
    requireNonNull(host, "host");
    requireNonNull(source, "source");
    requireNonNull(ruleId, "ruleId");
    requireNonNull(ruleTitle, "ruleTitle");
    requireNonNull(level, "level");
    requireNonNull(channel, "channel");
    requireNonNull(eventId, "eventId");
    // A read-only view, not a copy: detections' events are already read-only, and a scan can hold
    // hundreds of thousands of them.
    fields = java.util.Collections.unmodifiableMap(fields);
  }

  boolean isDetection() {
    return kind.equals("detection");
  }

  static List<TimelineEntry> build(Assessment assessment, List<Detection> detections) {
    List<TimelineEntry> out = new ArrayList<>(detections.size() + 16);
    for (Detection d : detections) {
      out.add(of(d));
    }
    for (AttackerGroup g : assessment.damage().attackers()) {
      if (g.firstSeen() != null) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("confidence", g.confidence().id());
        f.put("ips", g.ips());
        f.put("user_agents", g.userAgents());
        f.put("accounts", g.accounts());
        out.add(damage(g.firstSeen(), "attacker-group", "First activity of attacker group",
            "Attacker group " + g.id() + " (" + g.confidence().id() + " confidence) first active: "
                + g.summary(), "", g.evidence(), "high", f));
      }
    }
    for (AccountAssessment a : assessment.damage().accounts()) {
      if (a.status() != AccountStatus.UNAFFECTED && a.firstSeen() != null) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("account", a.account());
        f.put("status", a.status().id());
        f.put("attacker_ips", a.attackerIps());
        String verb = a.status() == AccountStatus.COMPROMISED ? "First attacker use" : "First attack";
        out.add(damage(a.firstSeen(), "account", verb + " of account",
            "Account " + a.account() + " " + a.status().id() + ": " + a.reason(), "",
            a.evidence(), a.status() == AccountStatus.COMPROMISED ? "high" : "medium", f));
      }
    }
    for (AccountAssessment a : assessment.damage().accounts()) {
      for (Anomaly n : a.anomalies()) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("account", a.account());
        f.put("status", a.status().id());
        f.put("anomaly", n.kind().id());
        f.put("value", n.value());
        f.put("detail", n.detail());
        f.put("address", n.address());
        String detail = n.detail().isEmpty() ? "" : " (" + n.detail() + ")";
        // Novelty alone is a lead, not a finding: travel no one could make is worth a look first.
        out.add(damage(n.firstSeen(), "anomaly", "Unusual for account",
            "Account " + a.account() + ": " + n.kind().id() + " " + n.value() + detail,
            "", n.evidence(), n.kind() == Anomaly.Kind.IMPOSSIBLE_TRAVEL ? "medium" : "low", f));
      }
    }
    for (Exposure e : assessment.damage().exposure()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("mailbox", e.mailbox());
      f.put("scope", e.scope().id());
      f.put("confidence", e.confidence().id());
      f.put("operations", e.operations());
      f.put("items", Long.toString(e.items()));
      f.put("bytes", Long.toString(e.bytes()));
      f.put("attacker_groups", e.attackerGroups());
      String what = "Mailbox " + e.mailbox() + " exposed at scope " + e.scope().id() + " ("
          + e.confidence().id() + " confidence)";
      out.add(damage(e.firstSeen(), "exposure", "First attacker access to mailbox", what,
          "", e.evidence(), "high", f));
      if (!e.lastSeen().equals(e.firstSeen())) {
        out.add(damage(e.lastSeen(), "exposure", "Last attacker access to mailbox", what, "",
            e.evidence(), "high", f));
      }
    }
    out.sort(ORDER);
    return out;
  }

  private static TimelineEntry of(Detection d) {
    String channel = d.logType().id();
    String eventId = "";
    if (d.logType() == LogType.WINDOWS_EVENT) {
      channel = orEmpty(d.field("Channel"));
      eventId = orEmpty(d.field("EventID"));
    }
    String host = d.host() == null ? "" : d.host();
    String message = d.rule().title() + " [" + d.rule().level() + "] at " + d.source() + ":"
        + d.recordId();
    return new TimelineEntry(d.timestamp(), "detection", "Event time", message, host, d.source(),
        d.recordId(), d.rule().id(), d.rule().title(), d.rule().level(), channel, eventId,
        d.event());
  }

  private static TimelineEntry damage(Instant time, String kind, String desc, String message,
      String host, List<EvidenceRef> evidence, String level, Map<String, Object> fields) {
    EvidenceRef first = evidence.isEmpty() ? null : evidence.get(0);
    List<String> refs = new ArrayList<>();
    for (EvidenceRef ref : evidence) {
      refs.add(ref.toString());
    }
    fields.put("evidence", refs);
    return new TimelineEntry(time, kind, desc, message, host,
        first == null ? "" : first.source(), first == null ? 0 : first.recordId(),
        "tidemark-" + kind, desc, level, "tidemark-assess", "", fields);
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
