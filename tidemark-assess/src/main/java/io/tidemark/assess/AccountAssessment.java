package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import io.tidemark.engine.EvidenceRef;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One account and what the attacker did with it.
 *
 * @param account as the logs name it, normalised (e.g. {@code corp\jdoe} or a UPN)
 * @param reason why this status, in one sentence an analyst can check against the evidence
 * @param firstSeen the first attacker use (compromised) or attempt (targeted); null if unaffected
 * @param lastSeen the last attacker use or attempt; null if unaffected
 * @param attackerIps attacker addresses seen with this account (bounded)
 * @param evidence the records behind the status (bounded)
 * @param anomalies what was unusual for the account against its own history, earliest first
 *     (bounded); never a reason for the status on its own
 */
public record AccountAssessment(
    String account,
    AccountStatus status,
    String reason,
    @Nullable Instant firstSeen,
    @Nullable Instant lastSeen,
    List<String> attackerIps,
    List<EvidenceRef> evidence,
    List<Anomaly> anomalies) {

  public AccountAssessment {
    requireNonNull(account, "account");
    requireNonNull(status, "status");
    requireNonNull(reason, "reason");
    attackerIps = List.copyOf(attackerIps);
    evidence = List.copyOf(evidence);
    anomalies = List.copyOf(anomalies);
    if (account.isBlank()) {
      throw new IllegalArgumentException("account must not be blank");
    }
  }

  /** An account with nothing unusual in its history. */
  public AccountAssessment(String account, AccountStatus status, String reason,
      @Nullable Instant firstSeen, @Nullable Instant lastSeen, List<String> attackerIps,
      List<EvidenceRef> evidence) {
    this(account, status, reason, firstSeen, lastSeen, attackerIps, evidence, List.of());
  }
}
