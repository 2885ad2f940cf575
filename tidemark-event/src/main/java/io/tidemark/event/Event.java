package io.tidemark.event;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One normalised log record. Rules see a record only through this interface: field lookup by
 * name, plus where it came from. Format quirks (W3C {@code #Fields}, Exchange CSV quoting, the
 * JSON shapes of Windows event exports) stay inside the readers.
 *
 * <p>A field is in one of three states, which Sigma keeps distinct: absent ({@link #has} is
 * false), present with no value ({@link #has} true, {@link #get} null; a JSON {@code null}), or
 * present with a string value, possibly empty. Field names are case-sensitive.
 *
 * <p>Implementations are immutable and safe to share between threads once built.
 */
public interface Event {

  /** The file this record came from. */
  SourceFile source();

  /**
   * The record's number: the 1-based line number in a text log, the EventRecordID of a Windows
   * event, or the 1-based record index in a JSON export that carries no record id.
   */
  long recordId();

  /** Byte offset of the record's first byte in its (decompressed) file, or -1 when unknown. */
  long offset();

  /** When the record was written, in UTC, or null when the record carries no usable time. */
  @Nullable Instant timestamp();

  /** The field's value, or null when the field is absent or has no value. Hot path. */
  @Nullable String get(String field);

  /** Whether the field is present, even if empty or null. */
  boolean has(String field);

  /**
   * Every value of a field, in order. Multi-valued fields come from repeated unnamed
   * {@code <Data>} elements and JSON arrays; single-valued fields give one element; absent or
   * null fields give an empty list.
   */
  List<String> getAll(String field);

  /** Field names in record order. */
  List<String> fieldNames();

  /** Visits every (name, value) pair in record order; multi-valued fields visit each value. */
  void forEachValue(FieldVisitor visitor);

  /**
   * A text in which every field value occurs as a contiguous substring, for prefilters that
   * decide cheaply that a record cannot match. It may contain more than the values (a raw log
   * line does), never less.
   */
  CharSequence searchText();

  /** Receives one field value. */
  @FunctionalInterface
  interface FieldVisitor {
    void visit(String name, String value);
  }
}
