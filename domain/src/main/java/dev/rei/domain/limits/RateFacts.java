package dev.rei.domain.limits;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link RateLimitPolicy} looks at for one user and action class: the actions already taken
 * in the current window (not counting this one), a running block, and the violations within the
 * escalation memory.
 */
public record RateFacts(int actionsInWindow, Optional<Instant> blockedUntil, int recentViolations) {

  public RateFacts {
    Objects.requireNonNull(blockedUntil, "blockedUntil");
    if (actionsInWindow < 0 || recentViolations < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }

  public static RateFacts fresh() {
    return new RateFacts(0, Optional.empty(), 0);
  }
}
