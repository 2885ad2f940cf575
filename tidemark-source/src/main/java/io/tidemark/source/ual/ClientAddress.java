package io.tidemark.source.ual;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A client address as the UAL writes it: {@code 185.73.124.135}, {@code 185.73.124.135:19823},
 * {@code 2001:db8::1}, or {@code [2001:db8::1]:443}.
 *
 * @param ip the address alone
 * @param port the port that came with it, or null
 */
record ClientAddress(String ip, @Nullable String port) {

  ClientAddress {
    requireNonNull(ip, "ip");
    if (ip.isEmpty()) {
      throw new IllegalArgumentException("ip must not be empty");
    }
  }

  /** The address and port of a UAL value, or null when it is no address at all. */
  static @Nullable ClientAddress parse(String raw) {
    if (raw.startsWith("[")) {
      int close = raw.indexOf(']');
      if (close < 2) {
        return null;
      }
      String ip = raw.substring(1, close);
      String rest = raw.substring(close + 1);
      String port = rest.startsWith(":") && isPort(rest.substring(1)) ? rest.substring(1) : null;
      return isAddress(ip) ? new ClientAddress(ip, port) : null;
    }
    int colon = raw.indexOf(':');
    if (colon > 0 && colon == raw.lastIndexOf(':')) {
      // One colon: IPv4 with a port. IPv6 has at least two.
      String ip = raw.substring(0, colon);
      String port = raw.substring(colon + 1);
      return isAddress(ip) && isPort(port) ? new ClientAddress(ip, port) : null;
    }
    return isAddress(raw) ? new ClientAddress(raw, null) : null;
  }

  private static boolean isPort(String text) {
    if (text.isEmpty() || text.length() > 5) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return Integer.parseInt(text) <= 65535;
  }

  /** Digits, hex letters, dots and colons (plus a zone id): good enough to tell from garbage. */
  private static boolean isAddress(String text) {
    if (text.isEmpty() || text.length() > 64) {
      return false;
    }
    int zone = text.indexOf('%');
    String address = zone > 0 ? text.substring(0, zone) : text;
    boolean dotted = address.indexOf('.') >= 0;
    boolean colons = address.indexOf(':') >= 0;
    if (!dotted && !colons) {
      return false;
    }
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      boolean ok = Character.isDigit(c) || c == '.' || c == ':'
          || (colons && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
