package dev.rei.domain.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.ledger.Credits;
import org.junit.jupiter.api.Test;

class OrderLimitsTest {

  private static final OrderLimits LIMITS = new OrderLimits(3, Credits.of(1_000));

  @Test
  void givenDefaults_limits_areThreeActiveOrdersAndAThousandCreditsAnHour() {
    assertThat(OrderLimits.DEFAULT.maxActiveOrders()).isEqualTo(3);
    assertThat(OrderLimits.DEFAULT.hourlySpendCap()).isEqualTo(Credits.of(1_000));
  }

  @Test
  void givenQuietUser_check_allows() {
    assertThat(LIMITS.check(new OrderFacts(false, 0, Credits.ZERO), Credits.of(50))).isEqualTo(LimitDecision.allowed());
  }

  @Test
  void givenBannedUserOverEveryLimit_check_saysBannedFirst() {
    LimitDecision decision = LIMITS.check(new OrderFacts(true, 99, Credits.of(5_000)), Credits.of(5_000));

    assertThat(decision.refusal()).contains(LimitRefusal.BANNED);
    assertThat(decision.retryAt()).isEmpty();
    assertThat(decision.newViolation()).isFalse();
  }

  @Test
  void givenBannedUserWithinLimits_check_isRefused() {
    assertThat(LIMITS.check(new OrderFacts(true, 0, Credits.ZERO), Credits.of(1)).refusal()).contains(LimitRefusal.BANNED);
  }

  @Test
  void givenTooManyActiveOrdersAndOverTheCap_check_saysActiveOrdersBeforeSpend() {
    LimitDecision decision = LIMITS.check(new OrderFacts(false, 3, Credits.of(1_000)), Credits.of(1));

    assertThat(decision.refusal()).contains(LimitRefusal.TOO_MANY_ACTIVE_ORDERS);
  }

  @Test
  void givenActiveOrdersAtTheBoundary_check_allowsOneBelowTheMaximumOnly() {
    assertThat(LIMITS.check(new OrderFacts(false, 2, Credits.ZERO), Credits.of(1)).isAllowed()).isTrue();
    assertThat(LIMITS.check(new OrderFacts(false, 3, Credits.ZERO), Credits.of(1)).refusal())
        .contains(LimitRefusal.TOO_MANY_ACTIVE_ORDERS);
    assertThat(LIMITS.check(new OrderFacts(false, 4, Credits.ZERO), Credits.of(1)).refusal())
        .contains(LimitRefusal.TOO_MANY_ACTIVE_ORDERS);
  }

  @Test
  void givenSpendAtTheCap_check_allowsReachingItAndRefusesOneCreditMore() {
    OrderFacts facts = new OrderFacts(false, 0, Credits.of(900));

    assertThat(LIMITS.check(facts, Credits.of(100)).isAllowed()).isTrue();
    assertThat(LIMITS.check(facts, Credits.of(101)).refusal()).contains(LimitRefusal.HOURLY_SPEND_CAP);
    assertThat(LIMITS.check(new OrderFacts(false, 0, Credits.ZERO), Credits.of(1_000)).isAllowed()).isTrue();
    assertThat(LIMITS.check(new OrderFacts(false, 0, Credits.ZERO), Credits.of(1_001)).refusal())
        .contains(LimitRefusal.HOURLY_SPEND_CAP);
  }

  @Test
  void givenTwoActiveOrders_aFiveVideoReelsOrder_countsAsOneOrder() {
    // The user has two unfinished orders; the new one is five Reels videos at one credit each.
    OrderFacts facts = new OrderFacts(false, 2, Credits.of(10));
    Credits fiveVideos = Credits.of(1).times(5);

    LimitDecision decision = LIMITS.check(facts, fiveVideos);

    assertThat(decision.isAllowed()).isTrue();
    // Once placed, it is the third active order: the next order of any size waits.
    OrderFacts afterwards = new OrderFacts(false, 3, facts.spentLastHour().plus(fiveVideos));
    assertThat(LIMITS.check(afterwards, Credits.of(1)).refusal()).contains(LimitRefusal.TOO_MANY_ACTIVE_ORDERS);
  }

  @Test
  void givenOneActiveOrderMaximum_check_stillAllowsAMultiItemOrder() {
    OrderLimits oneAtATime = new OrderLimits(1, Credits.of(1_000));

    assertThat(oneAtATime.check(new OrderFacts(false, 0, Credits.ZERO), Credits.of(500)).isAllowed()).isTrue();
    assertThat(oneAtATime.check(new OrderFacts(false, 1, Credits.ZERO), Credits.of(1)).refusal())
        .contains(LimitRefusal.TOO_MANY_ACTIVE_ORDERS);
  }

  @Test
  void givenInvalidLimits_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new OrderLimits(0, Credits.of(1_000)));
    assertThatIllegalArgumentException().isThrownBy(() -> new OrderLimits(3, Credits.ZERO));
    assertThatThrownBy(() -> new OrderLimits(3, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenInvalidFacts_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new OrderFacts(false, -1, Credits.ZERO));
    assertThatThrownBy(() -> new OrderFacts(false, 0, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenNulls_check_isRefused() {
    assertThatThrownBy(() -> LIMITS.check(null, Credits.of(1))).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> LIMITS.check(new OrderFacts(false, 0, Credits.ZERO), null)).isInstanceOf(NullPointerException.class);
  }
}
