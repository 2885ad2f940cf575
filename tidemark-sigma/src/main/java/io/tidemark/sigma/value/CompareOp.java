package io.tidemark.sigma.value;

/** Numeric comparison of an event value against a rule value ({@code gt}, {@code gte}, ...). */
public enum CompareOp {
  GT,
  GTE,
  LT,
  LTE;

  /** Whether {@code comparison} (event value compared to rule value) satisfies this operator. */
  public boolean test(int comparison) {
    return switch (this) {
      case GT -> comparison > 0;
      case GTE -> comparison >= 0;
      case LT -> comparison < 0;
      case LTE -> comparison <= 0;
    };
  }
}
