package io.tidemark.sigma.rule;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A correlation's {@code condition}: one or more bounds on the aggregate, ANDed (so {@code gt:
 * 100, lte: 200} is a range), plus the aggregated {@code field}s and, for {@code
 * value_percentile}, the {@code percentile}.
 */
public record CorrelationCondition(
    Map<Op, BigDecimal> bounds, List<String> fields, @Nullable Integer percentile) {

  public CorrelationCondition {
    if (bounds.isEmpty()) {
      throw new IllegalArgumentException("a correlation condition needs at least one of gt, gte, lt, lte, eq, neq");
    }
    bounds = Map.copyOf(new EnumMap<>(bounds));
    fields = List.copyOf(fields);
    if (percentile != null && (percentile < 0 || percentile > 100)) {
      throw new IllegalArgumentException("percentile must be between 0 and 100, got " + percentile);
    }
  }

  /** A comparison operator. */
  public enum Op {
    GT,
    GTE,
    LT,
    LTE,
    EQ,
    NEQ;

    /** The key used in rules. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether the aggregate value satisfies every bound. */
  public boolean test(double value) {
    for (Map.Entry<Op, BigDecimal> bound : bounds.entrySet()) {
      int c = Double.compare(value, bound.getValue().doubleValue());
      boolean ok = switch (bound.getKey()) {
        case GT -> c > 0;
        case GTE -> c >= 0;
        case LT -> c < 0;
        case LTE -> c <= 0;
        case EQ -> c == 0;
        case NEQ -> c != 0;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether reaching the condition can only become more likely as events are added (only lower
   * bounds), so a match can be reported as soon as it holds rather than when the window closes.
   */
  public boolean isLowerBoundOnly() {
    for (Op op : bounds.keySet()) {
      if (op != Op.GT && op != Op.GTE) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return bounds.entrySet().stream()
        .map(e -> e.getKey().id() + " " + e.getValue().toPlainString())
        .collect(Collectors.joining(" and "));
  }
}
