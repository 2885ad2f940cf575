package io.tidemark.sigma.compile;

import static java.util.Objects.requireNonNull;

import io.tidemark.event.DiagnosticSink;
import io.tidemark.sigma.logsource.LogSourceTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to compile rules.
 *
 * @param fieldMappings rule field → event field, applied before (and instead of) the logsource
 *     table's renames, for data whose names differ from the Sigma taxonomy
 * @param placeholders values for {@code %name%} placeholders of {@code expand} rules; a rule
 *     whose placeholder has no values is not compiled (the specification requires rejecting it)
 * @param regexBudget character reads one regex evaluation may make, plus {@code 64 ×} the value
 *     length
 * @param diagnostics where matching reports abandoned regex searches
 * @param logSources the logsource → log type table
 */
public record CompileOptions(
    Map<String, String> fieldMappings,
    Map<String, List<String>> placeholders,
    long regexBudget,
    DiagnosticSink diagnostics,
    LogSourceTable logSources) {

  /** The default budget: far beyond any sane pattern on a capped log line. */
  public static final long DEFAULT_REGEX_BUDGET = 1_000_000;

  public CompileOptions {
    fieldMappings = Map.copyOf(fieldMappings);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    placeholders.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    placeholders = Map.copyOf(copy);
    if (regexBudget <= 0) {
      throw new IllegalArgumentException("regexBudget must be positive: " + regexBudget);
    }
    requireNonNull(diagnostics, "diagnostics");
    requireNonNull(logSources, "logSources");
  }

  /** The built-in logsource table, no extra mappings or placeholders, diagnostics dropped. */
  public static CompileOptions defaults() {
    return new CompileOptions(
        Map.of(), Map.of(), DEFAULT_REGEX_BUDGET, DiagnosticSink.ignoring(), LogSourceTable.builtIn());
  }

  /** These options with extra field mappings. */
  public CompileOptions withFieldMappings(Map<String, String> mappings) {
    return new CompileOptions(mappings, placeholders, regexBudget, diagnostics, logSources);
  }

  /** These options with placeholder values. */
  public CompileOptions withPlaceholders(Map<String, List<String>> values) {
    return new CompileOptions(fieldMappings, values, regexBudget, diagnostics, logSources);
  }

  /** These options with another regex budget. */
  public CompileOptions withRegexBudget(long budget) {
    return new CompileOptions(fieldMappings, placeholders, budget, diagnostics, logSources);
  }

  /** These options reporting to another sink. */
  public CompileOptions withDiagnostics(DiagnosticSink sink) {
    return new CompileOptions(fieldMappings, placeholders, regexBudget, sink, logSources);
  }

  /** These options with another logsource table. */
  public CompileOptions withLogSources(LogSourceTable table) {
    return new CompileOptions(fieldMappings, placeholders, regexBudget, diagnostics, table);
  }
}
