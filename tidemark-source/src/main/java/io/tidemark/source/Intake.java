package io.tidemark.source;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.DiagnosticSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads evidence: plans the units of the given arguments, then reads each unit, handing every
 * evidence file in it to a consumer with its events and its manifest record. Thread-safe: units
 * may be read in parallel.
 */
public final class Intake {
  private final IntakeOptions options;
  private final DiagnosticSink diagnostics;
  private final ProgressListener progress;

  private Intake(IntakeOptions options, DiagnosticSink diagnostics, ProgressListener progress) {
    this.options = requireNonNull(options, "options");
    this.diagnostics = requireNonNull(diagnostics, "diagnostics");
    this.progress = requireNonNull(progress, "progress");
  }

  /**
   * An intake with these limits, reporting problems to a thread-safe sink and raw bytes read to
   * a progress listener.
   */
  public static Intake create(
      IntakeOptions options, DiagnosticSink diagnostics, ProgressListener progress) {
    return new Intake(options, diagnostics, progress);
  }

  /**
   * The top-level units of the arguments, sorted by path.
   *
   * @throws io.tidemark.event.TidemarkException naming an argument that does not exist
   */
  public List<EvidenceUnit> plan(List<Path> arguments) {
    return new EvidenceWalker(diagnostics).plan(arguments);
  }

  /**
   * Reads one unit: each evidence file in it (the file itself, or every entry of an archive,
   * recursively) is detected and handed to the consumer with its event stream, then its record
   * follows; an archive's record follows those of its entries.
   */
  public void read(EvidenceUnit unit, FileConsumer consumer) {
    requireNonNull(unit, "unit");
    requireNonNull(consumer, "consumer");
    NodeReader reader = new NodeReader(options, diagnostics, consumer);
    Node node = new Node(unit.path(), folders(unit), Node.folders(unit.path()),
        unit.argumentName(), modified(unit.file()), 0);
    try (InputStream in = Files.newInputStream(unit.file())) {
      reader.read(in, node, progress);
    } catch (ArchiveLimitException e) {
      // Reported where it tripped; the unit's budget is spent, nothing more to read.
    } catch (NoSuchFileException e) {
      reader.unreadable(node, "file-missing", "file no longer exists: " + unit.file());
    } catch (AccessDeniedException e) {
      reader.unreadable(node, "unreadable", "permission denied: " + unit.file());
    } catch (IOException e) {
      reader.unreadable(node, "unreadable", "cannot open: " + e.getMessage());
    }
  }

  /** All folders above the file on disk, for matching the layout. */
  private static List<String> folders(EvidenceUnit unit) {
    Path parent = unit.file().toAbsolutePath().getParent();
    java.util.ArrayList<String> folders = new java.util.ArrayList<>();
    if (parent != null) {
      for (Path name : parent) {
        folders.add(name.toString());
      }
    }
    return folders;
  }

  private static @Nullable Instant modified(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .lastModifiedTime().toInstant();
    } catch (IOException e) {
      return null;
    }
  }
}
