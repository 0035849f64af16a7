package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.RateLimiter;
import dev.rei.domain.limits.ActionClass;
import dev.rei.domain.limits.LimitDecision;
import dev.rei.domain.limits.LimitRefusal;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} must do with {@link RateLimitPolicy#DEFAULT}; subclasses give a fresh one. */
public abstract class RateLimiterContract {

  private static final UserId ALICE = UserId.of(1001);
  // Five seconds into a minute window, so the window does not roll over inside a test.
  private static final Instant NOW = Instant.parse("2026-06-01T09:00:05Z");

  protected abstract RateLimiter newLimiter();

  private RateLimiter limiter;

  @BeforeEach
  void fresh() {
    limiter = newLimiter();
  }

  @Test
  void givenTwoPaymentsAMinute_aThird_isRefusedAndBlocksForTheFirstStep() {
    assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW).isAllowed()).isTrue();
    assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW).isAllowed()).isTrue();

    LimitDecision third = limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW);

    assertThat(third.refusal()).contains(LimitRefusal.RATE_LIMITED);
    assertThat(third.newViolation()).isTrue();
    assertThat(third.retryAt()).contains(NOW.plus(Duration.ofMinutes(1)));
    LimitDecision during = limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW.plusSeconds(30));
    assertThat(during.refusal()).contains(LimitRefusal.BLOCKED);
    assertThat(during.newViolation()).isFalse();
  }

  @Test
  void givenOneFullWindow_otherUsersAndOtherActions_areCountedApart() {
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryAcquire(ALICE, ActionClass.MESSAGE, NOW).isAllowed()).isTrue();
    }
    assertThat(limiter.tryAcquire(ALICE, ActionClass.MESSAGE, NOW).isAllowed()).isFalse();
    assertThat(limiter.tryAcquire(ALICE, ActionClass.BUTTON_PRESS, NOW).isAllowed()).isTrue();
    assertThat(limiter.tryAcquire(UserId.of(2), ActionClass.MESSAGE, NOW).isAllowed()).isTrue();
  }

  @Test
  void givenRepeatViolations_blocks_growStepByStep() {
    Instant t = NOW;
    Duration[] expected = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)};
    for (Duration block : expected) {
      limiter.tryAcquire(ALICE, ActionClass.PAYMENT, t);
      limiter.tryAcquire(ALICE, ActionClass.PAYMENT, t);
      assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, t).retryAt()).contains(t.plus(block));
      // Past the block, at the same second of a later minute: a fresh window.
      t = t.plus(block).plus(Duration.ofMinutes(1));
    }
  }

  @Test
  void givenWindowPassedWithoutViolation_actions_areAllowedAgain() {
    limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW);
    limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW);

    assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW.plusSeconds(60)).isAllowed()).isTrue();
  }
}
