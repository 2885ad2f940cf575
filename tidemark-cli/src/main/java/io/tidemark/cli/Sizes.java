package io.tidemark.cli;

import java.util.Locale;

/** Parses human sizes: {@code 500M}, {@code 1G}, {@code 2GiB}, {@code 1048576}. */
final class Sizes {
  private Sizes() {}

  static long parse(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
    long unit = 1;
    if (!t.isEmpty()) {
      char last = t.charAt(t.length() - 1);
      switch (last) {
        case 'K':
          unit = 1L << 10;
          break;
        case 'M':
          unit = 1L << 20;
          break;
        case 'G':
          unit = 1L << 30;
          break;
        case 'T':
          unit = 1L << 40;
          break;
        default:
          break;
      }
      if (unit > 1) {
        t = t.substring(0, t.length() - 1);
      }
    }
    try {
      double value = Double.parseDouble(t);
      if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
        throw new NumberFormatException();
      }
      return (long) (value * unit);
    } catch (NumberFormatException e) {
      throw new UsageException(
          "bad size '" + text + "': use a number with an optional K, M, G or T suffix, e.g. 500M or 1G");
    }
  }
}
