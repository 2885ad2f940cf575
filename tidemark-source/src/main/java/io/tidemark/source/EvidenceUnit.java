package io.tidemark.source;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One top-level file of the evidence, read as a unit (an archive with everything in it counts as
 * one unit). Units can be read in parallel.
 *
 * @param file the file on disk
 * @param path its path below the evidence argument with {@code /} separators; for a file
 *     argument, its file name
 * @param argumentName the name of the folder given as argument, which names the host when the
 *     Exchange layout starts right below it; null for a file argument
 * @param size its size in bytes, for progress bars
 */
public record EvidenceUnit(Path file, String path, @Nullable String argumentName, long size) {

  public EvidenceUnit {
    requireNonNull(file, "file");
    requireNonNull(path, "path");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("path must not be empty");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
  }
}
