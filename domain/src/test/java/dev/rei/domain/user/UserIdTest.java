package dev.rei.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 7_000_000_000L, Long.MAX_VALUE})
  void givenPositiveId_of_isAccepted(long value) {
    assertThat(UserId.of(value).value()).isEqualTo(value);
    assertThat(UserId.of(value)).hasToString(Long.toString(value));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, -100_123_456_789L, Long.MIN_VALUE})
  void givenZeroOrNegativeId_of_isRefused(long value) {
    assertThatIllegalArgumentException().isThrownBy(() -> UserId.of(value)).withMessageContaining("positive");
  }

  @Test
  void givenIds_compareTo_ordersByValue() {
    assertThat(UserId.of(1)).isLessThan(UserId.of(2));
    assertThat(UserId.of(Long.MAX_VALUE)).isGreaterThan(UserId.of(1));
    assertThat(UserId.of(5).compareTo(UserId.of(5))).isZero();
    assertThat(UserId.of(5)).isEqualTo(new UserId(5));
  }
}
