package io.tidemark.evtx;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One decoded Binary XML value: its type code plus the decoded payload. Numbers, booleans, hex
 * integers and FILETIMEs live in {@code bits}; strings, SIDs, byte arrays, array items and nested
 * documents in {@code obj}. A value whose size does not fit its type is kept as raw bytes and
 * rendered as hex, so a damaged record still shows what it holds.
 */
final class Value {
  static final Value NULL = new Value(ValueType.NULL, 0, null, false);
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  final int type;
  final long bits;
  final @Nullable Object obj;
  /** The bytes did not fit the type; {@code obj} holds them. */
  final boolean raw;
  // Formatted once here rather than on every use: nearly every value becomes a field, and a
  // small getter keeps the formatting out of the callers the JIT compiles.
  private final String text;

  Value(int type, long bits, @Nullable Object obj, boolean raw) {
    this.type = type;
    this.bits = bits;
    this.obj = obj;
    this.raw = raw;
    this.text = obj instanceof String s && !raw ? s : text(false);
  }

  static Value ofString(int type, String text) {
    return new Value(type, 0, text, false);
  }

  static Value ofBits(int type, long bits) {
    return new Value(type, bits, null, false);
  }

  static Value ofRaw(int type, byte[] bytes) {
    return new Value(type, 0, bytes, true);
  }

  boolean isNull() {
    return type == ValueType.NULL;
  }

  /** Null, an empty string or an empty array: what an optional substitution leaves out. */
  boolean isEmpty() {
    if (type == ValueType.NULL) {
      return true;
    }
    if (obj instanceof String s && !raw) {
      return s.isEmpty();
    }
    return obj instanceof Value[] items && items.length == 0;
  }

  /** The items of an array value, or null when this is not an array. */
  Value @Nullable [] items() {
    return !raw && obj instanceof Value[] items ? items : null;
  }

  /** A nested Binary XML document, or null. */
  @Nullable Doc doc() {
    return obj instanceof Doc doc ? doc : null;
  }

  /** The instant of a FILETIME value, else null. */
  @Nullable Instant instant() {
    return type == ValueType.FILETIME && !raw ? Times.fromFiletime(bits) : null;
  }

  /**
   * The text evtx_dump gives this value in its JSON, which the JSON reader keeps: GUIDs upper
   * case without braces, hex integers lower case without padding, times with microseconds.
   */
  String fieldText() {
    return text;
  }

  /** The text Windows renders for this value in event XML: GUIDs in braces, every time tick. */
  String xmlText() {
    if (raw) {
      return text;
    }
    switch (type) {
      case ValueType.GUID:
      case ValueType.FILETIME:
      case ValueType.SYSTEMTIME:
        return text(true);
      default:
        return obj instanceof Value[] ? text(true) : text;
    }
  }

  private String text(boolean xml) {
    if (raw) {
      return hex((byte[]) obj);
    }
    switch (type) {
      case ValueType.NULL:
        return "";
      case ValueType.INT8:
      case ValueType.INT16:
      case ValueType.INT32:
      case ValueType.INT64:
      case ValueType.UINT8:
      case ValueType.UINT16:
      case ValueType.UINT32:
        return Long.toString(bits);
      case ValueType.UINT64:
        return Long.toUnsignedString(bits);
      case ValueType.REAL32:
        return real(Float.toString(Float.intBitsToFloat((int) bits)));
      case ValueType.REAL64:
        return real(Double.toString(Double.longBitsToDouble(bits)));
      case ValueType.BOOL:
        return bits != 0 ? "true" : "false";
      case ValueType.HEX_INT32:
      case ValueType.HEX_INT64:
      case ValueType.SIZE_T:
        return "0x" + Long.toHexString(bits);
      case ValueType.FILETIME:
        StringBuilder time = new StringBuilder(30);
        Times.appendFiletime(time, bits, xml ? 7 : 6);
        return time.toString();
      case ValueType.SYSTEMTIME:
        return systemTime((int[]) obj, xml);
      case ValueType.GUID:
        return guid((byte[]) obj, xml);
      default:
        return objectText(xml);
    }
  }

  private String objectText(boolean xml) {
    Object o = obj;
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof byte[] bytes) {
      return hex(bytes);
    }
    if (o instanceof Value[] items) {
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < items.length; i++) {
        if (i > 0) {
          joined.append(',');
        }
        joined.append(items[i].text(xml));
      }
      return joined.toString();
    }
    return "";
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  private static String guid(byte[] g, boolean braces) {
    StringBuilder out = new StringBuilder(38);
    if (braces) {
      out.append('{');
    }
    int[] order = {3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15};
    for (int i : order) {
      if (i < 0) {
        out.append('-');
      } else {
        out.append(HEX[(g[i] >> 4) & 0xF]).append(HEX[g[i] & 0xF]);
      }
    }
    if (braces) {
      out.append('}');
    }
    return out.toString();
  }

  private static String systemTime(int[] t, boolean xml) {
    StringBuilder out = new StringBuilder(30);
    Times.appendDateTime(out, t[0], t[1], t[3], t[4], t[5], t[6]);
    Times.appendFraction(out, t[7], 3, xml ? 3 : 6);
    return out.append('Z').toString();
  }

  /** A float's shortest round-trip digits without an exponent: {@code 1.5}, {@code 1}. */
  private static String real(String javaText) {
    if (javaText.equals("NaN")) {
      return "NaN";
    }
    if (javaText.endsWith("Infinity")) {
      return javaText.startsWith("-") ? "-inf" : "inf";
    }
    String plain = new BigDecimal(javaText).stripTrailingZeros().toPlainString();
    return plain.equals("-0") ? "0" : plain;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s(%s)", ValueType.name(type), fieldText());
  }
}
