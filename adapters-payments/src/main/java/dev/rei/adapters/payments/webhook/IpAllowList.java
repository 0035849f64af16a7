package dev.rei.adapters.payments.webhook;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The addresses a rail sends its webhooks from; empty allows no one. */
public record IpAllowList(List<CidrBlock> blocks) {

  public IpAllowList {
    blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
  }

  /** Parses a comma- or space-separated list such as {@code "185.71.76.0/27, 77.75.156.11, 2a02:5180::/32"}. */
  public static IpAllowList parse(String text) {
    Objects.requireNonNull(text, "text");
    List<CidrBlock> blocks = new ArrayList<>();
    for (String part : text.split("[,\\s]+")) {
      if (!part.isBlank()) {
        blocks.add(CidrBlock.parse(part));
      }
    }
    return new IpAllowList(blocks);
  }

  public static IpAllowList of(String... blocks) {
    return parse(String.join(",", blocks));
  }

  public boolean allows(InetAddress address) {
    return blocks.stream().anyMatch(block -> block.contains(address));
  }

  @Override
  public String toString() {
    return blocks.stream().map(CidrBlock::toString).collect(Collectors.joining(", ", "[", "]"));
  }
}
