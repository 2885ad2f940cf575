package io.tidemark.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated mapping tables shipped as resources; {@code #} starts a comment line.
 * Public only so the reader packages below this one share it; not an API for other modules.
 */
public final class ResourceTable {
  private ResourceTable() {}

  /** The rows of a table next to this class, each split on tabs. */
  static List<String[]> read(String resource) {
    return read(ResourceTable.class, resource);
  }

  /** The rows of a table next to {@code anchor}, each split on tabs. */
  public static List<String[]> read(Class<?> anchor, String resource) {
    InputStream in = anchor.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("resource " + resource + " is missing from the classpath");
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resource, e);
    }
    return rows;
  }

  /** Fails with the table and row when a row has the wrong shape. */
  static void expectColumns(String resource, String[] row, int columns) {
    if (row.length != columns) {
      throw new IllegalStateException(resource + ": row '" + String.join("\\t", row)
          + "' has " + row.length + " columns; expected " + columns);
    }
  }
}
