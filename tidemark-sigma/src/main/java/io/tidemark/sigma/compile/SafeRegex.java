package io.tidemark.sigma.compile;

import java.util.regex.Pattern;

/**
 * A regex evaluated as an unanchored search with a bound on the work it may do: the value is
 * wrapped in a {@link CharSequence} that counts reads and gives up past the budget. Catastrophic
 * patterns such as {@code (a+)+$} then cost a bounded number of steps instead of hours.
 */
final class SafeRegex {
  private final Pattern pattern;
  private final long budget;

  SafeRegex(Pattern pattern, long budget) {
    this.pattern = pattern;
    this.budget = budget;
  }

  Pattern pattern() {
    return pattern;
  }

  /**
   * Whether the pattern occurs in the value.
   *
   * @throws BudgetExceeded when the search reads more characters than allowed
   */
  boolean find(String value) {
    Budgeted text = new Budgeted(value, budget + 64L * value.length());
    try {
      return pattern.matcher(text).find();
    } catch (StackOverflowError e) {
      throw new BudgetExceeded(text.reads);
    }
  }

  /** Thrown when a search is abandoned; carries the reads made, without a stack trace. */
  static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final long reads;

    BudgetExceeded(long reads) {
      super(null, null, false, false);
      this.reads = reads;
    }
  }

  private static final class Budgeted implements CharSequence {
    private final String value;
    private final long limit;
    long reads;

    Budgeted(String value, long limit) {
      this.value = value;
      this.limit = limit;
    }

    @Override
    public char charAt(int index) {
      if (++reads > limit) {
        throw new BudgetExceeded(reads);
      }
      return value.charAt(index);
    }

    @Override
    public int length() {
      return value.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return value.subSequence(start, end);
    }

    @Override
    public String toString() {
      return value;
    }
  }
}
