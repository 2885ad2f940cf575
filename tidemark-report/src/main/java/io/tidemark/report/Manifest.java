package io.tidemark.report;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.Diagnostic;
import io.tidemark.sigma.RuleProblem;
import io.tidemark.source.FileRecord;
import java.time.Instant;
import java.util.List;

/**
 * The chain-of-custody record of a run: which tool and rules ran, when, on which inputs (each
 * with its SHA-256), and what could not be read.
 *
 * @param command the command line as the user typed it (arguments after the program name)
 * @param rulesFingerprint SHA-256 over the rule texts that ran
 * @param diagnostics the diagnostics kept during the run (capped per file and code)
 */
public record Manifest(
    String toolVersion,
    List<String> command,
    Instant started,
    Instant finished,
    String rules,
    String rulesFingerprint,
    int ruleCount,
    List<RuleProblem> ruleProblems,
    List<FileRecord> inputs,
    List<Diagnostic> diagnostics) {

  public Manifest {
    requireNonNull(toolVersion, "toolVersion");
    command = List.copyOf(command);
    requireNonNull(started, "started");
    requireNonNull(finished, "finished");
    requireNonNull(rules, "rules");
    requireNonNull(rulesFingerprint, "rulesFingerprint");
    ruleProblems = List.copyOf(ruleProblems);
    inputs = List.copyOf(inputs);
    diagnostics = List.copyOf(diagnostics);
  }
}
