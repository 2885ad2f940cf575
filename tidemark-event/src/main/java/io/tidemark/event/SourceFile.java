package io.tidemark.event;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One evidence file as events refer to it, shared by every event read from that file.
 *
 * @param path the file as a path below the evidence argument, with {@code /} separators; inside
 *     an archive, {@code archive.zip!/inner/path}. For a single file argument, its file name.
 * @param logType the log type its reader produces
 * @param protocol the Exchange protocol the on-disk layout implies ({@code Owa}, {@code Ews},
 *     {@code Ecp}...), or null when the layout says nothing
 * @param role front end or back end, from the on-disk layout ({@code W3SVC1} vs {@code W3SVC2})
 * @param host the server the evidence belongs to, when the layout or the content names it
 */
public record SourceFile(
    String path, LogType logType, @Nullable String protocol, SiteRole role, @Nullable String host) {

  public SourceFile {
    requireNonNull(path, "path");
    requireNonNull(logType, "logType");
    requireNonNull(role, "role");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("path must not be empty");
    }
  }

  /** A source with no layout context, for tests and single files. */
  public static SourceFile of(String path, LogType logType) {
    return new SourceFile(path, logType, null, SiteRole.UNKNOWN, null);
  }
}
