package io.tidemark.source.text;

import static java.util.Objects.requireNonNull;

/**
 * A {@link RecordFilter}'s searches for the records under one header: literals bound to a column
 * are looked for in that column's raw value (quotes included), the others in the whole line. A
 * record may match when any search finds one. Immutable.
 */
public interface ColumnSearch {

  /** The columns searched on their own, ascending, without duplicates; may be empty; a copy. */
  int[] columns();

  /**
   * Whether the raw value {@code bytes[from, to)} of column {@code columns()[k]} holds a literal
   * the rules need in that column.
   */
  boolean mayMatchColumn(int k, byte[] bytes, int from, int to);

  /** Whether some literals may occur in any field, or in one that is not a column. */
  boolean searchesLine();

  /** Whether the whole raw line {@code bytes[from, to)} holds one of those literals. */
  boolean mayMatchLine(byte[] bytes, int from, int to);

  /** Every literal of the filter, looked for in the whole line. */
  static ColumnSearch wholeLine(RecordFilter filter) {
    requireNonNull(filter, "filter");
    return new ColumnSearch() {
      @Override
      public int[] columns() {
        return new int[0];
      }

      @Override
      public boolean mayMatchColumn(int k, byte[] bytes, int from, int to) {
        throw new IndexOutOfBoundsException("no column is searched on its own: " + k);
      }

      @Override
      public boolean searchesLine() {
        return true;
      }

      @Override
      public boolean mayMatchLine(byte[] bytes, int from, int to) {
        return filter.mayMatch(bytes, from, to);
      }
    };
  }
}
