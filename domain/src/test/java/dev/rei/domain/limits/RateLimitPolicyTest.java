package dev.rei.domain.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RateLimitPolicyTest {

  @Test
  void givenHugeViolationCount_decide_blocksForTheLastStepWithoutOverflow() {
    Instant now = Instant.parse("2026-05-01T10:00:00Z");
    RateFacts facts = new RateFacts(10, Optional.empty(), Integer.MAX_VALUE);

    LimitDecision decision = RateLimitPolicy.DEFAULT.decide(ActionClass.MESSAGE, facts, now);

    assertThat(decision.retryAt()).contains(now.plus(Duration.ofHours(24)));
  }

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final RateLimitPolicy POLICY = RateLimitPolicy.DEFAULT;

  @Test
  void givenDefaults_limits_areTenMessagesTwentyPressesAndTwoPaymentsAMinute() {
    assertThat(POLICY.limitFor(ActionClass.MESSAGE)).isEqualTo(new RateLimit(10, Duration.ofMinutes(1)));
    assertThat(POLICY.limitFor(ActionClass.BUTTON_PRESS)).isEqualTo(RateLimit.perMinute(20));
    assertThat(POLICY.limitFor(ActionClass.PAYMENT)).isEqualTo(RateLimit.perMinute(2));
    assertThat(POLICY.escalation()).isEqualTo(EscalationPolicy.DEFAULT);
  }

  @ParameterizedTest
  @CsvSource({"MESSAGE, 10", "BUTTON_PRESS, 20", "PAYMENT, 2"})
  void givenWindowOneShortOfFull_decide_allowsTheLastPermitAndRefusesTheNext(ActionClass action, int permits) {
    LimitDecision last = POLICY.decide(action, new RateFacts(permits - 1, Optional.empty(), 0), NOW);
    LimitDecision over = POLICY.decide(action, new RateFacts(permits, Optional.empty(), 0), NOW);

    assertThat(last).isEqualTo(LimitDecision.allowed());
    assertThat(over.refusal()).contains(LimitRefusal.RATE_LIMITED);
  }

  @ParameterizedTest
  @EnumSource(ActionClass.class)
  void givenFreshUser_decide_allows(ActionClass action) {
    assertThat(POLICY.decide(action, RateFacts.fresh(), NOW).isAllowed()).isTrue();
  }

  @Test
  void givenFullWindow_decide_startsANewBlockOfTheNextEscalationStep() {
    LimitDecision decision = POLICY.decide(ActionClass.PAYMENT, new RateFacts(2, Optional.empty(), 0), NOW);

    assertThat(decision.refusal()).contains(LimitRefusal.RATE_LIMITED);
    assertThat(decision.newViolation()).isTrue();
    assertThat(decision.retryAt()).contains(NOW.plus(Duration.ofMinutes(1)));
  }

  @ParameterizedTest
  @CsvSource({
      "0, PT1M",
      "1, PT5M",
      "2, PT15M",
      "3, PT1H",
      "4, PT24H",
      "5, PT24H",
      "40, PT24H",
  })
  void givenEarlierViolations_decide_blocksForTheGrowingStep(int recentViolations, Duration block) {
    LimitDecision decision = POLICY.decide(ActionClass.MESSAGE, new RateFacts(10, Optional.empty(), recentViolations), NOW);

    assertThat(decision.refusal()).contains(LimitRefusal.RATE_LIMITED);
    assertThat(decision.newViolation()).isTrue();
    assertThat(decision.retryAt()).contains(NOW.plus(block));
  }

  @Test
  void givenRunningBlock_decide_refusesAsBlockedWithoutANewViolation() {
    Instant until = NOW.plus(Duration.ofMinutes(5));

    LimitDecision decision = POLICY.decide(ActionClass.MESSAGE, new RateFacts(0, Optional.of(until), 2), NOW);

    assertThat(decision.refusal()).contains(LimitRefusal.BLOCKED);
    assertThat(decision.retryAt()).contains(until);
    assertThat(decision.newViolation()).isFalse();
  }

  @Test
  void givenRunningBlockAndFullWindow_decide_saysBlockedRatherThanEscalating() {
    Instant until = NOW.plusSeconds(1);

    LimitDecision decision = POLICY.decide(ActionClass.MESSAGE, new RateFacts(50, Optional.of(until), 1), NOW);

    assertThat(decision.refusal()).contains(LimitRefusal.BLOCKED);
    assertThat(decision.newViolation()).isFalse();
  }

  @Test
  void givenBlockEndingNow_decide_allowsAgainIfTheWindowIsNotFull() {
    Instant until = NOW;

    assertThat(POLICY.decide(ActionClass.MESSAGE, new RateFacts(9, Optional.of(until), 3), NOW).isAllowed()).isTrue();
    assertThat(POLICY.decide(ActionClass.MESSAGE, new RateFacts(0, Optional.of(NOW.minusSeconds(60)), 3), NOW).isAllowed()).isTrue();
    assertThat(POLICY.decide(ActionClass.MESSAGE, new RateFacts(0, Optional.of(NOW.plusNanos(1)), 3), NOW).refusal())
        .contains(LimitRefusal.BLOCKED);
  }

  @Test
  void givenBlockEndingNowAndFullWindow_decide_escalatesFurther() {
    LimitDecision decision = POLICY.decide(ActionClass.MESSAGE, new RateFacts(10, Optional.of(NOW), 1), NOW);

    assertThat(decision.refusal()).contains(LimitRefusal.RATE_LIMITED);
    assertThat(decision.retryAt()).contains(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void givenRepeatOffender_decideRecordingEachViolation_blocksForOneFiveFifteenSixtyMinutesThenADay() {
    Instant now = NOW;
    int violations = 0;
    Optional<Instant> blockedUntil = Optional.empty();
    List<Duration> blocks = new ArrayList<>();

    for (int round = 0; round < 7; round++) {
      LimitDecision decision = POLICY.decide(ActionClass.BUTTON_PRESS, new RateFacts(20, blockedUntil, violations), now);
      assertThat(decision.refusal()).contains(LimitRefusal.RATE_LIMITED);
      blocks.add(Duration.between(now, decision.retryAt().orElseThrow()));
      violations++;
      blockedUntil = decision.retryAt();
      // While blocked, nothing else counts as a violation.
      assertThat(POLICY.decide(ActionClass.BUTTON_PRESS, new RateFacts(20, blockedUntil, violations), now).refusal())
          .contains(LimitRefusal.BLOCKED);
      now = blockedUntil.orElseThrow();
    }

    assertThat(blocks).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
        Duration.ofHours(24), Duration.ofHours(24), Duration.ofHours(24));
  }

  @Test
  void givenEachActionClass_decide_usesItsOwnLimit() {
    RateFacts twoInWindow = new RateFacts(2, Optional.empty(), 0);

    assertThat(POLICY.decide(ActionClass.PAYMENT, twoInWindow, NOW).isAllowed()).isFalse();
    assertThat(POLICY.decide(ActionClass.MESSAGE, twoInWindow, NOW).isAllowed()).isTrue();
    assertThat(POLICY.decide(ActionClass.BUTTON_PRESS, twoInWindow, NOW).isAllowed()).isTrue();
  }

  @Test
  void givenMissingActionClass_construction_isRefused() {
    Map<ActionClass, RateLimit> noPayments = new EnumMap<>(ActionClass.class);
    noPayments.put(ActionClass.MESSAGE, RateLimit.perMinute(10));
    noPayments.put(ActionClass.BUTTON_PRESS, RateLimit.perMinute(20));

    assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitPolicy(noPayments, EscalationPolicy.DEFAULT))
        .withMessageContaining("PAYMENT");
    assertThatThrownBy(() -> new RateLimitPolicy(POLICY.limits(), null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenMutableMap_construction_copiesIt() {
    Map<ActionClass, RateLimit> limits = new EnumMap<>(POLICY.limits());
    RateLimitPolicy policy = new RateLimitPolicy(limits, EscalationPolicy.DEFAULT);

    limits.put(ActionClass.PAYMENT, RateLimit.perMinute(100));

    assertThat(policy.limitFor(ActionClass.PAYMENT)).isEqualTo(RateLimit.perMinute(2));
  }

  @Test
  void givenCustomWindow_decide_usesItsPermits() {
    Map<ActionClass, RateLimit> limits = new EnumMap<>(POLICY.limits());
    limits.put(ActionClass.PAYMENT, new RateLimit(5, Duration.ofHours(1)));
    RateLimitPolicy policy = new RateLimitPolicy(limits, new EscalationPolicy(List.of(Duration.ofMinutes(10)), Duration.ofDays(1)));

    assertThat(policy.decide(ActionClass.PAYMENT, new RateFacts(4, Optional.empty(), 0), NOW).isAllowed()).isTrue();
    assertThat(policy.decide(ActionClass.PAYMENT, new RateFacts(5, Optional.empty(), 7), NOW).retryAt())
        .contains(NOW.plus(Duration.ofMinutes(10)));
  }

  @Test
  void givenInvalidRateLimit_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> RateLimit.perMinute(0));
    assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit(1, Duration.ZERO));
    assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit(1, Duration.ofSeconds(-1)));
    assertThatThrownBy(() -> new RateLimit(1, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenInvalidFacts_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RateFacts(-1, Optional.empty(), 0));
    assertThatIllegalArgumentException().isThrownBy(() -> new RateFacts(0, Optional.empty(), -1));
    assertThatThrownBy(() -> new RateFacts(0, null, 0)).isInstanceOf(NullPointerException.class);
    assertThat(RateFacts.fresh()).isEqualTo(new RateFacts(0, Optional.empty(), 0));
  }

  @Test
  void givenNulls_decide_isRefused() {
    assertThatThrownBy(() -> POLICY.decide(null, RateFacts.fresh(), NOW)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> POLICY.decide(ActionClass.MESSAGE, null, NOW)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> POLICY.decide(ActionClass.MESSAGE, RateFacts.fresh(), null)).isInstanceOf(NullPointerException.class);
  }
}
