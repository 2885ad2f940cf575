package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import io.tidemark.engine.EvidenceRef;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One attacker activity group: infrastructure and identities that the evidence ties together.
 *
 * @param id stable within a run, e.g. {@code A1}, ordered by first activity
 * @param confidence how strongly the members are tied to the attacker
 * @param ips client addresses
 * @param userAgents user agents
 * @param accounts accounts the group used
 * @param sessions cookies, session and request ids that tie records to the group
 * @param ruleIds rules whose detections seeded or joined the group
 * @param evidence the records behind it (bounded)
 */
public record AttackerGroup(
    String id,
    Confidence confidence,
    String summary,
    @Nullable Instant firstSeen,
    @Nullable Instant lastSeen,
    List<String> ips,
    List<String> userAgents,
    List<String> accounts,
    List<String> sessions,
    List<String> ruleIds,
    List<EvidenceRef> evidence) {

  public AttackerGroup {
    requireNonNull(id, "id");
    requireNonNull(confidence, "confidence");
    requireNonNull(summary, "summary");
    ips = List.copyOf(ips);
    userAgents = List.copyOf(userAgents);
    accounts = List.copyOf(accounts);
    sessions = List.copyOf(sessions);
    ruleIds = List.copyOf(ruleIds);
    evidence = List.copyOf(evidence);
  }
}
