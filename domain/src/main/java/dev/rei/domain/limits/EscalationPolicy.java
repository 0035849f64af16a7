package dev.rei.domain.limits;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How long a user is blocked for their n-th violation within {@code memory}: the n-th step, or
 * the last step once they run out. The default grows 1 min → 5 min → 15 min → 1 h → 24 h and
 * forgets violations after a day.
 */
public record EscalationPolicy(List<Duration> steps, Duration memory) {

  public static final EscalationPolicy DEFAULT = new EscalationPolicy(
      List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
          Duration.ofHours(24)),
      Duration.ofHours(24));

  public EscalationPolicy {
    Objects.requireNonNull(memory, "memory");
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("escalation needs at least one step");
    }
    Duration previous = Duration.ZERO;
    for (Duration step : steps) {
      if (step.compareTo(previous) < 0 || step.isZero()) {
        throw new IllegalArgumentException("escalation steps must be positive and never shrink: " + steps);
      }
      previous = step;
    }
    if (memory.isNegative() || memory.isZero()) {
      throw new IllegalArgumentException("violations must be remembered for a positive time");
    }
  }

  /** The block for violation number {@code n} (1 for the first) within the memory window. */
  public Duration blockFor(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("violations are counted from 1, was " + n);
    }
    return steps.get(Math.min(n, steps.size()) - 1);
  }
}
