package io.tidemark.source;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.LogType;
import org.jspecify.annotations.Nullable;

/**
 * What a file's first bytes and its folders say it is.
 *
 * @param format the file format
 * @param logType the log type its records would have, or null
 * @param note a remark for the manifest (why a file is not read), or null
 */
record Detection(Format format, @Nullable LogType logType, @Nullable String note) {

  Detection {
    requireNonNull(format, "format");
  }

  static Detection of(Format format) {
    return new Detection(format, null, null);
  }

  static Detection unread(Format format, String note) {
    return new Detection(format, null, note);
  }
}
