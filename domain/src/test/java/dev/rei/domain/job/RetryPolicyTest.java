package dev.rei.domain.job;

import static dev.rei.domain.fixtures.JobFixtures.T0;
import static dev.rei.domain.fixtures.JobFixtures.seededRandom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The retry table of DESIGN §2.2 and its validation. */
class RetryPolicyTest {

  private static final Instant FAR_DEADLINE = T0.plus(Duration.ofDays(1));
  private static final int DRAWS = 10_000;

  @ParameterizedTest
  @CsvSource({"RATE_LIMIT, 1, 60", "RATE_LIMIT, 2, 120", "RATE_LIMIT, 3, 240",
      "TEMPORARY, 1, 10", "TEMPORARY, 2, 20", "TEMPORARY, 3, 40"})
  void givenDefaultPolicy_baseDelay_followsDesignTable(FailureClass failureClass, int attemptsMade, long seconds) {
    assertThat(RetryPolicy.DEFAULT.baseDelay(failureClass, attemptsMade)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void givenDefaultPolicy_shape_isThreeAttemptsDoublingWithTwentyPercentJitter() {
    assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(3);
    assertThat(RetryPolicy.DEFAULT.multiplier()).isEqualTo(2.0);
    assertThat(RetryPolicy.DEFAULT.jitter()).isEqualTo(0.2);
    assertThat(RetryPolicy.DEFAULT.isRetryable(FailureClass.RATE_LIMIT)).isTrue();
    assertThat(RetryPolicy.DEFAULT.isRetryable(FailureClass.TEMPORARY)).isTrue();
    assertThat(RetryPolicy.DEFAULT.isRetryable(FailureClass.USER_VIOLATION)).isFalse();
    assertThat(RetryPolicy.DEFAULT.isRetryable(FailureClass.BILLING)).isFalse();
    assertThat(RetryPolicy.DEFAULT.isRetryable(FailureClass.UNKNOWN)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = FailureClass.class, names = {"USER_VIOLATION", "BILLING", "UNKNOWN"})
  void givenClassNotRetried_decide_givesUpAsNotRetryable(FailureClass failureClass) {
    assertThat(RetryPolicy.DEFAULT.decide(failureClass, 1, T0, FAR_DEADLINE, seededRandom()))
        .isEqualTo(new RetryDecision.GiveUp(RetryDecision.Reason.NOT_RETRYABLE));
    assertThatThrownBy(() -> RetryPolicy.DEFAULT.baseDelay(failureClass, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(value = FailureClass.class, names = {"RATE_LIMIT", "TEMPORARY"})
  void givenMaxAttemptsMade_decide_givesUpAsExhausted(FailureClass failureClass) {
    assertThat(RetryPolicy.DEFAULT.decide(failureClass, 3, T0, FAR_DEADLINE, seededRandom()))
        .isEqualTo(new RetryDecision.GiveUp(RetryDecision.Reason.ATTEMPTS_EXHAUSTED));
    assertThat(RetryPolicy.DEFAULT.decide(failureClass, 4, T0, FAR_DEADLINE, seededRandom()))
        .isEqualTo(new RetryDecision.GiveUp(RetryDecision.Reason.ATTEMPTS_EXHAUSTED));
    assertThat(RetryPolicy.DEFAULT.decide(failureClass, 2, T0, FAR_DEADLINE, seededRandom()))
        .isInstanceOf(RetryDecision.Retry.class);
  }

  @ParameterizedTest
  @CsvSource({"RATE_LIMIT, 1", "RATE_LIMIT, 2", "TEMPORARY, 1", "TEMPORARY, 2"})
  void givenManySeededDraws_decide_staysWithinJitterAndSpreads(FailureClass failureClass, int attemptsMade) {
    RandomGenerator random = seededRandom();
    long base = RetryPolicy.DEFAULT.baseDelay(failureClass, attemptsMade).toMillis();
    long low = Math.round(base * 0.8);
    long high = Math.round(base * 1.2);
    Set<Long> seen = new HashSet<>();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;

    for (int i = 0; i < DRAWS; i++) {
      RetryDecision decision = RetryPolicy.DEFAULT.decide(failureClass, attemptsMade, T0, FAR_DEADLINE, random);
      long delay = Duration.between(T0, ((RetryDecision.Retry) decision).at()).toMillis();
      seen.add(delay);
      min = Math.min(min, delay);
      max = Math.max(max, delay);
    }

    assertThat(min).isGreaterThanOrEqualTo(low);
    assertThat(max).isLessThanOrEqualTo(high);
    assertThat(seen).hasSizeGreaterThan(DRAWS / 10);
    // The draws use most of the ±20 % band, on both sides of the base.
    assertThat(min).isLessThan(Math.round(base * 0.82));
    assertThat(max).isGreaterThan(Math.round(base * 1.18));
  }

  @Test
  void givenSameSeed_decide_repeats() {
    RetryDecision first = RetryPolicy.DEFAULT.decide(FailureClass.RATE_LIMIT, 1, T0, FAR_DEADLINE, seededRandom(7));
    RetryDecision second = RetryPolicy.DEFAULT.decide(FailureClass.RATE_LIMIT, 1, T0, FAR_DEADLINE, seededRandom(7));

    assertThat(first).isEqualTo(second);
  }

  @Test
  void givenNoJitter_decide_isExactlyTheBaseDelay() {
    RetryPolicy exact = new RetryPolicy(4, Map.of(FailureClass.TEMPORARY, Duration.ofSeconds(10)), 3.0, 0.0);

    assertThat(exact.decide(FailureClass.TEMPORARY, 1, T0, FAR_DEADLINE, seededRandom()))
        .isEqualTo(new RetryDecision.Retry(T0.plusSeconds(10)));
    assertThat(exact.decide(FailureClass.TEMPORARY, 2, T0, FAR_DEADLINE, seededRandom()))
        .isEqualTo(new RetryDecision.Retry(T0.plusSeconds(30)));
    assertThat(exact.decide(FailureClass.TEMPORARY, 3, T0, FAR_DEADLINE, seededRandom()))
        .isEqualTo(new RetryDecision.Retry(T0.plusSeconds(90)));
    assertThat(exact.decide(FailureClass.TEMPORARY, 4, T0, FAR_DEADLINE, seededRandom()))
        .isEqualTo(new RetryDecision.GiveUp(RetryDecision.Reason.ATTEMPTS_EXHAUSTED));
  }

  @Test
  void givenRetryAtOrAfterDeadline_decide_givesUpPastDeadline() {
    RetryPolicy exact = new RetryPolicy(3, Map.of(FailureClass.TEMPORARY, Duration.ofSeconds(10)), 2.0, 0.0);

    assertThat(exact.decide(FailureClass.TEMPORARY, 1, T0, T0.plusSeconds(10), seededRandom()))
        .isEqualTo(new RetryDecision.GiveUp(RetryDecision.Reason.PAST_DEADLINE));
    assertThat(exact.decide(FailureClass.TEMPORARY, 1, T0, T0.plusSeconds(5), seededRandom()))
        .isEqualTo(new RetryDecision.GiveUp(RetryDecision.Reason.PAST_DEADLINE));
    assertThat(exact.decide(FailureClass.TEMPORARY, 1, T0, T0.plusMillis(10_001), seededRandom()))
        .isEqualTo(new RetryDecision.Retry(T0.plusSeconds(10)));
  }

  @Test
  void givenHugeAttemptCount_decide_neitherOverflowsNorRetries() {
    RetryPolicy patient = new RetryPolicy(Integer.MAX_VALUE, Map.of(FailureClass.TEMPORARY, Duration.ofSeconds(10)),
        2.0, 0.2);

    assertThat(patient.baseDelay(FailureClass.TEMPORARY, 10_000)).isPositive();
    assertThat(patient.decide(FailureClass.TEMPORARY, 10_000, T0, FAR_DEADLINE, seededRandom()))
        .isEqualTo(new RetryDecision.GiveUp(RetryDecision.Reason.PAST_DEADLINE));
  }

  @Test
  void givenCustomPolicy_isRetryable_followsItsTable() {
    RetryPolicy custom = new RetryPolicy(2, Map.of(FailureClass.UNKNOWN, Duration.ofSeconds(3)), 1.0, 0.0);

    assertThat(custom.isRetryable(FailureClass.UNKNOWN)).isTrue();
    assertThat(custom.isRetryable(FailureClass.TEMPORARY)).isFalse();
    assertThat(custom.baseDelay(FailureClass.UNKNOWN, 1)).isEqualTo(Duration.ofSeconds(3));
    assertThat(custom.baseDelay(FailureClass.UNKNOWN, 2)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void givenMutableDelayMap_policy_keepsItsOwnCopy() {
    Map<FailureClass, Duration> delays = new HashMap<>();
    delays.put(FailureClass.TEMPORARY, Duration.ofSeconds(10));
    RetryPolicy policy = new RetryPolicy(3, delays, 2.0, 0.2);

    delays.put(FailureClass.UNKNOWN, Duration.ofSeconds(1));

    assertThat(policy.isRetryable(FailureClass.UNKNOWN)).isFalse();
    assertThatThrownBy(() -> policy.firstDelays().put(FailureClass.BILLING, Duration.ofSeconds(1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenNoRetryableClass_policy_isValidAndNeverRetries() {
    RetryPolicy never = new RetryPolicy(1, Map.of(), 1.0, 0.0);

    for (FailureClass failureClass : FailureClass.values()) {
      assertThat(never.decide(failureClass, 0, T0, FAR_DEADLINE, seededRandom()))
          .isEqualTo(new RetryDecision.GiveUp(RetryDecision.Reason.NOT_RETRYABLE));
    }
  }

  @Test
  void givenInvalidSettings_policy_throws() {
    Map<FailureClass, Duration> ok = Map.of(FailureClass.TEMPORARY, Duration.ofSeconds(10));

    assertInvalid(() -> new RetryPolicy(0, ok, 2.0, 0.2), "max attempts");
    assertInvalid(() -> new RetryPolicy(-1, ok, 2.0, 0.2), "max attempts");
    assertInvalid(() -> new RetryPolicy(3, ok, 0.99, 0.2), "multiplier");
    assertInvalid(() -> new RetryPolicy(3, ok, Double.NaN, 0.2), "multiplier");
    assertInvalid(() -> new RetryPolicy(3, ok, Double.POSITIVE_INFINITY, 0.2), "multiplier");
    assertInvalid(() -> new RetryPolicy(3, ok, 2.0, -0.01), "jitter");
    assertInvalid(() -> new RetryPolicy(3, ok, 2.0, 1.0), "jitter");
    assertInvalid(() -> new RetryPolicy(3, ok, 2.0, Double.NaN), "jitter");
    assertInvalid(() -> new RetryPolicy(3, Map.of(FailureClass.TEMPORARY, Duration.ZERO), 2.0, 0.2), "positive");
    assertInvalid(() -> new RetryPolicy(3, Map.of(FailureClass.TEMPORARY, Duration.ofSeconds(-1)), 2.0, 0.2),
        "positive");
    Map<FailureClass, Duration> nullDelay = new HashMap<>();
    nullDelay.put(FailureClass.TEMPORARY, null);
    assertInvalid(() -> new RetryPolicy(3, nullDelay, 2.0, 0.2), "positive");
    assertThatThrownBy(() -> new RetryPolicy(3, null, 2.0, 0.2)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenRetryDecisions_nulls_areRejected() {
    assertThatThrownBy(() -> new RetryDecision.Retry(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new RetryDecision.GiveUp(null)).isInstanceOf(NullPointerException.class);
  }

  private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable build, String reason) {
    assertThatThrownBy(build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
  }
}
