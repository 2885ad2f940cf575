package io.tidemark.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Receives diagnostics. Implementations must be thread-safe: readers run in parallel. */
@FunctionalInterface
public interface DiagnosticSink {

  void report(Diagnostic diagnostic);

  /** A sink that drops everything. */
  static DiagnosticSink ignoring() {
    return diagnostic -> {};
  }

  /** A thread-safe sink that keeps every diagnostic, for tests and small runs. */
  static Collecting collecting() {
    return new Collecting();
  }

  /** Keeps every diagnostic it receives. */
  final class Collecting implements DiagnosticSink {
    private final List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void report(Diagnostic diagnostic) {
      diagnostics.add(diagnostic);
    }

    /** A snapshot of what was reported so far. */
    public List<Diagnostic> diagnostics() {
      synchronized (diagnostics) {
        return List.copyOf(diagnostics);
      }
    }
  }
}
