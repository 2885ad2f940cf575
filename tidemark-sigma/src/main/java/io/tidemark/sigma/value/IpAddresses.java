package io.tidemark.sigma.value;

import org.jspecify.annotations.Nullable;

/**
 * Parses IPv4 and IPv6 address text without name resolution ({@code InetAddress.getByName} would
 * resolve host names, which an offline tool fed attacker-written logs must never do).
 */
public final class IpAddresses {
  private IpAddresses() {}

  /**
   * The address as 4 or 16 bytes, or null when the text is not an address. Accepts a zone
   * suffix ({@code fe80::1%12}) and brackets ({@code [::1]}); an IPv4-mapped IPv6 address
   * ({@code ::ffff:10.0.0.1}) comes back as its 4 IPv4 bytes.
   */
  public static byte @Nullable [] parse(CharSequence raw) {
    int start = 0;
    int end = raw.length();
    if (end > 64) {
      return null;
    }
    if (end >= 2 && raw.charAt(0) == '[' && raw.charAt(end - 1) == ']') {
      start++;
      end--;
    }
    for (int i = start; i < end; i++) {
      if (raw.charAt(i) == '%') {
        end = i;
        break;
      }
    }
    if (start >= end) {
      return null;
    }
    boolean hasColon = false;
    for (int i = start; i < end; i++) {
      if (raw.charAt(i) == ':') {
        hasColon = true;
        break;
      }
    }
    if (!hasColon) {
      return parseV4(raw, start, end);
    }
    byte[] v6 = parseV6(raw, start, end);
    return v6 == null ? null : unmapV4(v6);
  }

  private static byte @Nullable [] parseV4(CharSequence s, int start, int end) {
    byte[] out = new byte[4];
    int part = 0;
    int i = start;
    while (part < 4) {
      int value = 0;
      int digits = 0;
      while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        value = value * 10 + (s.charAt(i) - '0');
        digits++;
        i++;
        if (digits > 3) {
          return null;
        }
      }
      if (digits == 0 || value > 255) {
        return null;
      }
      out[part++] = (byte) value;
      if (part < 4) {
        if (i >= end || s.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    return i == end ? out : null;
  }

  private static byte @Nullable [] parseV6(CharSequence s, int start, int end) {
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = start;
    if (i + 1 < end && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
      gap = 0;
      i += 2;
    } else if (s.charAt(i) == ':') {
      return null;
    }
    byte[] tailV4 = null;
    while (i < end) {
      if (count >= 8) {
        return null;
      }
      int groupStart = i;
      int value = 0;
      while (i < end && Character.digit(s.charAt(i), 16) >= 0 && i - groupStart < 4) {
        value = value * 16 + Character.digit(s.charAt(i), 16);
        i++;
      }
      if (i < end && s.charAt(i) == '.') {
        tailV4 = parseV4(s, groupStart, end);
        if (tailV4 == null || count > 6) {
          return null;
        }
        i = end;
        break;
      }
      if (i == groupStart) {
        return null;
      }
      groups[count++] = value;
      if (i == end) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < end && s.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i++;
      } else if (i == end) {
        return null;
      }
    }
    int total = count + (tailV4 == null ? 0 : 2);
    if (gap < 0 ? total != 8 : total > 7) {
      return null;
    }
    byte[] out = new byte[16];
    int zeros = 8 - total;
    int pos = 0;
    for (int g = 0; g < count; g++) {
      if (g == gap) {
        pos += zeros * 2;
      }
      out[pos++] = (byte) (groups[g] >> 8);
      out[pos++] = (byte) groups[g];
    }
    if (gap == count) {
      pos += zeros * 2;
    }
    if (tailV4 != null) {
      System.arraycopy(tailV4, 0, out, 12, 4);
    }
    return out;
  }

  private static byte[] unmapV4(byte[] v6) {
    for (int i = 0; i < 10; i++) {
      if (v6[i] != 0) {
        return v6;
      }
    }
    if (v6[10] == (byte) 0xff && v6[11] == (byte) 0xff) {
      return new byte[] {v6[12], v6[13], v6[14], v6[15]};
    }
    return v6;
  }
}
