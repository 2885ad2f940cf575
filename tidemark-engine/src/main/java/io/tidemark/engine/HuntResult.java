package io.tidemark.engine;

import io.tidemark.event.LogType;
import io.tidemark.sigma.RuleProblem;
import io.tidemark.source.FileRecord;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a hunt read and found, besides the detections themselves (which went to the listener).
 *
 * @param files every input, in the order read: the basis of {@code manifest.json}
 * @param coverage per server and log type, how many records and which time span
 * @param ruleProblems rules and correlations that did not load, with the reason
 * @param idleLogTypes log types the rules can apply to that the evidence did not contain
 */
public record HuntResult(
    List<FileRecord> files,
    List<LogCoverage> coverage,
    long events,
    long bytes,
    long detections,
    Duration elapsed,
    List<RuleProblem> ruleProblems,
    Set<LogType> idleLogTypes) {

  public HuntResult {
    files = List.copyOf(files);
    coverage = List.copyOf(coverage);
    ruleProblems = List.copyOf(ruleProblems);
    idleLogTypes = Set.copyOf(idleLogTypes);
  }

  /** Records skipped across all inputs. */
  public long skippedRecords() {
    return files.stream().mapToLong(FileRecord::recordsSkipped).sum();
  }
}
