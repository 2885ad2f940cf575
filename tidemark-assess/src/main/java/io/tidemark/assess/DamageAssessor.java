package io.tidemark.assess;

import static java.util.Objects.requireNonNull;

import io.tidemark.engine.Detection;
import io.tidemark.engine.LogCoverage;
import java.nio.file.Path;
import java.util.List;

/**
 * How far the attacker reached: credential misuse, attacker activity groups, the mailbox
 * exposure ledger, coverage and blind spots. It starts from the hunt's detections and reads the
 * evidence once more (twice when the first read finds new addresses or accounts), parsing only
 * the lines that name the attacker's addresses or accounts plus the Security and Exchange
 * Management events; it keeps small keyed facts, never whole events, and reasons in event time
 * only, so the same evidence always gives the same answer.
 */
public final class DamageAssessor {
  private final DamageConfig config;
  private final IndicatorFields fields;

  private DamageAssessor(DamageConfig config, IndicatorFields fields) {
    this.config = config;
    this.fields = fields;
  }

  /** An assessor with the bundled thresholds and operation table. */
  public static DamageAssessor create() {
    return new DamageAssessor(DamageConfig.load(), IndicatorFields.load());
  }

  /**
   * @param evidence the same arguments the hunt read
   * @param detections every detection of the hunt
   * @param coverage the hunt's log coverage
   * @param threads worker threads for the re-read
   */
  public Damage assess(List<Path> evidence, List<Detection> detections,
      List<LogCoverage> coverage, int threads) {
    requireNonNull(evidence, "evidence");
    requireNonNull(detections, "detections");
    requireNonNull(coverage, "coverage");
    return new DamageAnalysis(config, fields, threads).run(evidence, detections, coverage);
  }
}
