package io.tidemark.assess;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Client addresses as the logs write them, parsed without ever asking DNS (a log line can hold a
 * host name where an address belongs, and resolving attacker-chosen names would leak the
 * investigation), and sorted into internal, reserved and public.
 */
final class Addresses {
  private Addresses() {}

  /** The address of an IPv4 or IPv6 literal; null for anything else, names included. */
  static @Nullable InetAddress parse(@Nullable String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return null;
    }
    String v = text;
    int zone = v.indexOf('%');
    if (zone > 0) {
      v = v.substring(0, zone);
    }
    try {
      if (v.indexOf(':') >= 0) {
        // Only hex digits, colons and dots: Java then parses a literal and never resolves.
        for (int i = 0; i < v.length(); i++) {
          char c = v.charAt(i);
          if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
            return null;
          }
        }
        return InetAddress.getByName(v);
      }
      String[] parts = v.split("\\.", -1);
      if (parts.length != 4) {
        return null;
      }
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        String p = parts[i];
        if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
          return null;
        }
        int n = Integer.parseInt(p);
        if (n > 255) {
          return null;
        }
        bytes[i] = (byte) n;
      }
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /**
   * Whether an address belongs to the organisation's own networks (RFC 1918, loopback,
   * link-local, unique-local, carrier-grade NAT): such addresses change with DHCP and say
   * nothing about where a person is.
   */
  static boolean isInternal(InetAddress a) {
    byte[] b = a.getAddress();
    if (a.isSiteLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress()) {
      return true;
    }
    if (b.length == 4) {
      return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10
    }
    return (b[0] & 0xfe) == 0xfc; // fc00::/7
  }

  /**
   * Whether an address is internal or reserved (unspecified, multicast, documentation,
   * benchmarking, 0/8, 240/4): a geolocation database has nothing true to say about it, so it
   * is never looked up, and never counts as abroad.
   */
  static boolean isReserved(InetAddress a) {
    if (isInternal(a) || a.isAnyLocalAddress() || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int x = b[0] & 0xff;
      int y = b[1] & 0xff;
      int z = b[2] & 0xff;
      return x == 0 || x >= 240
          || (x == 192 && y == 0 && z == 2) // 192.0.2.0/24 TEST-NET-1
          || (x == 198 && y == 51 && z == 100) // TEST-NET-2
          || (x == 203 && y == 0 && z == 113) // TEST-NET-3
          || (x == 198 && (y & 0xfe) == 18) // 198.18.0.0/15 benchmarking
          || (x == 192 && y == 0 && z == 0); // 192.0.0.0/24 protocol assignments
    }
    return (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d
        && (b[3] & 0xff) == 0xb8; // 2001:db8::/32 documentation
  }
}
