package io.tidemark.source;

import io.tidemark.event.Event;
import io.tidemark.event.SourceFile;
import io.tidemark.evtx.EvtxOptions;
import io.tidemark.evtx.EvtxReader;
import io.tidemark.evtx.EvtxSummary;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Binary {@code .evtx} files through Tidemark's own decoder. Records carved from slack or
 * damaged chunks are returned too, flagged {@code Tidemark_Recovered=true}: a deleted record
 * of a cleared log is exactly what an investigator needs to see, and rules may match it.
 */
final class EvtxLogReader implements LogReader {
  private final EvtxReader reader;
  private final FileDiagnostics diagnostics;
  private boolean ended;

  EvtxLogReader(
      InputStream in, SourceFile source, FileDiagnostics diagnostics, IntakeOptions options) {
    // Never closed: closing the decoder closes the stream, which the intake still drains to
    // finish the file's hash.
    this.reader = EvtxReader.open(in, source, diagnostics, EvtxOptions.defaults());
    this.diagnostics = diagnostics;
  }

  @Override
  public @Nullable Event next() {
    if (ended) {
      return null;
    }
    Event event = reader.next();
    if (event == null) {
      ended = true;
      account(reader.summary());
    }
    return event;
  }

  private void account(EvtxSummary s) {
    // Undecodable records were each reported as skipped; records the chunk headers promise
    // but that are not there were reported per chunk, so they are counted here.
    diagnostics.countSkipped("evtx-records-missing", s.missing());
    StringBuilder note = new StringBuilder(String.format(Locale.ROOT,
        "EVTX: %d chunk%s, %d record%s in order", s.chunks(), s.chunks() == 1 ? "" : "s",
        s.records(), s.records() == 1 ? "" : "s"));
    if (s.recovered() > 0) {
      note.append(String.format(Locale.ROOT,
          ", %d recovered from slack or damaged chunks (flagged Tidemark_Recovered)",
          s.recovered()));
    }
    if (s.lost() > 0) {
      note.append(String.format(Locale.ROOT, ", %d lost (%d undecodable, %d missing)",
          s.lost(), s.undecodable(), s.missing()));
    }
    if (s.crcMismatches() > 0) {
      note.append(String.format(Locale.ROOT, ", %d checksum mismatch%s (decoded anyway)",
          s.crcMismatches(), s.crcMismatches() == 1 ? "" : "es"));
    }
    if (s.truncated()) {
      note.append(", truncated");
    }
    if (s.dirty()) {
      note.append(", not closed cleanly");
    }
    diagnostics.note(note.toString());
  }

  @Override
  public long recordsRead() {
    return reader.recordsRead();
  }

  @Override
  public long drain() throws IOException {
    return reader.drain();
  }

  @Override
  public @Nullable IOException failure() {
    return reader.failure();
  }
}
