package dev.rei.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rei.domain.ledger.Credits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MultiplierTest {

  @ParameterizedTest
  @ValueSource(strings = {"+2", "1e1", "1E0", ".5", "2.", "\u0662", "2.0.0", "12345"})
  void givenTextThatIsNotAPlainDecimal_parse_isRejected(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> Multiplier.parse(text));
  }

  @ParameterizedTest
  @CsvSource({
      "2, 200",
      "1.5, 150",
      "1.50, 150",
      "1, 100",
      "1.01, 101",
      "' 2.25 ', 225",
      "1000, 100000",
  })
  void givenAtMostTwoDecimals_parse_givesHundredths(String text, int percent) {
    assertThat(Multiplier.parse(text)).isEqualTo(new Multiplier(percent));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"1.505", "1.001", "0.5", "0.99", "0", "-2", "1000.01", "abc", "x2", "2,5"})
  void givenTooPreciseOutOfRangeOrGarbage_parse_isRefused(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> Multiplier.parse(text));
  }

  @Test
  void givenPercentOutOfRange_construction_isRefused() {
    assertThat(Multiplier.ONE.percent()).isEqualTo(100);
    assertThatIllegalArgumentException().isThrownBy(() -> new Multiplier(99));
    assertThatIllegalArgumentException().isThrownBy(() -> new Multiplier(100_001));
  }

  @ParameterizedTest
  @CsvSource({
      "7, 150, 11",
      "100, 200, 200",
      "1, 101, 2",
      "0, 150, 0",
      "10, 100, 10",
      "3, 133, 4",
      "1000000000000, 100000, 1000000000000000",
  })
  void givenCredits_applyTo_multipliesAndRoundsUpToAWholeCredit(long credits, int percent, long expected) {
    assertThat(new Multiplier(percent).applyTo(Credits.of(credits))).isEqualTo(Credits.of(expected));
  }

  @Test
  void givenAnyPrice_applyTo_neverCostsLessThanTheExactProduct() {
    Multiplier multiplier = Multiplier.parse("1.33");
    for (long credits = 0; credits <= 1_000; credits++) {
      long result = multiplier.applyTo(Credits.of(credits)).value();
      assertThat(result * 100).isGreaterThanOrEqualTo(credits * 133).isLessThan(credits * 133 + 100);
    }
  }
}
