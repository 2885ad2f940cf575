package io.tidemark.source.text;

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
}
