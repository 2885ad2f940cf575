package io.tidemark.report;

import static java.util.Objects.requireNonNull;

import io.tidemark.assess.Assessment;
import io.tidemark.engine.Detection;
import java.time.Instant;
import java.util.List;

/**
 * What every report file is built from: the assessment, the detections behind it, and which run
 * produced them.
 *
 * @param detections every detection of the run, in any order
 * @param rulesFingerprint SHA-256 over the rule texts that ran
 * @param generated when the run started; shown in report.html and notification.md only, so that
 *     the machine-readable files (timeline, STIX) stay identical across re-runs
 */
record ReportInput(
    Assessment assessment,
    List<Detection> detections,
    String toolVersion,
    String rulesFingerprint,
    Instant generated) {

  ReportInput {
    requireNonNull(assessment, "assessment");
    detections = List.copyOf(detections);
    requireNonNull(toolVersion, "toolVersion");
    requireNonNull(rulesFingerprint, "rulesFingerprint");
    requireNonNull(generated, "generated");
  }
}
