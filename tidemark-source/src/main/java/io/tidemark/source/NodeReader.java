package io.tidemark.source;

import io.tidemark.event.Diagnostic;
import io.tidemark.event.DiagnosticSink;
import io.tidemark.event.LogType;
import io.tidemark.event.SiteRole;
import io.tidemark.event.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads one evidence file, top-level or an archive entry: hashes and counts its bytes, detects
 * its format, hands a log to the consumer or expands an archive, then sends its record. One per
 * unit being read; not thread-safe.
 */
final class NodeReader {
  private final IntakeOptions options;
  private final DiagnosticSink sink;
  private final FileConsumer consumer;
  private final ArchiveExpander archives;

  NodeReader(IntakeOptions options, DiagnosticSink sink, FileConsumer consumer) {
    this.options = options;
    this.sink = sink;
    this.consumer = consumer;
    this.archives = new ArchiveExpander(this, options,
        new GuardedInputStream.Budget(options.maxArchiveBytes()));
  }

  /**
   * Reads a file to its end and sends its record.
   *
   * @param progress hears the raw bytes; null for archive entries, whose archive reports them
   * @throws ArchiveLimitException when a guard of an enclosing archive tripped; this file's
   *     record has been sent
   */
  void read(InputStream raw, Node node, @Nullable ProgressListener progress)
      throws ArchiveLimitException {
    FileDiagnostics diagnostics = new FileDiagnostics(sink);
    Layout.Match layout = Layout.EXCHANGE.match(node.layoutFolders());
    String host = Layout.EXCHANGE.host(node.hostFolders(), node.argumentName());
    FileTally tally = new FileTally(node.path(), host, node.modified(), diagnostics);
    HashingInputStream hashing = new HashingInputStream(raw, options.hashFiles(), progress);
    ArchiveLimitException limit = null;
    try {
      PeekableInputStream in = new PeekableInputStream(hashing, FormatDetector.PEEK_BYTES);
      Detection detection = FormatDetector.detect(in.head(), in.headLength(), layout);
      tally.detected(detection.format(), detection.logType());
      if (detection.note() != null) {
        tally.note(detection.note());
      }
      dispatch(in, detection, node, layout, host, tally);
      hashing.drain();
    } catch (ArchiveLimitException e) {
      limit = e;
      tally.incomplete("not read to the end: " + e.getMessage());
    } catch (IOException e) {
      String message = "cannot read past offset " + hashing.count() + ": " + e.getMessage();
      diagnostics.report(Diagnostic.error("read-error", message, node.path(), hashing.count()));
      tally.incomplete(message);
    }
    consumer.onFileDone(tally.build(hashing.count(), hashing.sha256Hex()));
    if (limit != null) {
      throw limit;
    }
  }

  /** Accounts for a file that could not be opened. */
  void unreadable(Node node, String code, String message) {
    FileDiagnostics diagnostics = new FileDiagnostics(sink);
    diagnostics.report(Diagnostic.error(code, message, node.path(), -1));
    FileTally tally = new FileTally(node.path(), Layout.EXCHANGE.host(node.hostFolders(),
        node.argumentName()), node.modified(), diagnostics);
    tally.detected(Format.UNREADABLE, null);
    tally.incomplete(message);
    consumer.onFileDone(tally.build(0, null));
  }

  private void dispatch(
      PeekableInputStream in, Detection detection, Node node, Layout.Match layout,
      @Nullable String host, FileTally tally) throws IOException {
    Format format = detection.format();
    LogReader.Factory factory = format.reader();
    if (format.isArchive()) {
      if (node.depth() >= options.maxArchiveDepth()) {
        String message = "archive nested " + (node.depth() + 1) + " levels deep; the limit is "
            + options.maxArchiveDepth() + ", so it is not opened";
        tally.diagnostics().report(Diagnostic.error("archive-too-deep", message, node.path(), 0));
        tally.note(message);
        return;
      }
      archives.expand(in, format, node, tally);
    } else if (factory != null && detection.logType() != null) {
      readLog(in, factory, source(node, detection.logType(), layout, host), tally);
    }
  }

  private void readLog(
      PeekableInputStream in, LogReader.Factory factory, SourceFile source, FileTally tally)
      throws IOException {
    LogReader reader = factory.open(in, source, tally.diagnostics(), options);
    consumer.onFile(source, reader);
    IOException failure = reader.failure();
    tally.addRecords(reader.recordsRead());
    if (failure != null) {
      throw failure;
    }
    long rest = reader.drain();
    if (rest > 0) {
      tally.addRecords(rest);
      tally.note(String.format(Locale.ROOT, "the consumer stopped after %d records; the "
          + "remaining %d were counted, not parsed", reader.recordsRead(), rest));
    }
  }

  /** The layout's protocol and role apply when the folder agrees with the content. */
  private static SourceFile source(
      Node node, LogType logType, Layout.Match layout, @Nullable String host) {
    boolean agrees = layout.logType() == null || layout.logType() == logType;
    return new SourceFile(node.path(), logType, agrees ? layout.protocol() : null,
        agrees ? layout.role() : SiteRole.UNKNOWN, host);
  }
}
