package dev.rei.adapters.payments;

import java.time.Duration;
import java.util.Objects;

/**
 * When a rail's circuit opens and for how long; one set for every rail. Environment (read by
 * bootstrap): {@code PAYMENT_BREAKER_FAILURE_RATE} (percent of outages among the last calls that
 * opens the circuit, default 50), {@code PAYMENT_BREAKER_WINDOW} (how many last calls count,
 * default 10), {@code PAYMENT_BREAKER_MIN_CALLS} (calls needed before the rate is judged, default
 * 5), {@code PAYMENT_BREAKER_OPEN_SECONDS} (how long an open circuit fails fast, default 30) and
 * {@code PAYMENT_BREAKER_HALF_OPEN_CALLS} (trial calls after that, default 2).
 */
public record BreakerSettings(
    int failureRatePercent, int windowCalls, int minimumCalls, Duration openWait, int halfOpenCalls) {

  public static final BreakerSettings DEFAULT = new BreakerSettings(50, 10, 5, Duration.ofSeconds(30), 2);

  public BreakerSettings {
    Objects.requireNonNull(openWait, "openWait");
    if (failureRatePercent < 1 || failureRatePercent > 100) {
      throw new IllegalArgumentException("breaker failure rate must be 1..100 percent, was " + failureRatePercent);
    }
    if (windowCalls < 1 || windowCalls > 10_000) {
      throw new IllegalArgumentException("breaker window must be 1..10000 calls, was " + windowCalls);
    }
    if (minimumCalls < 1 || minimumCalls > windowCalls) {
      throw new IllegalArgumentException("breaker minimum calls must be 1..window (" + windowCalls + "), was "
          + minimumCalls);
    }
    if (openWait.isNegative() || openWait.isZero() || openWait.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("breaker open wait must be positive and at most an hour, was " + openWait);
    }
    if (halfOpenCalls < 1 || halfOpenCalls > 100) {
      throw new IllegalArgumentException("breaker half-open calls must be 1..100, was " + halfOpenCalls);
    }
  }
}
