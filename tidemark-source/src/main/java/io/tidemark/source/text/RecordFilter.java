package io.tidemark.source.text;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A cheap, conservative test on a record's raw bytes: false means no rule can match the record,
 * so a reader may count it without parsing it. A reader asks only about records of ASCII bytes
 * without NUL, and only when every field value a rule can read occurs in the bytes it offers;
 * other records are parsed and matched in full.
 */
public interface RecordFilter {

  /** Whether a record whose raw line is {@code bytes[from, to)} may match some rule. */
  boolean mayMatch(byte[] bytes, int from, int to);

  /**
   * Whether some literal the filter looks for contains this ASCII character. When a value differs
   * from the raw bytes around the character (a CSV value's doubled quotes, W3C's {@code cs-uri}
   * joined with {@code ?}), a reader offers that value separately or parses the record.
   */
  boolean contains(char c);

  /**
   * The searches for the records under a header naming these columns, in order: a literal the
   * rules need in one column is looked for only in that column's raw value, one needed in a
   * field the records cannot have not at all. The default looks for every literal in the whole
   * line. A reader asks once per header, not per record.
   *
   * @param names the columns, in order
   * @param otherFields the fields besides the columns that the records may have, derived from the
   *     line (W3C's {@code cs-uri}); null when they may have any (ECP's EventData pairs)
   */
  default ColumnSearch columns(List<String> names, @Nullable Set<String> otherFields) {
    return ColumnSearch.wholeLine(this);
  }
}
