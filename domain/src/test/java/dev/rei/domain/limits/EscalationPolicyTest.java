package dev.rei.domain.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationPolicyTest {

  @Test
  void givenDefault_blockFor_growsOneFiveFifteenSixtyMinutesThenADayAndStays() {
    EscalationPolicy policy = EscalationPolicy.DEFAULT;

    assertThat(policy.blockFor(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(policy.blockFor(2)).isEqualTo(Duration.ofMinutes(5));
    assertThat(policy.blockFor(3)).isEqualTo(Duration.ofMinutes(15));
    assertThat(policy.blockFor(4)).isEqualTo(Duration.ofHours(1));
    assertThat(policy.blockFor(5)).isEqualTo(Duration.ofHours(24));
    assertThat(policy.blockFor(6)).isEqualTo(Duration.ofHours(24));
    assertThat(policy.blockFor(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(24));
    assertThat(policy.memory()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void givenViolationNumberBelowOne_blockFor_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> EscalationPolicy.DEFAULT.blockFor(0));
    assertThatIllegalArgumentException().isThrownBy(() -> EscalationPolicy.DEFAULT.blockFor(-1));
  }

  @Test
  void givenOneStep_blockFor_isAlwaysThatStep() {
    EscalationPolicy policy = new EscalationPolicy(List.of(Duration.ofMinutes(10)), Duration.ofHours(1));

    assertThat(policy.blockFor(1)).isEqualTo(Duration.ofMinutes(10));
    assertThat(policy.blockFor(9)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void givenEqualSteps_construction_isAccepted() {
    EscalationPolicy flat = new EscalationPolicy(List.of(Duration.ofMinutes(5), Duration.ofMinutes(5)), Duration.ofHours(1));

    assertThat(flat.blockFor(2)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void givenNoSteps_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new EscalationPolicy(List.of(), Duration.ofHours(1)));
  }

  @Test
  void givenShrinkingStep_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new EscalationPolicy(
        List.of(Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofMinutes(5)), Duration.ofHours(1)))
        .withMessageContaining("never shrink");
  }

  @Test
  void givenZeroOrNegativeStep_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new EscalationPolicy(List.of(Duration.ZERO), Duration.ofHours(1)));
    assertThatIllegalArgumentException().isThrownBy(
        () -> new EscalationPolicy(List.of(Duration.ofMinutes(-1), Duration.ofMinutes(1)), Duration.ofHours(1)));
  }

  @Test
  void givenZeroOrNegativeMemory_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new EscalationPolicy(List.of(Duration.ofMinutes(1)), Duration.ZERO));
    assertThatIllegalArgumentException().isThrownBy(() -> new EscalationPolicy(List.of(Duration.ofMinutes(1)), Duration.ofHours(-1)));
    assertThatThrownBy(() -> new EscalationPolicy(List.of(Duration.ofMinutes(1)), null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenMutableSteps_construction_copiesThem() {
    List<Duration> steps = new ArrayList<>(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)));
    EscalationPolicy policy = new EscalationPolicy(steps, Duration.ofHours(1));

    steps.set(0, Duration.ofDays(9));

    assertThat(policy.blockFor(1)).isEqualTo(Duration.ofMinutes(1));
  }
}
