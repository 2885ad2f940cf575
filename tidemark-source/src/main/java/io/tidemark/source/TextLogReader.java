package io.tidemark.source;

import io.tidemark.event.Event;
import io.tidemark.event.SourceFile;
import io.tidemark.source.text.LineParser;
import io.tidemark.source.text.LineShape;
import io.tidemark.source.text.RecordFilter;
import io.tidemark.source.text.TimeSpan;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** Reads a columnar text log: lines from a {@link LineScanner}, records from a LineParser. */
final class TextLogReader implements LogReader {
  private final LineScanner scanner;
  private final LineParser parser;
  private final TimeSpan skimmed = new TimeSpan();
  private @Nullable RecordFilter filter;
  private @Nullable LineShape lineShape;
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
      RecordFilter f = filter;
      LineShape shape = f == null ? null : lineShape;
      while (scanner.advance(shape)) {
        if (shape != null && scanner.lineTerminated()) {
          LineParser.Skim skim = parser.skim(scanner.buffer(), scanner.lineStart(),
              scanner.lineEnd(), shape.shape(), f, skimmed);
          if (skim == LineParser.Skim.COUNTED) {
            continue;
          }
          if (skim == LineParser.Skim.CANDIDATE) {
            recordsRead++;
            return parser.skimmed(scanner.buffer(), scanner.lineStart(), scanner.lineEnd(),
                scanner.lineNumber(), scanner.lineOffset());
          }
        }
        Event event = parser.parse(scanner.decode(), scanner.lineNumber(), scanner.lineOffset());
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
  public void filter(RecordFilter filter) {
    this.filter = filter;
    this.lineShape = parser.lineShape();
  }

  @Override
  public FilteredRecords filtered() {
    return skimmed.count() == 0 ? FilteredRecords.NONE
        : new FilteredRecords(skimmed.count(), skimmed.earliest(), skimmed.latest());
  }

  @Override
  public long recordsRead() {
    return recordsRead + skimmed.count();
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
