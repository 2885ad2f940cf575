package io.tidemark.evtx;

import io.tidemark.event.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * What decoding one block produced: its events in file order (records, then recovered ones),
 * its diagnostics, and the counts that go into {@link EvtxSummary}.
 */
record ChunkResult(
    List<EvtxEvent> events,
    List<Diagnostic> diagnostics,
    int chunks,
    int recovered,
    int undecodable,
    int undecodableCarved,
    long missing,
    int crcMismatches) {

  ChunkResult {
    events = List.copyOf(events);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Collects a result while a chunk is decoded. */
  static final class Builder {
    private final List<EvtxEvent> events = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>(2);
    private int chunks;
    private int recovered;
    private int undecodable;
    private int undecodableCarved;
    private long missing;
    private int crcMismatches;

    void event(EvtxEvent event) {
      events.add(event);
      if (event.recovered()) {
        recovered++;
      }
    }

    void diagnostic(Diagnostic diagnostic) {
      diagnostics.add(diagnostic);
    }

    void chunk() {
      chunks++;
    }

    void undecodable(boolean carved) {
      if (carved) {
        undecodableCarved++;
      } else {
        undecodable++;
      }
    }

    void missing(long count) {
      missing += count;
    }

    void crcMismatch() {
      crcMismatches++;
    }

    int recovered() {
      return recovered;
    }

    int undecodableCarved() {
      return undecodableCarved;
    }

    ChunkResult build() {
      return new ChunkResult(events, diagnostics, chunks, recovered, undecodable,
          undecodableCarved, missing, crcMismatches);
    }
  }
}
