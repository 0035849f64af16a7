package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.out.RateLimiter;
import dev.rei.domain.limits.ActionClass;
import dev.rei.domain.limits.EscalationPolicy;
import dev.rei.domain.limits.LimitDecision;
import dev.rei.domain.limits.LimitRefusal;
import dev.rei.domain.limits.RateLimit;
import dev.rei.domain.limits.RateLimitPolicy;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} must do: the decisions of {@link RateLimitPolicy} over a sliding
 * window of allowed actions (refused ones are not counted), with a running block and violations
 * remembered until {@code memory} passes without a new one. Time is the {@code now} passed in, so
 * no test waits. Subclasses give a fresh, empty limiter for a policy.
 */
public abstract class RateLimiterContract {

  private static final UserId ALICE = UserId.of(1001);
  private static final UserId BOB = UserId.of(1002);
  private static final Instant NOW = Instant.parse("2026-06-01T09:00:05Z");

  protected abstract RateLimiter newLimiter(RateLimitPolicy policy);

  /** The default policy: 2 payments, 10 messages, 20 button presses a minute; blocks 1 min → 5 → 15 → 1 h → 24 h. */
  private RateLimiter limiter() {
    return newLimiter(RateLimitPolicy.DEFAULT);
  }

  @Test
  void givenTwoPaymentsAMinute_aThird_isRefusedAndBlocksForTheFirstStep() {
    RateLimiter limiter = limiter();
    assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW).isAllowed()).isTrue();
    assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW).isAllowed()).isTrue();

    LimitDecision third = limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW);

    assertThat(third.refusal()).contains(LimitRefusal.RATE_LIMITED);
    assertThat(third.newViolation()).isTrue();
    assertThat(third.retryAt()).contains(NOW.plus(Duration.ofMinutes(1)));
    LimitDecision during = limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW.plusSeconds(30));
    assertThat(during.refusal()).contains(LimitRefusal.BLOCKED);
    assertThat(during.newViolation()).isFalse();
    assertThat(during.retryAt()).contains(NOW.plus(Duration.ofMinutes(1)));
  }

  @Test
  void givenOneFullWindowOrBlock_otherUsersAndOtherActions_areCountedApart() {
    RateLimiter limiter = limiter();
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryAcquire(ALICE, ActionClass.MESSAGE, NOW).isAllowed()).isTrue();
    }
    assertThat(limiter.tryAcquire(ALICE, ActionClass.MESSAGE, NOW).refusal()).contains(LimitRefusal.RATE_LIMITED);

    assertThat(limiter.tryAcquire(ALICE, ActionClass.MESSAGE, NOW).refusal()).contains(LimitRefusal.BLOCKED);
    assertThat(limiter.tryAcquire(ALICE, ActionClass.BUTTON_PRESS, NOW).isAllowed()).isTrue();
    assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW).isAllowed()).isTrue();
    assertThat(limiter.tryAcquire(BOB, ActionClass.MESSAGE, NOW).isAllowed()).isTrue();
  }

  @Test
  void givenRepeatViolations_blocks_growStepByStep() {
    RateLimiter limiter = limiter();
    Instant t = NOW;
    for (Duration block : EscalationPolicy.DEFAULT.steps()) {
      assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, t).isAllowed()).isTrue();
      assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, t).isAllowed()).isTrue();
      LimitDecision violation = limiter.tryAcquire(ALICE, ActionClass.PAYMENT, t);
      assertThat(violation.refusal()).contains(LimitRefusal.RATE_LIMITED);
      assertThat(violation.retryAt()).contains(t.plus(block));
      // Right after the block, within the memory of the last violation, the window is empty again.
      t = t.plus(block);
    }
  }

  @Test
  void givenViolationsPastTheLastStep_theBlock_staysAtTheLastStep() {
    RateLimiter limiter = newLimiter(new RateLimitPolicy(
        Map.of(ActionClass.MESSAGE, RateLimit.perMinute(1), ActionClass.BUTTON_PRESS, RateLimit.perMinute(1),
            ActionClass.PAYMENT, RateLimit.perMinute(1)),
        new EscalationPolicy(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)), Duration.ofHours(1))));
    Instant t = NOW;
    List<Duration> blocks = new ArrayList<>();
    for (int violation = 0; violation < 4; violation++) {
      assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, t).isAllowed()).isTrue();
      Instant until = limiter.tryAcquire(ALICE, ActionClass.PAYMENT, t).retryAt().orElseThrow();
      blocks.add(Duration.between(t, until));
      t = until;
    }

    assertThat(blocks).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(2),
        Duration.ofMinutes(2));
  }

  @Test
  void givenViolationsForgotten_afterTheMemoryPassesQuietly_theNextBlock_isTheFirstStepAgain() {
    RateLimiter limiter = limiter();
    for (UserId user : List.of(ALICE, BOB)) {
      limiter.tryAcquire(user, ActionClass.PAYMENT, NOW);
      limiter.tryAcquire(user, ActionClass.PAYMENT, NOW);
      limiter.tryAcquire(user, ActionClass.PAYMENT, NOW);
    }

    Instant withinMemory = NOW.plus(Duration.ofHours(23));
    limiter.tryAcquire(BOB, ActionClass.PAYMENT, withinMemory);
    limiter.tryAcquire(BOB, ActionClass.PAYMENT, withinMemory);
    assertThat(limiter.tryAcquire(BOB, ActionClass.PAYMENT, withinMemory).retryAt())
        .contains(withinMemory.plus(Duration.ofMinutes(5)));
    Instant pastMemory = NOW.plus(Duration.ofHours(24)).plusSeconds(1);
    limiter.tryAcquire(ALICE, ActionClass.PAYMENT, pastMemory);
    limiter.tryAcquire(ALICE, ActionClass.PAYMENT, pastMemory);
    assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, pastMemory).retryAt())
        .contains(pastMemory.plus(Duration.ofMinutes(1)));
  }

  @Test
  void givenBlock_actionsRefusedDuringIt_areNotCounted() {
    RateLimiter limiter = limiter();
    limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW);
    limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW);
    limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW.plusSeconds(30)).refusal())
          .contains(LimitRefusal.BLOCKED);
    }

    Instant blockOver = NOW.plus(Duration.ofMinutes(1));
    assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, blockOver).isAllowed()).isTrue();
    assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, blockOver).isAllowed()).isTrue();
    assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, blockOver).retryAt())
        .contains(blockOver.plus(Duration.ofMinutes(5)));
  }

  @Test
  void givenSlidingWindow_actionsLateInOneMinute_stillCountEarlyInTheNext() {
    RateLimiter limiter = limiter();
    Instant late = Instant.parse("2026-06-01T09:00:50Z");
    limiter.tryAcquire(ALICE, ActionClass.PAYMENT, late);
    limiter.tryAcquire(ALICE, ActionClass.PAYMENT, late);

    LimitDecision early = limiter.tryAcquire(ALICE, ActionClass.PAYMENT, Instant.parse("2026-06-01T09:01:10Z"));

    assertThat(early.refusal()).contains(LimitRefusal.RATE_LIMITED);
  }

  @Test
  void givenWindowPassedWithoutViolation_actions_areAllowedAgain() {
    RateLimiter limiter = limiter();
    limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW);
    limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW.plusSeconds(59));

    Instant windowLater = NOW.plusSeconds(60);
    assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, windowLater).isAllowed()).isTrue();
    assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, windowLater).refusal())
        .contains(LimitRefusal.RATE_LIMITED);
  }

  @Test
  void givenSixteenConcurrentPayments_exactlyTwoAreAllowed_andOneViolationIsRecorded() throws Exception {
    RateLimiter limiter = limiter();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<LimitDecision> decisions = new ArrayList<>();
    try {
      List<Callable<LimitDecision>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(() -> limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW));
      }
      for (Future<LimitDecision> future : pool.invokeAll(calls)) {
        decisions.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(decisions).filteredOn(LimitDecision::isAllowed).hasSize(2);
    assertThat(decisions).filteredOn(LimitDecision::newViolation).hasSize(1);
    assertThat(decisions).filteredOn(d -> d.refusal().equals(Optional.of(LimitRefusal.BLOCKED)))
        .hasSize(13);
    assertThat(limiter.tryAcquire(ALICE, ActionClass.PAYMENT, NOW.plusSeconds(61)).isAllowed()).isTrue();
  }
}
