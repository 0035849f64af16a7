package dev.rei.domain.provider;

import java.time.Duration;
import java.util.Objects;

/** How long a key rests after a rate limit, and how long it is blocked after a billing failure. */
public record KeyPoolPolicy(Duration coolDown, Duration billingBlock) {

  public static final KeyPoolPolicy DEFAULT = new KeyPoolPolicy(Duration.ofMinutes(60), Duration.ofHours(24));

  public KeyPoolPolicy {
    Objects.requireNonNull(coolDown, "coolDown");
    Objects.requireNonNull(billingBlock, "billingBlock");
    if (coolDown.isNegative() || coolDown.isZero() || billingBlock.isNegative() || billingBlock.isZero()) {
      throw new IllegalArgumentException("cool-down and billing block must be positive");
    }
  }

  Duration durationOf(KeyEffect effect) {
    return switch (effect) {
      case NONE -> Duration.ZERO;
      case COOL_DOWN -> coolDown;
      case BLOCK -> billingBlock;
    };
  }
}
