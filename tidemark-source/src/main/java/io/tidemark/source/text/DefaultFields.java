package io.tidemark.source.text;

import io.tidemark.event.LogType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The field lists assumed for logs written without a header, loaded from {@code
 * default-fields.tsv}: Elastic's HttpProxy sample and some IIS exports carry no {@code #Fields}.
 */
final class DefaultFields {
  private static final String RESOURCE = "default-fields.tsv";
  private static final List<Layout> LAYOUTS = load();

  /** One assumed layout; {@code extraColumn} names a trailing non-standard column, or null. */
  record Layout(LogType logType, @Nullable String extraColumn, List<String> names) {
    Layout {
      names = List.copyOf(names);
    }
  }

  private DefaultFields() {}

  /** The assumed layout of a headerless line with {@code count} values, or null. */
  static @Nullable Layout find(LogType logType, int count) {
    for (Layout layout : LAYOUTS) {
      if (layout.logType == logType && layout.names.size() == count) {
        return layout;
      }
    }
    return null;
  }

  private static List<Layout> load() {
    InputStream in = DefaultFields.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
    }
    List<Layout> layouts = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        if (columns.length != 3) {
          throw new IllegalStateException(
              RESOURCE + ":" + number + ": expected 3 tab-separated columns, got "
                  + columns.length);
        }
        String extra = columns[1].equals("-") ? null : columns[1];
        layouts.add(
            new Layout(LogType.fromId(columns[0]), extra, Arrays.asList(columns[2].split(","))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
    }
    return List.copyOf(layouts);
  }
}
