package io.tidemark.report;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.Diagnostic;
import io.tidemark.sigma.RuleProblem;
import io.tidemark.source.FileRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The chain-of-custody record of a run: which tool and rules ran, when, on which inputs (each
 * with its SHA-256), and what could not be read.
 *
 * @param command the command line as the user typed it (arguments after the program name)
 * @param rulesFingerprint SHA-256 over the rule texts that ran
 * @param diagnostics the diagnostics kept during the run (capped per file and code)
 * @param outputs every file the run wrote before the manifest, with its SHA-256, so that a later
 *     change to the report or the assessment shows; the manifest cannot hold its own hash
 * @param references reference data the analysis read besides the evidence (the {@code --geoip}
 *     databases), each named as given and hashed, since a different database can change a finding
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
    List<Diagnostic> diagnostics,
    List<Output> outputs,
    List<Output> references) {

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
    outputs = List.copyOf(outputs);
    references = List.copyOf(references);
  }

  /** A file the run wrote, as it lies on disk after writing. */
  public record Output(String name, long size, String sha256) {
    public Output {
      requireNonNull(name, "name");
      requireNonNull(sha256, "sha256");
      if (!sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
      }
      if (size < 0) {
        throw new IllegalArgumentException("size must not be negative: " + size);
      }
    }

    /** Reads the written file back, so the hash is of the bytes on disk, not of what we meant to write. */
    public static Output of(Path file) throws IOException {
      return of(file, file.getFileName().toString());
    }

    /** As {@link #of(Path)}, under the given name (a reference file keeps its path as given). */
    public static Output of(Path file, String name) throws IOException {
      MessageDigest sha;
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required of every JVM", e);
      }
      long size = 0;
      byte[] buffer = new byte[1 << 16];
      try (InputStream in = Files.newInputStream(file)) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          sha.update(buffer, 0, n);
          size += n;
        }
      }
      return new Output(name, size, HexFormat.of().formatHex(sha.digest()));
    }
  }
}
