package io.tidemark.source.text;

import java.util.Map;

/**
 * Splits the ECP logs' {@code EventData} value, a list of typed pairs such as {@code
 * S:CMD=Get-InboxRule;S:URL=/ecp/...;I32:ADS.C[DC1]=1}, into fields named by key. Values may
 * themselves contain {@code ;} (a cmdlet's parameters do), so a pair only ends at a {@code ;} that
 * is followed by another {@code TYPE:KEY=}.
 */
final class EventDataPairs {
  private static final int MAX_TYPE_LENGTH = 4;
  private static final int MAX_KEY_LENGTH = 256;

  private EventDataPairs() {}

  /**
   * Adds each pair to {@code fields} by key, keeping the first of duplicate keys and skipping
   * keys for which {@code taken} says a column already owns the name.
   */
  static void split(
      String data, Map<String, String> fields, java.util.function.Predicate<String> taken) {
    int keyStart = pairKeyStart(data, 0);
    if (keyStart < 0) {
      return;
    }
    int pairStart = 0;
    while (pairStart >= 0) {
      int equals = data.indexOf('=', keyStart);
      int next = nextBoundary(data, equals + 1);
      String key = data.substring(keyStart, equals);
      String value = data.substring(equals + 1, next < 0 ? data.length() : next);
      if (!taken.test(key)) {
        fields.putIfAbsent(key, value);
      }
      if (next < 0) {
        return;
      }
      pairStart = next + 1;
      keyStart = pairKeyStart(data, pairStart);
    }
  }

  /** The index of the next {@code ;} that starts another pair, or -1. */
  private static int nextBoundary(String data, int from) {
    for (int i = data.indexOf(';', from); i >= 0; i = data.indexOf(';', i + 1)) {
      if (pairKeyStart(data, i + 1) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * When {@code TYPE:KEY=} starts at {@code at}, the index of KEY; else -1. TYPE is a short
   * alphanumeric tag such as {@code S}, {@code I32} or {@code Dbl}.
   */
  private static int pairKeyStart(String data, int at) {
    int length = data.length();
    int i = at;
    while (i < length && i - at <= MAX_TYPE_LENGTH && isTypeChar(data.charAt(i))) {
      i++;
    }
    if (i == at || i - at > MAX_TYPE_LENGTH || i >= length || data.charAt(i) != ':') {
      return -1;
    }
    if (!Character.isLetter(data.charAt(at))) {
      return -1;
    }
    int keyStart = i + 1;
    int j = keyStart;
    while (j < length && j - keyStart < MAX_KEY_LENGTH) {
      char c = data.charAt(j);
      if (c == '=') {
        return j > keyStart ? keyStart : -1;
      }
      if (c == ';' || c == ',' || c == '"' || c == '\'' || c <= ' ') {
        return -1;
      }
      j++;
    }
    return -1;
  }

  private static boolean isTypeChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
