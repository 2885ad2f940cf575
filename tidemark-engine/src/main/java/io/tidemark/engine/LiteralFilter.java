package io.tidemark.engine;

import io.tidemark.event.LogType;
import io.tidemark.sigma.compile.CompiledRuleSet;
import io.tidemark.sigma.compile.LiteralScanner;
import io.tidemark.sigma.compile.RequiredLiteral;
import io.tidemark.source.text.ColumnSearch;
import io.tidemark.source.text.RecordFilter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The raw-line prefilter for one log type: a record none of whose bytes spell a literal that
 * some rule for the type requires cannot match, so the reader only counts it. A literal bound to
 * a field that is a column of the log is looked for in that column only. Correlation base rules
 * are rules like any other here, so they lose no event. Thread-safe.
 */
final class LiteralFilter implements RecordFilter {
  /** Headers seen in one hunt are few; a log that keeps changing them gets no more cache. */
  private static final int MAX_CACHED_HEADERS = 64;

  private final LiteralScanner all;
  private final Map<String, Set<String>> byField;
  private final Set<String> anyField;
  private final Map<Header, ColumnSearch> searches = new ConcurrentHashMap<>();

  private LiteralFilter(Set<RequiredLiteral> literals) {
    Set<String> every = new HashSet<>();
    Map<String, Set<String>> fields = new HashMap<>();
    Set<String> any = new HashSet<>();
    for (RequiredLiteral l : literals) {
      every.add(l.literal());
      if (l.field() == null) {
        any.add(l.literal());
      } else {
        fields.computeIfAbsent(l.field(), f -> new HashSet<>()).add(l.literal());
      }
    }
    this.all = LiteralScanner.of(every);
    this.byField = fields;
    this.anyField = any;
  }

  /**
   * One filter per log type the rules can be filtered for: a type is left out when some rule for
   * it needs no literal (every record must then be matched) or it is read from JSON.
   */
  static Map<LogType, LiteralFilter> forRules(CompiledRuleSet rules) {
    Map<LogType, LiteralFilter> filters = new EnumMap<>(LogType.class);
    for (LogType type : LogType.values()) {
      if (type == LogType.WINDOWS_EVENT) {
        continue;
      }
      Set<RequiredLiteral> literals = rules.requiredFieldLiterals(type);
      if (literals != null) {
        filters.put(type, new LiteralFilter(literals));
      }
    }
    return filters;
  }

  @Override
  public boolean mayMatch(byte[] bytes, int from, int to) {
    return all.find(bytes, from, to);
  }

  @Override
  public boolean contains(char c) {
    return all.contains(c);
  }

  @Override
  public ColumnSearch columns(List<String> names, @Nullable Set<String> otherFields) {
    Header header = new Header(names, otherFields);
    ColumnSearch search = searches.get(header);
    if (search == null) {
      search = plan(names, otherFields);
      if (searches.size() < MAX_CACHED_HEADERS) {
        searches.putIfAbsent(new Header(List.copyOf(names),
            otherFields == null ? null : Set.copyOf(otherFields)), search);
      }
    }
    return search;
  }

  /**
   * Literals of a field that is a column go to that column (its first, as the record reads it);
   * those of keywords and of the other fields a record may have (W3C's derived cs-uri, ECP's
   * EventData pairs), whose values lie elsewhere in the line, go to the whole-line search; those
   * of fields the records cannot have are not looked for.
   */
  private ColumnSearch plan(List<String> names, @Nullable Set<String> otherFields) {
    TreeMap<Integer, Set<String>> byColumn = new TreeMap<>();
    Set<String> line = new HashSet<>(anyField);
    byField.forEach((field, literals) -> {
      int column = names.indexOf(field);
      if (column >= 0) {
        byColumn.computeIfAbsent(column, c -> new HashSet<>()).addAll(literals);
      } else if (otherFields == null || otherFields.contains(field)) {
        line.addAll(literals);
      }
    });
    int[] columns = byColumn.keySet().stream().mapToInt(Integer::intValue).toArray();
    List<LiteralScanner> scanners = new ArrayList<>();
    byColumn.values().forEach(l -> scanners.add(LiteralScanner.of(l)));
    return new Columns(columns, scanners.toArray(LiteralScanner[]::new),
        line.isEmpty() ? null : LiteralScanner.of(line));
  }

  @Override
  public String toString() {
    return all.toString();
  }

  /** What a column search depends on. */
  private record Header(List<String> names, @Nullable Set<String> otherFields) {}

  /** The scanners for one header's columns. */
  private static final class Columns implements ColumnSearch {
    private final int[] columns;
    private final LiteralScanner[] scanners;
    private final @Nullable LiteralScanner line;

    Columns(int[] columns, LiteralScanner[] scanners, @Nullable LiteralScanner line) {
      this.columns = columns;
      this.scanners = scanners;
      this.line = line;
    }

    @Override
    public int[] columns() {
      return columns.clone();
    }

    @Override
    public boolean mayMatchColumn(int k, byte[] bytes, int from, int to) {
      return scanners[k].find(bytes, from, to);
    }

    @Override
    public boolean searchesLine() {
      return line != null;
    }

    @Override
    public boolean mayMatchLine(byte[] bytes, int from, int to) {
      return line != null && line.find(bytes, from, to);
    }
  }
}
