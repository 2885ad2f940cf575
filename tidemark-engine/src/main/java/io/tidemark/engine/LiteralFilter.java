package io.tidemark.engine;

import io.tidemark.event.LogType;
import io.tidemark.sigma.compile.CompiledRuleSet;
import io.tidemark.sigma.compile.LiteralScanner;
import io.tidemark.source.text.RecordFilter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The raw-line prefilter for one log type: a record none of whose bytes spell a literal that
 * some rule for the type requires cannot match, so the reader only counts it. Correlation base
 * rules are rules like any other here, so they lose no event.
 */
final class LiteralFilter implements RecordFilter {
  private final LiteralScanner scanner;

  private LiteralFilter(LiteralScanner scanner) {
    this.scanner = scanner;
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
      Set<String> literals = rules.requiredLiterals(type);
      if (literals != null) {
        filters.put(type, new LiteralFilter(LiteralScanner.of(literals)));
      }
    }
    return filters;
  }

  @Override
  public boolean mayMatch(byte[] bytes, int from, int to) {
    return scanner.find(bytes, from, to);
  }

  @Override
  public boolean contains(char c) {
    return scanner.contains(c);
  }

  @Override
  public String toString() {
    return scanner.toString();
  }
}
