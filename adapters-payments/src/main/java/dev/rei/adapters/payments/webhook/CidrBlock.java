package dev.rei.adapters.payments.webhook;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * A block of IPv4 or IPv6 addresses such as {@code 185.71.76.0/27} or {@code 2a02:5180::/32}; a
 * bare address is a block of one. An IPv4 block never matches an IPv6 address and vice versa
 * (IPv4-mapped IPv6 addresses arrive from the JDK as IPv4 already).
 */
public record CidrBlock(byte[] network, int prefixLength) {

  public CidrBlock {
    Objects.requireNonNull(network, "network");
    if (network.length != 4 && network.length != 16) {
      throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + network.length);
    }
    if (prefixLength < 0 || prefixLength > network.length * 8) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " does not fit a " + network.length * 8
          + "-bit address");
    }
    network = mask(network.clone(), prefixLength);
  }

  /** Parses {@code address[/prefix]}; refuses host names (no DNS lookups from configuration). */
  public static CidrBlock parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    InetAddress parsed = IpLiteral.parse(address)
        .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: " + text));
    byte[] bytes = parsed.getAddress();
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      String digits = trimmed.substring(slash + 1);
      if (!digits.matches("[0-9]{1,3}")) {
        throw new IllegalArgumentException("not a CIDR prefix length: " + text);
      }
      prefix = Integer.parseInt(digits);
    }
    return new CidrBlock(bytes, prefix);
  }

  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    return Arrays.equals(mask(bytes, prefixLength), network);
  }

  private static byte[] mask(byte[] bytes, int prefixLength) {
    for (int i = 0; i < bytes.length; i++) {
      int bitsHere = Math.max(0, Math.min(8, prefixLength - i * 8));
      bytes[i] = (byte) (bytes[i] & (0xFF << (8 - bitsHere)));
    }
    return bytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CidrBlock block && block.prefixLength == prefixLength
        && Arrays.equals(block.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    return IpLiteral.parse(network).map(InetAddress::getHostAddress).orElse("?") + "/" + prefixLength;
  }
}
