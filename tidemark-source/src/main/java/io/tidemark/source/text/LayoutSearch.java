package io.tidemark.source.text;

/**
 * A filter's {@link ColumnSearch} for the records under one layout, with room for one line's
 * column bounds. Mutable; one per parser.
 */
final class LayoutSearch {
  final RecordFilter filter;
  final RecordLayout layout;
  private final ColumnSearch search;
  private final int[] columns;
  private final int[] bounds;
  private final boolean searchesLine;
  private final int[] separators;

  LayoutSearch(RecordFilter filter, RecordLayout layout) {
    this.filter = filter;
    this.layout = layout;
    this.search = filter.columns(layout.schema.names(), layout.otherFields());
    int[] wanted = search.columns();
    for (int k = 0; k < wanted.length; k++) {
      if (wanted[k] < 0 || wanted[k] >= layout.size() || (k > 0 && wanted[k] <= wanted[k - 1])) {
        throw new IllegalStateException("columns to search must ascend within the "
            + layout.size() + " columns: " + java.util.Arrays.toString(wanted));
      }
    }
    this.columns = wanted;
    this.bounds = new int[2 * wanted.length];
    this.searchesLine = search.searchesLine();
    java.util.TreeSet<Integer> separators = new java.util.TreeSet<>();
    for (int column : wanted) {
      if (column > 0) {
        separators.add(column - 1);
      }
      if (column < layout.size() - 1) {
        separators.add(column);
      }
    }
    this.separators = separators.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The ordinals of the separators that bound the searched columns, ascending: what a {@link
   * LineShape} should {@link LineShape#mark} for {@link #mayMatchSplit}.
   */
  int[] separators() {
    return separators;
  }

  /** Whether this search was made for the filter and the layout. */
  boolean isFor(RecordFilter f, RecordLayout l) {
    return filter == f && layout == l;
  }

  /**
   * Whether a line of unquoted values split at every {@code separator} may match; {@code shape}
   * found it, and may have marked where its columns are.
   */
  boolean mayMatchSplit(byte[] bytes, int from, int to, byte separator, LineShape shape) {
    if (columns.length > 0) {
      if (shape.marks(separators) && shape.markCount() == separators.length) {
        boundsFrom(shape, from, to);
      } else if (!RawLines.columnBounds(bytes, from, to, separator, columns, bounds)) {
        return true; // fewer values than the layout: the caller parses such lines anyway
      }
      for (int k = 0; k < columns.length; k++) {
        if (search.mayMatchColumn(k, bytes, bounds[2 * k], bounds[2 * k + 1])) {
          return true;
        }
      }
    }
    return searchesLine && search.mayMatchLine(bytes, from, to);
  }

  private void boundsFrom(LineShape shape, int from, int to) {
    int m = 0;
    int last = layout.size() - 1;
    for (int k = 0; k < columns.length; k++) {
      int column = columns[k];
      int start = from;
      if (column > 0) {
        while (separators[m] != column - 1) {
          m++;
        }
        start = shape.marked(m) + 1;
      }
      int end = to;
      if (column < last) {
        while (separators[m] != column) {
          m++;
        }
        end = shape.marked(m);
      }
      bounds[2 * k] = start;
      bounds[2 * k + 1] = end;
    }
  }

  /**
   * Whether a line may match, its values bounded as {@link RawLines#splitQuoted} gives them:
   * value {@code i} spans {@code [cuts[i], cuts[i + 1] - 1)}.
   */
  boolean mayMatchCut(byte[] bytes, int from, int to, int[] cuts) {
    for (int k = 0; k < columns.length; k++) {
      int column = columns[k];
      if (search.mayMatchColumn(k, bytes, cuts[column], cuts[column + 1] - 1)) {
        return true;
      }
    }
    return searchesLine && search.mayMatchLine(bytes, from, to);
  }

  /** Whether the whole-line literals occur in a value put together from the line (cs-uri). */
  boolean mayMatchJoined(byte[] bytes, int from, int to) {
    return searchesLine && search.mayMatchLine(bytes, from, to);
  }
}
