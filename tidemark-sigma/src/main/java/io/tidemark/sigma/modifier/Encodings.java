package io.tidemark.sigma.modifier;

import io.tidemark.sigma.value.SigmaExpansion;
import io.tidemark.sigma.value.SigmaString;
import io.tidemark.sigma.value.SigmaValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The encoding modifiers. After {@code wide}/{@code utf16*} a string's literal characters stand
 * for bytes (0-255), so a following {@code base64} encodes exactly those bytes; otherwise base64
 * encodes UTF-8. Unlike pySigma, non-ASCII text is accepted by the UTF-16 modifiers (pySigma's
 * internal representation cannot hold it; PowerShell's {@code -enc} payloads can).
 */
final class Encodings {
  private static final int[] OFFSET_START = {0, 2, 3};
  private static final int[] OFFSET_END_TRIM = {0, 3, 2};

  private Encodings() {}

  static SigmaValue base64(Modifier m, SigmaString s) {
    if (s.hasWildcards()) {
      throw new ModifierException(
          "modifier '" + m.keyword() + "': base64 encoding of strings with wildcards is not "
              + "allowed, got '" + s + "'");
    }
    if (s.hasPlaceholders()) {
      throw new ModifierException(
          "modifier '" + m.keyword() + "' cannot encode placeholders in '" + s + "'");
    }
    List<SigmaString> variants =
        s.hasWindowsDash() ? s.dashVariants(ModifierChain.MAX_EXPANSION) : List.of(s);
    List<SigmaValue> out = new ArrayList<>();
    for (SigmaString variant : variants) {
      byte[] data = bytes(variant);
      if (m == Modifier.BASE64) {
        out.add(SigmaString.literal(Base64.getEncoder().encodeToString(data)));
      } else {
        out.addAll(base64Offsets(data));
      }
    }
    return out.size() == 1 ? out.get(0) : new SigmaExpansion(out);
  }

  /** pySigma: {@code b64encode(i*b" " + data)[start[i]:end[(len(data)+i)%3]]} for i in 0..2. */
  static List<SigmaString> base64Offsets(byte[] data) {
    List<SigmaString> out = new ArrayList<>(3);
    for (int i = 0; i < 3; i++) {
      byte[] shifted = new byte[data.length + i];
      for (int k = 0; k < i; k++) {
        shifted[k] = ' ';
      }
      System.arraycopy(data, 0, shifted, i, data.length);
      String encoded = Base64.getEncoder().encodeToString(shifted);
      int end = encoded.length() - OFFSET_END_TRIM[(data.length + i) % 3];
      int start = Math.min(OFFSET_START[i], end);
      out.add(SigmaString.literal(encoded.substring(start, end)));
    }
    return out;
  }

  private static byte[] bytes(SigmaString s) {
    String text = s.isPlain() ? s.plainText() : "";
    if (!s.isEncoded()) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    byte[] out = new byte[text.length()];
    for (int i = 0; i < text.length(); i++) {
      out[i] = (byte) text.charAt(i);
    }
    return out;
  }

  static SigmaString utf16(Modifier m, SigmaString s) {
    if (s.isEncoded()) {
      throw new ModifierException(
          "modifier '" + m.keyword() + "' cannot re-encode '" + s + "': it is already encoded");
    }
    List<SigmaString.Part> out = new ArrayList<>();
    if (m == Modifier.UTF16) {
      out.add(new SigmaString.Literal("\u00ff\u00fe")); // the UTF-16LE byte order mark FF FE
    }
    for (SigmaString.Part part : s.parts()) {
      if (part instanceof SigmaString.Literal lit) {
        out.add(new SigmaString.Literal(encode(lit.text(), m == Modifier.UTF16BE)));
      } else {
        out.add(part);
      }
    }
    return s.withEncodedParts(out);
  }

  private static String encode(String text, boolean bigEndian) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char high = (char) ((c >> 8) & 0xff);
      char low = (char) (c & 0xff);
      out.append(bigEndian ? high : low).append(bigEndian ? low : high);
    }
    return out.toString();
  }
}
