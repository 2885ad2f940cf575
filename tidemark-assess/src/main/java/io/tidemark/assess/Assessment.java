package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer for a whole run: the worst server's verdict and reason, every server's own
 * assessment, and the damage assessment (accounts, attackers, exposure, coverage, blind spots).
 * {@code assessment.json} is this record; later stages extend it rather than replace it.
 */
public record Assessment(
    Verdict verdict, String reason, List<ServerAssessment> servers, Damage damage) {

  public Assessment {
    requireNonNull(verdict, "verdict");
    requireNonNull(reason, "reason");
    servers = List.copyOf(servers);
    requireNonNull(damage, "damage");
  }

  /** A verdict without damage analysis. */
  public Assessment(Verdict verdict, String reason, List<ServerAssessment> servers) {
    this(verdict, reason, servers, Damage.NONE);
  }

  /** This assessment with a damage analysis. */
  public Assessment withDamage(Damage newDamage) {
    return new Assessment(verdict, reason, servers, newDamage);
  }

  /** Every server's findings, server by server. */
  public List<Finding> findings() {
    List<Finding> all = new ArrayList<>();
    for (ServerAssessment server : servers) {
      all.addAll(server.findings());
    }
    return all;
  }
}
