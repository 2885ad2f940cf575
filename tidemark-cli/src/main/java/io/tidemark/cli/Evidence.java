package io.tidemark.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Checks on evidence arguments that must fail before any work starts. */
final class Evidence {
  private Evidence() {}

  static void requireExisting(List<Path> evidence) {
    if (evidence.isEmpty()) {
      throw new UsageException("no evidence given: name a folder, file or archive");
    }
    for (Path p : evidence) {
      if (!Files.exists(p)) {
        throw new UsageException("evidence " + p + ": no such file or folder");
      }
    }
  }

  /** Output inside the evidence would be read back as evidence, and would modify it. */
  static void requireOutsideEvidence(@Nullable Path out, List<Path> evidence) {
    if (out == null) {
      return;
    }
    Path o = out.toAbsolutePath().normalize();
    for (Path e : evidence) {
      Path root = e.toAbsolutePath().normalize();
      if (o.startsWith(root)) {
        throw new UsageException(
            "--out " + out + " lies inside the evidence " + e
                + "; write results elsewhere, evidence is never modified");
      }
    }
  }
}
