package io.tidemark.evtx;

import java.nio.charset.StandardCharsets;

/**
 * UTF-16LE decoding without a {@code CharsetDecoder}: most event text is Latin-1, which becomes a
 * compact string directly. Unpaired surrogates become U+FFFD, as the JDK decoder does.
 */
final class Utf16 {
  private Utf16() {}

  /** Decodes {@code units} UTF-16LE code units starting at {@code off}. */
  static String decode(byte[] b, int off, int units) {
    if (units <= 0) {
      return "";
    }
    int end = off + units * 2;
    boolean latin1 = true;
    for (int i = off + 1; i < end; i += 2) {
      if (b[i] != 0) {
        latin1 = false;
        break;
      }
    }
    if (latin1) {
      byte[] chars = new byte[units];
      for (int i = 0, j = off; i < units; i++, j += 2) {
        chars[i] = b[j];
      }
      return new String(chars, StandardCharsets.ISO_8859_1);
    }
    char[] chars = new char[units];
    for (int i = 0, j = off; i < units; i++, j += 2) {
      chars[i] = (char) ((b[j] & 0xFF) | (b[j + 1] & 0xFF) << 8);
    }
    replaceUnpairedSurrogates(chars);
    return new String(chars);
  }

  /** Like {@link #decode} but drops trailing NUL characters, which writers often include. */
  static String decodeTrimmingNuls(byte[] b, int off, int units) {
    int n = units;
    while (n > 0 && b[off + 2 * n - 2] == 0 && b[off + 2 * n - 1] == 0) {
      n--;
    }
    return decode(b, off, n);
  }

  private static void replaceUnpairedSurrogates(char[] chars) {
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
          i++;
        } else {
          chars[i] = '\uFFFD';
        }
      } else if (Character.isLowSurrogate(c)) {
        chars[i] = '\uFFFD';
      }
    }
  }
}
