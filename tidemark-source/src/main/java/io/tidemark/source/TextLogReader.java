package io.tidemark.source;

import io.tidemark.event.Event;
import io.tidemark.event.SourceFile;
import io.tidemark.source.text.LineParser;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** Reads a columnar text log: lines from a {@link LineScanner}, records from a LineParser. */
final class TextLogReader implements LogReader {
  private final LineScanner scanner;
  private final LineParser parser;
  private long recordsRead;
  private boolean ended;
  private @Nullable IOException failure;

  TextLogReader(
      InputStream in, SourceFile source, FileDiagnostics diagnostics, IntakeOptions options) {
    this.scanner = new LineScanner(in, options.maxLineBytes(), diagnostics, source.path());
    this.parser = LineParser.create(source, diagnostics, options.maxLineBytes());
  }

  @Override
  public @Nullable Event next() {
    if (ended) {
      return null;
    }
    try {
      String line;
      while ((line = scanner.next()) != null) {
        Event event = parser.parse(line, scanner.lineNumber(), scanner.lineOffset());
        if (event != null) {
          recordsRead++;
          return event;
        }
      }
    } catch (IOException e) {
      failure = e;
    }
    ended = true;
    parser.finish();
    return null;
  }

  @Override
  public long recordsRead() {
    return recordsRead;
  }

  @Override
  public long drain() throws IOException {
    if (ended) {
      return 0;
    }
    ended = true;
    return scanner.countRemainingRecords();
  }

  @Override
  public @Nullable IOException failure() {
    return failure;
  }
}
