package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import io.tidemark.engine.EvidenceRef;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything one rule found on one server: how often, when, from where, and the evidence lines.
 *
 * @param count how many detections the rule produced on this server
 * @param sourceIps client addresses seen in those detections, most frequent first (bounded)
 * @param accounts accounts seen in those detections, most frequent first (bounded)
 * @param evidence the earliest evidence lines (bounded); {@code count} says how many there were
 */
public record Finding(
    String host,
    String ruleId,
    String title,
    Level level,
    Stage stage,
    Outcome outcome,
    String description,
    List<String> cves,
    List<String> authors,
    long count,
    @Nullable Instant firstSeen,
    @Nullable Instant lastSeen,
    List<String> sourceIps,
    List<String> accounts,
    List<EvidenceRef> evidence) {

  public Finding {
    requireNonNull(host, "host");
    requireNonNull(ruleId, "ruleId");
    requireNonNull(title, "title");
    requireNonNull(level, "level");
    requireNonNull(stage, "stage");
    requireNonNull(outcome, "outcome");
    requireNonNull(description, "description");
    cves = List.copyOf(cves);
    authors = List.copyOf(authors);
    sourceIps = List.copyOf(sourceIps);
    accounts = List.copyOf(accounts);
    evidence = List.copyOf(evidence);
    if (count < 1) {
      throw new IllegalArgumentException("a finding needs at least one detection, got " + count);
    }
  }

  /** Whether this finding proves a step of an attack worked. */
  public boolean provesCompromise() {
    return outcome == Outcome.SUCCESS && level.atLeast(Level.HIGH);
  }
}
