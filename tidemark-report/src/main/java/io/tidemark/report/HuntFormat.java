package io.tidemark.report;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The output formats of {@code hunt}, each holding its writer's constructor. */
public enum HuntFormat {
  /** One JSON object per line: the contract other tools parse. */
  JSONL(JsonLinesDetectionWriter::new),
  /** RFC 4180 CSV with a header row, for spreadsheets and Timeline Explorer. */
  CSV(CsvDetectionWriter::new),
  /** An aligned text table for people at a terminal. */
  TABLE(TableDetectionWriter::new);

  private final Function<OutputStream, DetectionWriter> factory;

  HuntFormat(Function<OutputStream, DetectionWriter> factory) {
    this.factory = factory;
  }

  /** A writer of this format over the stream; closing the writer closes the stream. */
  public DetectionWriter open(OutputStream out) {
    return factory.apply(out);
  }

  /** Parses a format name strictly, listing the allowed names. */
  public static HuntFormat of(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown format '" + name + "', must be one of: " + names(), e);
    }
  }

  public static String names() {
    return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
