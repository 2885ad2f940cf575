package io.tidemark.source;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One evidence file being read, top-level or inside archives, and where it sits.
 *
 * @param path the display path ({@code a.zip!/b.tar.gz!/x.log})
 * @param layoutFolders every folder above it, from the file system root through archive entry
 *     folders, for matching the Exchange layout
 * @param hostFolders the folders above it below the evidence argument, archives counting as
 *     folders named without their extension, for naming the host
 * @param argumentName the evidence folder's name, or null for a file argument
 * @param modified last-modified time, or null
 * @param depth how many archives it is inside
 */
record Node(
    String path,
    List<String> layoutFolders,
    List<String> hostFolders,
    @Nullable String argumentName,
    @Nullable Instant modified,
    int depth) {

  private static final String[] ARCHIVE_SUFFIXES = {".tar.gz", ".tgz", ".zip", ".tar", ".gz"};

  Node {
    requireNonNull(path, "path");
    layoutFolders = List.copyOf(layoutFolders);
    hostFolders = List.copyOf(hostFolders);
  }

  /** The node of an archive entry, named by its normalised path inside the archive. */
  Node entry(String entryPath, @Nullable Instant entryModified) {
    String archiveName = fileName();
    List<String> entryFolders = folders(entryPath);
    List<String> layout = new ArrayList<>(layoutFolders);
    layout.add(archiveName);
    layout.addAll(entryFolders);
    List<String> host = new ArrayList<>(hostFolders);
    host.add(withoutArchiveSuffix(archiveName));
    host.addAll(entryFolders);
    return new Node(path + "!/" + entryPath, layout, host, argumentName, entryModified, depth + 1);
  }

  /** The last segment of the path. */
  String fileName() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** The folder segments of a {@code /}-separated relative path, without its file name. */
  static List<String> folders(String relativePath) {
    List<String> folders = new ArrayList<>();
    int start = 0;
    for (int slash = relativePath.indexOf('/'); slash >= 0;
        slash = relativePath.indexOf('/', start)) {
      folders.add(relativePath.substring(start, slash));
      start = slash + 1;
    }
    return folders;
  }

  static String withoutArchiveSuffix(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : ARCHIVE_SUFFIXES) {
      if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }
}
