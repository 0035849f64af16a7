package dev.rei.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyTest {

  @Test
  void givenKnownCurrencies_digits_areTheRailsOnes() {
    assertThat(Currency.RUB.fractionDigits()).isEqualTo(2);
    assertThat(Currency.XTR.fractionDigits()).isZero();
    assertThat(Currency.USDT.code()).isEqualTo("USDT");
    assertThat(Currency.RUB).hasToString("RUB");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TON", "USDT", "BTC", "USDC2"})
  void givenThreeToFiveUpperCaseCharacters_construction_isAccepted(String code) {
    assertThat(new Currency(code, 2).code()).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "RU", "rub", "Rub", "RUBLES", "1RU", "RU B", "RUB\n", "ЯЯЯ", "R-B"})
  void givenMalformedCode_construction_isRefused(String code) {
    assertThatIllegalArgumentException().isThrownBy(() -> new Currency(code, 2));
  }

  @Test
  void givenNullCode_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Currency(null, 2));
  }

  @Test
  void givenFractionDigitsOutOfRange_construction_isRefused() {
    assertThat(new Currency("TON", 8).fractionDigits()).isEqualTo(8);
    assertThat(new Currency("XTR", 0).fractionDigits()).isZero();
    assertThatIllegalArgumentException().isThrownBy(() -> new Currency("TON", 9));
    assertThatIllegalArgumentException().isThrownBy(() -> new Currency("RUB", -1));
  }
}
