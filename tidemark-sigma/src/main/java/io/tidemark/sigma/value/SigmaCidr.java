package io.tidemark.sigma.value;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 network ({@code cidr}). Like pySigma (Python's strict {@code ip_network}), a
 * network with host bits set ({@code 192.168.1.1/24}) is rejected. An IPv4 network also matches
 * the IPv4-mapped IPv6 form Windows writes ({@code ::ffff:10.0.0.1}).
 */
public final class SigmaCidr implements SigmaValue {
  private final String text;
  private final byte[] network;
  private final int prefix;

  private SigmaCidr(String text, byte[] network, int prefix) {
    this.text = text;
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * Parses {@code address/prefix} (a bare address is a single host).
   *
   * @throws IllegalArgumentException naming the text when it is not a valid network
   */
  public static SigmaCidr parse(String text) {
    requireNonNull(text, "text");
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    byte[] bytes = address.indexOf(':') >= 0 ? parseV6Strict(address) : IpAddresses.parse(address);
    if (bytes == null) {
      throw new IllegalArgumentException("invalid CIDR expression '" + text + "': bad address");
    }
    int maxPrefix = bytes.length * 8;
    int prefix = maxPrefix;
    if (slash >= 0) {
      String p = text.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("invalid CIDR expression '" + text + "': bad prefix length");
      }
      prefix = Integer.parseInt(p);
      if (prefix > maxPrefix) {
        throw new IllegalArgumentException(
            "invalid CIDR expression '" + text + "': prefix longer than " + maxPrefix);
      }
    }
    if (!Arrays.equals(bytes, mask(bytes, prefix))) {
      throw new IllegalArgumentException(
          "invalid CIDR expression '" + text + "': host bits set (did you mean "
              + "the network address?)");
    }
    return new SigmaCidr(text, bytes, prefix);
  }

  private static byte @Nullable [] parseV6Strict(String address) {
    byte[] bytes = IpAddresses.parse(address);
    if (bytes != null && bytes.length == 4) {
      // "::ffff:0:0/96" style networks must stay IPv6 to keep their prefix meaning.
      byte[] v6 = new byte[16];
      v6[10] = (byte) 0xff;
      v6[11] = (byte) 0xff;
      System.arraycopy(bytes, 0, v6, 12, 4);
      return v6;
    }
    return bytes;
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] out = address.clone();
    for (int bit = prefix; bit < out.length * 8; bit++) {
      out[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
    }
    return out;
  }

  /** Whether the event value is an address inside this network. */
  public boolean contains(CharSequence value) {
    byte[] address = IpAddresses.parse(value);
    if (address == null) {
      return false;
    }
    if (address.length != network.length) {
      if (network.length == 16 && address.length == 4) {
        address = parseV6Strict(value.toString().trim());
        if (address == null) {
          return false;
        }
      } else {
        return false;
      }
    }
    int fullBytes = prefix / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int m = (0xff << (8 - rest)) & 0xff;
    return (address[fullBytes] & m) == (network[fullBytes] & m);
  }

  /** The network as written in the rule. */
  public String text() {
    return text;
  }

  /** The prefix length in bits. */
  public int prefix() {
    return prefix;
  }

  @Override
  public String describe() {
    return "cidr " + text;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SigmaCidr other && prefix == other.prefix && Arrays.equals(network, other.network);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(network) * 31 + prefix;
  }

  @Override
  public String toString() {
    return text;
  }
}
