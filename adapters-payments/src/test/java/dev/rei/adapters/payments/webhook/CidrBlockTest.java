package dev.rei.adapters.payments.webhook;

import static dev.rei.adapters.payments.TestCore.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.adapters.payments.yookassa.YooKassaSettings;
import org.junit.jupiter.api.Test;

class CidrBlockTest {

  @Test
  void givenIpv4Block_whenMatching_thenOnlyAddressesInsideMatch() {
    CidrBlock block = CidrBlock.parse("185.71.76.0/27");

    assertThat(block.contains(ip("185.71.76.0"))).isTrue();
    assertThat(block.contains(ip("185.71.76.31"))).isTrue();
    assertThat(block.contains(ip("185.71.76.32"))).isFalse();
    assertThat(block.contains(ip("185.71.77.1"))).isFalse();
    assertThat(block.contains(ip("2a02:5180::1"))).isFalse();
  }

  @Test
  void givenIpv6Block_whenMatching_thenOnlyAddressesInsideMatch() {
    CidrBlock block = CidrBlock.parse("2a02:5180::/32");

    assertThat(block.contains(ip("2a02:5180:0:1509::42"))).isTrue();
    assertThat(block.contains(ip("2a02:5181::1"))).isFalse();
    assertThat(block.contains(ip("185.71.76.1"))).isFalse();
  }

  @Test
  void givenBareAddressOrOddPrefix_whenParsed_thenMatchesExactlyItsBits() {
    assertThat(CidrBlock.parse("77.75.156.11").contains(ip("77.75.156.11"))).isTrue();
    assertThat(CidrBlock.parse("77.75.156.11").contains(ip("77.75.156.12"))).isFalse();
    assertThat(CidrBlock.parse("10.0.0.0/9").contains(ip("10.127.255.255"))).isTrue();
    assertThat(CidrBlock.parse("10.0.0.0/9").contains(ip("10.128.0.0"))).isFalse();
    assertThat(CidrBlock.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
    assertThat(CidrBlock.parse("185.71.76.7/27")).isEqualTo(CidrBlock.parse("185.71.76.0/27"));
  }

  @Test
  void givenGarbageOrHostName_whenParsed_thenRefusedWithoutDnsLookup() {
    for (String bad : new String[] {"", "example.com", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "1.2.3", "256.1.1.1",
        "10.0.0.0/-1"}) {
      assertThatThrownBy(() -> CidrBlock.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void givenPublishedYooKassaRanges_whenParsed_thenTheirKnownAddressesAreAllowed() {
    IpAllowList list = IpAllowList.parse(YooKassaSettings.PUBLISHED_IPS);

    assertThat(list.blocks()).hasSize(7);
    assertThat(list.allows(ip("77.75.154.200"))).isTrue();
    assertThat(list.allows(ip("77.75.156.35"))).isTrue();
    assertThat(list.allows(ip("77.75.156.36"))).isFalse();
    assertThat(list.allows(ip("127.0.0.1"))).isFalse();
    assertThat(IpAllowList.parse("").allows(ip("127.0.0.1"))).isFalse();
  }
}
