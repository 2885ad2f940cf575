package io.tidemark.source;

import java.io.IOException;

/**
 * Thrown out of a guarded archive stream when it passes a limit. It unwinds to the archive that
 * owns the guard, which decides whether to skip the entry or stop; files being read on the way
 * get their records with a note.
 */
final class ArchiveLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  /** How much reading stops. */
  enum Scope {
    /** Only the entry; the archive goes on with the next one when that is cheap. */
    ENTRY,
    /** The archive whose stream tripped (a gzip feeding a tar). */
    ARCHIVE,
    /** The whole top-level unit: its decompressed budget is spent. */
    UNIT
  }

  private final transient Object owner;
  private final Scope scope;

  ArchiveLimitException(String message, Object owner, Scope scope) {
    super(message);
    this.owner = owner;
    this.scope = scope;
  }

  /** The guard that tripped. */
  Object owner() {
    return owner;
  }

  Scope scope() {
    return scope;
  }
}
