package io.tidemark.source.text;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.FieldSchema;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one header line says about the records below it: the column names, how a raw value is
 * decoded, where the time is, and which fields are derived from others. Shared by every record
 * read under that header.
 */
final class RecordLayout {
  /** The W3C field derived from stem and query, as Sigma's webserver rules expect. */
  static final String W3C_URI = "cs-uri";

  private static final List<String> CSV_TIME_FIELDS =
      List.of("DateTime", "date-time", "TimeStamp", "Timestamp", "MyTimeStamp");

  final ValueSyntax syntax;
  final FieldSchema schema;
  /** CSV: the timestamp column; W3C: the {@code date} column. -1 when absent. */
  final int timeColumn;
  /** W3C: the {@code time} column, or -1. */
  final int clockColumn;
  final int stemColumn;
  final int queryColumn;
  final boolean derivesUri;
  /** The ECP {@code EventData} column whose {@code S:KEY=VALUE} pairs become fields, or -1. */
  final int pairsColumn;
  /** The trailing column a headerless layout assumed beyond the standard ones, or null. */
  final @Nullable String assumedExtraColumn;
  /** Column names plus {@code cs-uri} when derived; shared by every record. */
  final List<String> namesWithUri;

  private RecordLayout(
      ValueSyntax syntax,
      FieldSchema schema,
      int timeColumn,
      int clockColumn,
      boolean splitsPairs,
      @Nullable String assumedExtraColumn) {
    this.syntax = requireNonNull(syntax, "syntax");
    this.schema = requireNonNull(schema, "schema");
    this.timeColumn = timeColumn;
    this.clockColumn = clockColumn;
    this.stemColumn = schema.indexOf("cs-uri-stem");
    this.queryColumn = schema.indexOf("cs-uri-query");
    this.derivesUri =
        syntax == ValueSyntax.W3C && stemColumn >= 0 && schema.indexOf(W3C_URI) < 0;
    this.pairsColumn = splitsPairs ? schema.indexOf("EventData") : -1;
    this.assumedExtraColumn = assumedExtraColumn;
    List<String> names = new java.util.ArrayList<>(schema.names());
    if (derivesUri) {
      names.add(W3C_URI);
    }
    this.namesWithUri = List.copyOf(names);
  }

  /** A W3C layout from the names of a {@code #Fields} line (or a headerless default). */
  static RecordLayout w3c(List<String> names, @Nullable String assumedExtraColumn) {
    FieldSchema schema = FieldSchema.of(names);
    return new RecordLayout(
        ValueSyntax.W3C,
        schema,
        schema.indexOf("date"),
        schema.indexOf("time"),
        /* splitsPairs= */ false,
        assumedExtraColumn);
  }

  /** A CSV layout; {@code splitsPairs} for the ECP logs whose EventData holds key=value pairs. */
  static RecordLayout csv(List<String> names, boolean splitsPairs) {
    FieldSchema schema = FieldSchema.of(names);
    return new RecordLayout(
        ValueSyntax.CSV, schema, csvTimeColumn(schema), -1, splitsPairs, null);
  }

  private static int csvTimeColumn(FieldSchema schema) {
    for (String name : CSV_TIME_FIELDS) {
      int i = schema.indexOf(name);
      if (i >= 0) {
        return i;
      }
    }
    // OAB generator and activity logs: the first column that names a time.
    List<String> names = schema.names();
    for (int i = 0; i < names.size(); i++) {
      String lower = names.get(i).toLowerCase(Locale.ROOT);
      if (lower.contains("time") || lower.contains("date")) {
        return i;
      }
    }
    return -1;
  }

  int size() {
    return schema.size();
  }

  /** The fields a record has besides its columns, or null when it may have any (pairs). */
  @Nullable Set<String> otherFields() {
    if (pairsColumn >= 0) {
      return null;
    }
    return derivesUri ? Set.of(W3C_URI) : Set.of();
  }

  /** How a raw value between separators becomes a field value. */
  enum ValueSyntax {
    /** Space-separated; {@code -} is the empty value; nothing is quoted. */
    W3C {
      @Override
      String decode(String text, int start, int end) {
        if (end - start == 1 && text.charAt(start) == '-') {
          return "";
        }
        return text.substring(start, end);
      }
    },
    /** Comma-separated; a value may be quoted with {@code ""} escapes. */
    CSV {
      @Override
      String decode(String text, int start, int end) {
        if (start < end && text.charAt(start) == '"') {
          return CsvSplitter.unquote(text, start, end);
        }
        return text.substring(start, end);
      }
    };

    abstract String decode(String text, int start, int end);
  }
}
