package io.tidemark.assess;

import java.util.List;

/**
 * How far the attacker reached, beside the verdict: the accounts, the attacker activity groups,
 * the mailbox exposure ledger, log coverage and what could not be seen. Empty lists mean the
 * analysis found nothing of that kind, never that it was not run: see {@link #NONE} for runs
 * where it was not.
 */
public record Damage(
    List<AccountAssessment> accounts,
    List<AttackerGroup> attackers,
    List<Exposure> exposure,
    List<SourceCoverage> coverage,
    List<BlindSpot> blindSpots) {

  /** No damage analysis. */
  public static final Damage NONE = new Damage(List.of(), List.of(), List.of(), List.of(), List.of());

  public Damage {
    accounts = List.copyOf(accounts);
    attackers = List.copyOf(attackers);
    exposure = List.copyOf(exposure);
    coverage = List.copyOf(coverage);
    blindSpots = List.copyOf(blindSpots);
  }
}
