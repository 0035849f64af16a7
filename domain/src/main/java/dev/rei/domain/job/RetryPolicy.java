package dev.rei.domain.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a failed attempt is tried again: the retryable classes with their first delay, doubling
 * (by {@code multiplier}) each attempt, spread by ±{@code jitter} so retries of many jobs do not
 * arrive together, up to {@code maxAttempts} attempts and never past the job's deadline.
 *
 * <p>The default is DESIGN §2.2: RATE_LIMIT 60 s → 120 s → 240 s, TEMPORARY 10 s → 20 s → 40 s,
 * three attempts, the other classes not retried.
 */
public record RetryPolicy(int maxAttempts, Map<FailureClass, Duration> firstDelays, double multiplier, double jitter) {

  public static final RetryPolicy DEFAULT = new RetryPolicy(3,
      Map.of(FailureClass.RATE_LIMIT, Duration.ofSeconds(60), FailureClass.TEMPORARY, Duration.ofSeconds(10)),
      2.0, 0.2);

  public RetryPolicy {
    Objects.requireNonNull(firstDelays, "firstDelays");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1, was " + maxAttempts);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be a finite number ≥ 1, was " + multiplier);
    }
    if (!(jitter >= 0.0 && jitter < 1.0)) {
      throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
    }
    for (Map.Entry<FailureClass, Duration> entry : firstDelays.entrySet()) {
      Objects.requireNonNull(entry.getKey(), "failure class");
      if (entry.getValue() == null || entry.getValue().isNegative() || entry.getValue().isZero()) {
        throw new IllegalArgumentException("first delay of " + entry.getKey() + " must be positive");
      }
    }
    firstDelays = Map.copyOf(firstDelays);
  }

  public boolean isRetryable(FailureClass failureClass) {
    return firstDelays.containsKey(failureClass);
  }

  /**
   * The delay after the {@code attemptsMade}-th attempt failed, before jitter: the first delay
   * times {@code multiplier^(attemptsMade − 1)}.
   */
  public Duration baseDelay(FailureClass failureClass, int attemptsMade) {
    Duration first = firstDelays.get(failureClass);
    if (first == null) {
      throw new IllegalArgumentException(failureClass + " is not retried");
    }
    double millis = first.toMillis() * Math.pow(multiplier, Math.max(0, attemptsMade - 1));
    return Duration.ofMillis((long) Math.min(millis, (double) Long.MAX_VALUE / 4));
  }

  /**
   * Whether to try again after the {@code attemptsMade}-th attempt failed with {@code
   * failureClass}, and when. {@code random} supplies the jitter.
   */
  public RetryDecision decide(
      FailureClass failureClass, int attemptsMade, Instant now, Instant deadline, RandomGenerator random) {
    if (!isRetryable(failureClass)) {
      return new RetryDecision.GiveUp(RetryDecision.Reason.NOT_RETRYABLE);
    }
    if (attemptsMade >= maxAttempts) {
      return new RetryDecision.GiveUp(RetryDecision.Reason.ATTEMPTS_EXHAUSTED);
    }
    double spread = 1.0 + jitter * (2.0 * random.nextDouble() - 1.0);
    long delayMillis = Math.max(1, Math.round(baseDelay(failureClass, attemptsMade).toMillis() * spread));
    Instant at = now.plusMillis(delayMillis);
    if (!at.isBefore(deadline)) {
      return new RetryDecision.GiveUp(RetryDecision.Reason.PAST_DEADLINE);
    }
    return new RetryDecision.Retry(at);
  }
}
