package io.tidemark.lab;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic random stream derived from the spec's seed and a key (a file, an hour, an attack
 * step), so the same spec yields the same bytes whatever the thread scheduling.
 */
final class Rand {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] ALNUM =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
  private final SplittableRandom random;

  Rand(long seed, String key, long index) {
    long h = mix(seed);
    for (int i = 0; i < key.length(); i++) {
      h = mix(h ^ key.charAt(i));
    }
    this.random = new SplittableRandom(mix(h ^ mix(index)));
  }

  /** SplitMix64's finaliser: spreads any input over all 64 bits. */
  static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** Uniform in [low, high], both inclusive. */
  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  long betweenLong(long low, long high) {
    return low + random.nextLong(high - low + 1);
  }

  long nextLong() {
    return random.nextLong();
  }

  double nextDouble() {
    return random.nextDouble();
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  String pick(String... items) {
    return items[random.nextInt(items.length)];
  }

  /** A Poisson count; exact for small means, normal approximation above 30. */
  int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      double value = mean + Math.sqrt(mean) * gaussian();
      return (int) Math.max(0, Math.round(value));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  double gaussian() {
    double u = Math.max(random.nextDouble(), 1e-12);
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal-ish positive integer around {@code median}, for sizes and latencies. */
  int skewed(int median, double spread) {
    return (int) Math.max(1, Math.round(median * Math.exp(spread * gaussian())));
  }

  /** A version-4 GUID, lower case: {@code 5e58f5e5-1ddc-48d3-82c6-0199bc121640}. */
  String guid() {
    StringBuilder sb = new StringBuilder(36);
    appendGuid(sb);
    return sb.toString();
  }

  void appendGuid(StringBuilder sb) {
    long hi = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    Text.appendHex(sb, hi >>> 32, 8);
    sb.append('-');
    Text.appendHex(sb, hi >>> 16, 4);
    sb.append('-');
    Text.appendHex(sb, hi, 4);
    sb.append('-');
    Text.appendHex(sb, lo >>> 48, 4);
    sb.append('-');
    Text.appendHex(sb, lo, 12);
  }

  /** Lower-case hex digits. */
  String hex(int digits) {
    char[] chars = new char[digits];
    for (int i = 0; i < digits; i++) {
      chars[i] = HEX[random.nextInt(16)];
    }
    return new String(chars);
  }

  /** Letters and digits, as in canaries and random file names. */
  String alnum(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ALNUM[random.nextInt(ALNUM.length)];
    }
    return new String(chars);
  }

  /** Lower-case letters only. */
  String letters(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(chars);
  }
}
