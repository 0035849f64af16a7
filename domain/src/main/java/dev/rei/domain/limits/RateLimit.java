package dev.rei.domain.limits;

import java.time.Duration;
import java.util.Objects;

/** At most {@code permits} actions per {@code window}. */
public record RateLimit(int permits, Duration window) {

  public RateLimit {
    Objects.requireNonNull(window, "window");
    if (permits < 1) {
      throw new IllegalArgumentException("a rate limit permits at least one action");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a rate limit window must be positive");
    }
  }

  public static RateLimit perMinute(int permits) {
    return new RateLimit(permits, Duration.ofMinutes(1));
  }
}
