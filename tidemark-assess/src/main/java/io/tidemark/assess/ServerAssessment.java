package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import io.tidemark.engine.LogCoverage;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The verdict for one server and what it rests on.
 *
 * @param since the first attacker activity (earliest finding at high or above), or null
 * @param attackerIps addresses behind findings at high or above
 * @param accounts accounts seen in findings that prove compromise
 */
public record ServerAssessment(
    String host,
    Verdict verdict,
    String reason,
    @Nullable Instant since,
    List<String> attackerIps,
    List<String> accounts,
    List<StoryLine> story,
    List<Finding> findings,
    List<LogCoverage> coverage) {

  public ServerAssessment {
    requireNonNull(host, "host");
    requireNonNull(verdict, "verdict");
    requireNonNull(reason, "reason");
    attackerIps = List.copyOf(attackerIps);
    accounts = List.copyOf(accounts);
    story = List.copyOf(story);
    findings = List.copyOf(findings);
    coverage = List.copyOf(coverage);
  }
}
