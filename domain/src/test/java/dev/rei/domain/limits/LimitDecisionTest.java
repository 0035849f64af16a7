package dev.rei.domain.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimitDecisionTest {

  private static final Instant LATER = Instant.parse("2026-03-01T10:05:00Z");

  @Test
  void givenAllowed_decision_hasNoRefusalRetryOrViolation() {
    LimitDecision allowed = LimitDecision.allowed();

    assertThat(allowed.isAllowed()).isTrue();
    assertThat(allowed.refusal()).isEmpty();
    assertThat(allowed.retryAt()).isEmpty();
    assertThat(allowed.newViolation()).isFalse();
  }

  @Test
  void givenRefusal_decision_isNotAllowedAndNamesItsReason() {
    LimitDecision refused = LimitDecision.refused(LimitRefusal.HOURLY_SPEND_CAP);

    assertThat(refused.isAllowed()).isFalse();
    assertThat(refused.refusal()).contains(LimitRefusal.HOURLY_SPEND_CAP);
    assertThat(refused.retryAt()).isEmpty();
    assertThat(refused.newViolation()).isFalse();
  }

  @Test
  void givenBlock_decision_carriesRetryTimeAndViolation() {
    LimitDecision blocked = LimitDecision.blocked(LimitRefusal.RATE_LIMITED, LATER, true);

    assertThat(blocked.isAllowed()).isFalse();
    assertThat(blocked.retryAt()).contains(LATER);
    assertThat(blocked.newViolation()).isTrue();
  }

  @Test
  void givenAllowedWithRetryTimeOrViolation_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new LimitDecision(Optional.empty(), Optional.of(LATER), false));
    assertThatIllegalArgumentException().isThrownBy(() -> new LimitDecision(Optional.empty(), Optional.empty(), true));
    assertThatIllegalArgumentException().isThrownBy(() -> new LimitDecision(Optional.empty(), Optional.of(LATER), true));
  }

  @Test
  void givenNullOptionals_construction_isRefused() {
    assertThatThrownBy(() -> new LimitDecision(null, Optional.empty(), false)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new LimitDecision(Optional.of(LimitRefusal.BANNED), null, false))
        .isInstanceOf(NullPointerException.class);
  }
}
