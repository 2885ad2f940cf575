package io.tidemark.source;

import io.tidemark.event.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.jspecify.annotations.Nullable;

/**
 * Streams through zip, tar and gzip archives without unpacking them to disk, handing each entry
 * to the {@link NodeReader} as a file of its own. Entry names that escape the root and links are
 * skipped; every decompressed stream is guarded against bombs.
 */
final class ArchiveExpander {
  private static final int TAR_MAGIC_END = 262;

  private final NodeReader reader;
  private final IntakeOptions options;
  private final GuardedInputStream.Budget budget;

  ArchiveExpander(NodeReader reader, IntakeOptions options, GuardedInputStream.Budget budget) {
    this.reader = reader;
    this.options = options;
    this.budget = budget;
  }

  /** Reads every entry of an archive whose format was detected. */
  void expand(InputStream in, Format format, Node node, FileTally tally) throws IOException {
    switch (format) {
      case ZIP -> zip(in, node, tally);
      case TAR -> tar(in, node, tally);
      case GZIP -> gzip(in, node, tally);
      default -> throw new IllegalArgumentException("not an archive format: " + format);
    }
  }

  private void zip(InputStream in, Node node, FileTally tally) throws IOException {
    ZipArchiveInputStream zip = new ZipArchiveInputStream(in, "UTF-8", true, true);
    ZipArchiveEntry entry;
    long entries = 0;
    try {
      while ((entry = zip.getNextEntry()) != null) {
      if (entry.isDirectory()) {
        continue;
      }
      String name = acceptedName(entry, entry.isUnixSymlink(), node, tally);
      if (name == null) {
        continue;
      }
      if (!zip.canReadEntryData(entry)) {
        skip(tally, node, "entry-unreadable", "entry '" + EntryNames.shown(entry.getName())
            + "' is encrypted or uses an unsupported compression method; skipped");
        continue;
      }
      entries++;
      GuardedInputStream guard = guard(zip, zip::getCompressedCount,
          ArchiveLimitException.Scope.ENTRY, node, tally, name);
      boolean whole = readEntry(guard, node.entry(name, instant(entry.getLastModifiedDate())));
      if (!whole && !cheapToSkip(entry)) {
        tally.incomplete("entries after '" + EntryNames.shown(name) + "' were not read: "
            + "skipping the rest of that entry would mean decompressing it");
        break;
      }
      }
    } finally {
      tally.addRecords(entries);
    }
  }

  private static boolean cheapToSkip(ZipArchiveEntry entry) {
    return entry.getCompressedSize() != ArchiveEntry.SIZE_UNKNOWN
        && !entry.getGeneralPurposeBit().usesDataDescriptor();
  }

  private void tar(InputStream in, Node node, FileTally tally) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    TarArchiveEntry entry;
    long entries = 0;
    try {
      while ((entry = tar.getNextEntry()) != null) {
      boolean link = entry.isSymbolicLink() || entry.isLink();
      if (!link && !entry.isFile()) {
        continue; // folders, devices, FIFOs carry no evidence bytes
      }
      String name = acceptedName(entry, link, node, tally);
      if (name == null) {
        continue;
      }
      entries++;
      // Tar stores entries uncompressed: a gzip around it is guarded by gzip().
      readEntry(tar, node.entry(name, instant(entry.getModTime())));
      }
    } finally {
      tally.addRecords(entries);
    }
  }

  private void gzip(InputStream in, Node node, FileTally tally) throws IOException {
    GzipCompressorInputStream gzip = GzipCompressorInputStream.builder()
        .setInputStream(in).setDecompressConcatenated(true).get();
    PeekableInputStream content = new PeekableInputStream(gzip, TAR_MAGIC_END);
    if (Format.TAR == FormatDetector.detect(content.head(), content.headLength(),
        Layout.Match.NONE).format()) {
      // A .tar.gz is one archive level: its entries are named a.tar.gz!/x.
      tally.detected(Format.TAR, null);
      tally.note("gzip-compressed tar");
      GuardedInputStream guard = guard(content, gzip::getCompressedCount,
          ArchiveLimitException.Scope.ARCHIVE, node, tally, "(tar stream)");
      try {
        tar(guard, node, tally);
      } catch (ArchiveLimitException e) {
        if (e.owner() != guard) {
          throw e;
        }
        tally.incomplete("stopped: " + e.getMessage());
      }
      return;
    }
    GzipParameters header = gzip.getMetaData();
    String name = innerName(header.getFileName(), node.fileName());
    long mtime = header.getModificationTime();
    GuardedInputStream guard = guard(content, gzip::getCompressedCount,
        ArchiveLimitException.Scope.ENTRY, node, tally, name);
    readEntry(guard, node.entry(name, mtime > 0 ? Instant.ofEpochMilli(mtime) : null));
    tally.addRecords(1);
  }

  /** Reads one entry; false when its own guard stopped it. */
  private boolean readEntry(InputStream content, Node child) throws ArchiveLimitException {
    try {
      reader.read(content, child, null);
      return true;
    } catch (ArchiveLimitException e) {
      if (content instanceof GuardedInputStream guard && e.owner() == guard) {
        return false;
      }
      throw e;
    }
  }

  /** The entry's clean name, or null when it is skipped (reported). */
  private @Nullable String acceptedName(
      ArchiveEntry entry, boolean link, Node node, FileTally tally) {
    if (link) {
      skip(tally, node, "archive-link", "entry '" + EntryNames.shown(entry.getName())
          + "' is a link; links in archives are not followed");
      return null;
    }
    String name = EntryNames.normalize(entry.getName());
    if (name == null) {
      skip(tally, node, "entry-escapes-root", "entry name '" + EntryNames.shown(entry.getName())
          + "' escapes the archive root (absolute path, drive letter or '..'); skipped");
    }
    return name;
  }

  private GuardedInputStream guard(InputStream content, java.util.function.LongSupplier compressed,
      ArchiveLimitException.Scope scope, Node node, FileTally tally, String entryName) {
    return new GuardedInputStream(content, compressed, budget, options.maxCompressionRatio(),
        scope, tally.diagnostics(), node.path(), entryName);
  }

  private static void skip(FileTally tally, Node node, String code, String message) {
    tally.diagnostics().report(Diagnostic.skipped(code, message, node.path(), -1, -1));
  }

  /** The name of a gzip's content: its header's file name, else the archive's name trimmed. */
  static String innerName(@Nullable String headerName, String archiveName) {
    if (headerName != null) {
      String clean = EntryNames.normalize(headerName);
      if (clean != null) {
        return clean.substring(clean.lastIndexOf('/') + 1);
      }
    }
    String lower = archiveName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".tgz")) {
      return archiveName.substring(0, archiveName.length() - 4) + ".tar";
    }
    for (String suffix : new String[] {".gz", ".gzip", ".z"}) {
      if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
        return archiveName.substring(0, archiveName.length() - suffix.length());
      }
    }
    return archiveName + ".content";
  }

  private static @Nullable Instant instant(@Nullable Date date) {
    return date == null || date.getTime() <= 0 ? null : date.toInstant();
  }
}
