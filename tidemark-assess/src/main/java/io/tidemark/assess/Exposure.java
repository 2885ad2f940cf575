package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import io.tidemark.engine.EvidenceRef;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the exposure ledger: what the attacker reached in one mailbox, at one scope.
 *
 * @param mailbox the mailbox, as an SMTP address where the logs give one
 * @param operations what was done, e.g. {@code EWS GetItem}, {@code New-MailboxExportRequest}
 * @param items items named or counted (0 when unknown)
 * @param bytes bytes sent to the attacker (ResponseSize and the like; 0 when unknown)
 * @param attackerGroups ids of the {@link AttackerGroup}s behind it
 * @param evidence the records behind it (bounded)
 */
public record Exposure(
    String mailbox,
    ExposureScope scope,
    Confidence confidence,
    Instant firstSeen,
    Instant lastSeen,
    List<String> operations,
    long items,
    long bytes,
    List<String> attackerGroups,
    List<EvidenceRef> evidence) {

  public Exposure {
    requireNonNull(mailbox, "mailbox");
    requireNonNull(scope, "scope");
    requireNonNull(confidence, "confidence");
    requireNonNull(firstSeen, "firstSeen");
    requireNonNull(lastSeen, "lastSeen");
    operations = List.copyOf(operations);
    attackerGroups = List.copyOf(attackerGroups);
    evidence = List.copyOf(evidence);
    if (lastSeen.isBefore(firstSeen)) {
      throw new IllegalArgumentException("lastSeen " + lastSeen + " before firstSeen " + firstSeen);
    }
    if (items < 0 || bytes < 0) {
      throw new IllegalArgumentException("items and bytes must not be negative");
    }
  }
}
