package io.tidemark.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SigmaCidrTest {

  @Test
  void contains_ipv4Network_matchesInsideOnly() {
    SigmaCidr net = SigmaCidr.parse("192.168.1.0/24");
    assertThat(net.contains("192.168.1.77")).isTrue();
    assertThat(net.contains("192.168.2.1")).isFalse();
    assertThat(net.contains("not an ip")).isFalse();
    assertThat(net.contains("192.168.1.256")).isFalse();
  }

  @Test
  void contains_windowsMappedAddress_matchesIpv4Network() {
    // Windows writes IpAddress as ::ffff:a.b.c.d in Security 4624/4625
    assertThat(SigmaCidr.parse("10.0.0.0/8").contains("::ffff:10.1.2.3")).isTrue();
  }

  @Test
  void contains_ipv6Network_matchesCompressedForms() {
    SigmaCidr net = SigmaCidr.parse("fe80::/10");
    assertThat(net.contains("fe80::1%12")).isTrue();
    assertThat(net.contains("FE80:0:0:0:0:0:0:1")).isTrue();
    assertThat(net.contains("2001:db8::1")).isFalse();
    assertThat(SigmaCidr.parse("::1/128").contains("::1")).isTrue();
  }

  @Test
  void parse_hostBitsSet_failsLikePySigma() {
    // pySigma test_cidr_invalid: 192.168.1.1/24
    assertThatThrownBy(() -> SigmaCidr.parse("192.168.1.1/24")).hasMessageContaining("invalid CIDR expression");
    assertThatThrownBy(() -> SigmaCidr.parse("10.0.0.0/33")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> SigmaCidr.parse("example.com/8")).hasMessageContaining("bad address");
  }

  @Test
  void parse_ipAddressText_neverResolvesNames() {
    assertThat(IpAddresses.parse("localhost")).isNull();
    assertThat(IpAddresses.parse("1:2:3:4:5:6:7:8:9")).isNull();
    assertThat(IpAddresses.parse("1::2::3")).isNull();
    assertThat(IpAddresses.parse("::")).hasSize(16);
    assertThat(IpAddresses.parse("[2001:db8::1]")).hasSize(16);
  }
}
