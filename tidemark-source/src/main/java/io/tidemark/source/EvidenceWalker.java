package io.tidemark.source;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.TidemarkException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns evidence arguments into units: a file argument is one unit, a folder gives one unit per
 * regular file below it. Symbolic links are never followed out of the argument's tree.
 */
final class EvidenceWalker {
  private final DiagnosticSink diagnostics;

  EvidenceWalker(DiagnosticSink diagnostics) {
    this.diagnostics = diagnostics;
  }

  List<EvidenceUnit> plan(List<Path> arguments) {
    List<EvidenceUnit> units = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Path argument : arguments) {
      Path root = realPath(argument);
      if (Files.isRegularFile(root)) {
        if (seen.add(root)) {
          units.add(new EvidenceUnit(root, root.getFileName().toString(), null, size(root)));
        }
      } else if (Files.isDirectory(root)) {
        walk(root, units, seen);
      } else {
        throw new TidemarkException("evidence '" + argument
            + "' is neither a file nor a folder; give the path of a log, an archive or a folder",
            argument.toString());
      }
    }
    units.sort(Comparator.comparing(EvidenceUnit::path).thenComparing(EvidenceUnit::file));
    return List.copyOf(units);
  }

  private static Path realPath(Path argument) {
    if (!Files.exists(argument)) {
      throw new TidemarkException("evidence '" + argument + "' does not exist; check the path",
          argument.toString());
    }
    try {
      return argument.toRealPath();
    } catch (IOException e) {
      throw new TidemarkException("cannot resolve evidence '" + argument + "': " + e.getMessage(),
          argument.toString(), e);
    }
  }

  private void walk(Path root, List<EvidenceUnit> units, Set<Path> seen) {
    String argumentName = root.getFileName() == null ? null : root.getFileName().toString();
    try {
      Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class),
          Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              String path = relative(root, file);
              if (attributes.isSymbolicLink()) {
                link(root, file, path);
              } else if (attributes.isRegularFile()) {
                if (seen.add(file)) {
                  units.add(new EvidenceUnit(file, path, argumentName, attributes.size()));
                }
              } else {
                diagnostics.report(Diagnostic.warning("special-file",
                    "not a regular file (device, pipe or socket); skipped", path, -1, -1));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              diagnostics.report(Diagnostic.error("unreadable", "cannot open: " + e.getMessage(),
                  relative(root, file), -1));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new TidemarkException("cannot walk evidence folder '" + root + "': " + e.getMessage(),
          root.toString(), e);
    }
  }

  /** Symbolic links are reported, never followed: the target is read in its own place or not. */
  private void link(Path root, Path link, String path) {
    Path target;
    try {
      target = link.toRealPath();
    } catch (IOException e) {
      diagnostics.report(Diagnostic.warning("symlink-broken",
          "symbolic link whose target does not exist; skipped", path, -1, -1));
      return;
    }
    if (!target.startsWith(root)) {
      diagnostics.report(Diagnostic.error("symlink-outside-evidence",
          "symbolic link points outside the evidence folder, to '" + target + "'; not followed",
          path, -1));
    } else {
      diagnostics.report(Diagnostic.warning("symlink-not-followed", "symbolic link to '"
          + root.relativize(target) + "', which is read at its own path; not followed",
          path, -1, -1));
    }
  }

  static String relative(Path root, Path file) {
    Path relative = root.relativize(file);
    List<String> names = new ArrayList<>();
    for (Path name : relative) {
      names.add(name.toString());
    }
    return String.join("/", names);
  }

  private static long size(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .size();
    } catch (IOException e) {
      return 0;
    }
  }
}
