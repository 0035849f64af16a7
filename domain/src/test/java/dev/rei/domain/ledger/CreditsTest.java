package dev.rei.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditsTest {

  @Test
  void givenZeroOrPositive_of_keepsTheValue() {
    assertThat(Credits.of(0)).isEqualTo(Credits.ZERO);
    assertThat(Credits.of(42).value()).isEqualTo(42);
    assertThat(Credits.of(Long.MAX_VALUE).value()).isEqualTo(Long.MAX_VALUE);
    assertThat(Credits.of(42)).hasToString("42");
  }

  @Test
  void givenNegative_of_isRejected() {
    assertThatThrownBy(() -> Credits.of(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Credits(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenTwoAmounts_plus_adds() {
    assertThat(Credits.of(40).plus(Credits.of(2))).isEqualTo(Credits.of(42));
    assertThat(Credits.of(7).plus(Credits.ZERO)).isEqualTo(Credits.of(7));
  }

  @Test
  void givenSumBeyondLong_plus_throwsInsteadOfWrapping() {
    assertThatThrownBy(() -> Credits.of(Long.MAX_VALUE).plus(Credits.of(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void givenSmallerOrEqualSubtrahend_minus_subtracts() {
    assertThat(Credits.of(10).minus(Credits.of(4))).isEqualTo(Credits.of(6));
    assertThat(Credits.of(10).minus(Credits.of(10))).isEqualTo(Credits.ZERO);
  }

  @Test
  void givenLargerSubtrahend_minus_isRejected() {
    assertThatThrownBy(() -> Credits.of(3).minus(Credits.of(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void givenFactor_times_multiplies() {
    assertThat(Credits.of(6).times(7)).isEqualTo(Credits.of(42));
    assertThat(Credits.of(6).times(0)).isEqualTo(Credits.ZERO);
    assertThat(Credits.ZERO.times(Long.MAX_VALUE)).isEqualTo(Credits.ZERO);
  }

  @Test
  void givenNegativeFactor_times_isRejected() {
    assertThatThrownBy(() -> Credits.of(6).times(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenProductBeyondLong_times_throwsInsteadOfWrapping() {
    assertThatThrownBy(() -> Credits.of(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void givenAmounts_comparisons_agreeWithTheirValues() {
    Credits five = Credits.of(5);
    Credits six = Credits.of(6);

    assertThat(five.isAtLeast(five)).isTrue();
    assertThat(six.isAtLeast(five)).isTrue();
    assertThat(five.isAtLeast(six)).isFalse();
    assertThat(six.isGreaterThan(five)).isTrue();
    assertThat(five.isGreaterThan(five)).isFalse();
    assertThat(five.compareTo(six)).isNegative();
    assertThat(six.compareTo(five)).isPositive();
    assertThat(five.compareTo(Credits.of(5))).isZero();
    assertThat(five.min(six)).isSameAs(five);
    assertThat(six.min(five)).isSameAs(five);
  }

  @Test
  void givenZeroAndPositive_predicates_tellThemApart() {
    assertThat(Credits.ZERO.isZero()).isTrue();
    assertThat(Credits.ZERO.isPositive()).isFalse();
    assertThat(Credits.of(1).isZero()).isFalse();
    assertThat(Credits.of(1).isPositive()).isTrue();
  }
}
