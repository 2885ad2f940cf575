package io.tidemark.sigma.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * Number parsing for rule values and untrusted event values. Exponents are bounded because a
 * {@link BigDecimal} such as {@code 1e999999999} would make comparisons allocate without limit.
 */
public final class Numbers {
  private static final int MAX_LENGTH = 80;
  private static final int MAX_EXPONENT = 400;

  private Numbers() {}

  /** Decimal, hex ({@code 0x1F}) or octal ({@code 0o17}) text as a number, or null. */
  public static @Nullable BigDecimal parse(CharSequence text) {
    int n = text.length();
    if (n == 0 || n > MAX_LENGTH) {
      return null;
    }
    int start = 0;
    boolean negative = false;
    char first = text.charAt(0);
    if (first == '-' || first == '+') {
      negative = first == '-';
      start = 1;
    }
    if (n - start > 2 && text.charAt(start) == '0') {
      char radixChar = text.charAt(start + 1);
      int radix = radixChar == 'x' || radixChar == 'X' ? 16 : radixChar == 'o' ? 8 : 0;
      if (radix != 0) {
        return parseRadix(text, start + 2, radix, negative);
      }
    }
    return parseDecimal(text, start, negative);
  }

  private static @Nullable BigDecimal parseRadix(CharSequence text, int from, int radix, boolean negative) {
    for (int i = from; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), radix) < 0) {
        return null;
      }
    }
    BigInteger value = new BigInteger(text.subSequence(from, text.length()).toString(), radix);
    return new BigDecimal(negative ? value.negate() : value);
  }

  private static @Nullable BigDecimal parseDecimal(CharSequence text, int from, boolean negative) {
    int i = from;
    int n = text.length();
    int digits = 0;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && text.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return null;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int expStart = i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == expStart || i - expStart > 3
          || Integer.parseInt(text.subSequence(expStart, i).toString()) > MAX_EXPONENT) {
        return null;
      }
    }
    if (i != n) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text.subSequence(from, n).toString());
      return negative ? value.negate() : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Digits only, without a leading zero unless the number is 0. */
  public static boolean isCanonicalInteger(CharSequence text) {
    int n = text.length();
    if (n == 0 || n > 19 || (n > 1 && text.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
