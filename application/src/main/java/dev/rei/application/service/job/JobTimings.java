package dev.rei.application.service.job;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a job may take in all ({@code deadline}), how long a worker holds one per step
 * ({@code lease}, the runtime of one attempt), and how long after the deadline its hold still
 * lives ({@code holdMargin}, more than a lease so the sweeper expires the job first).
 */
public record JobTimings(Duration deadline, Duration lease, Duration holdMargin) {

  public static final JobTimings DEFAULT =
      new JobTimings(Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofMinutes(30));

  public JobTimings {
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(holdMargin, "holdMargin");
    if (deadline.isNegative() || deadline.isZero() || lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("deadline and lease must be positive");
    }
    if (holdMargin.compareTo(lease) <= 0) {
      throw new IllegalArgumentException("the hold margin must be longer than a lease, so jobs expire before their holds");
    }
  }
}
