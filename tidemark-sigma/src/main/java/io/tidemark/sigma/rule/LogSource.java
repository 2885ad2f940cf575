package io.tidemark.sigma.rule;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A rule's {@code logsource}. Matching it to log types is the job of {@link
 * io.tidemark.sigma.logsource.LogSourceTable}; the values are kept as written.
 *
 * @param custom keys other than category, product, service and definition
 */
public record LogSource(
    @Nullable String category,
    @Nullable String product,
    @Nullable String service,
    @Nullable String definition,
    Map<String, String> custom) {

  public LogSource {
    custom = Map.copyOf(custom);
  }

  /** A log source with just these three keys. */
  public static LogSource of(@Nullable String category, @Nullable String product, @Nullable String service) {
    return new LogSource(category, product, service, null, Map.of());
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    append(out, "category", category);
    append(out, "product", product);
    append(out, "service", service);
    return out.append('}').toString();
  }

  private static void append(StringBuilder out, String key, @Nullable String value) {
    if (value != null) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(key).append(": ").append(value);
    }
  }
}
