package dev.rei.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @Test
  void givenMinorUnits_ofMinor_keepsThemAsTheyAre() {
    Money money = Money.ofMinor(10_050, Currency.RUB);

    assertThat(money.minorUnits()).isEqualTo(10_050);
    assertThat(money.currency()).isEqualTo(Currency.RUB);
    assertThat(money.toDecimalString()).isEqualTo("100.50");
  }

  @Test
  void givenWholeUnits_ofMajor_scalesByTheCurrencysDigits() {
    assertThat(Money.ofMajor(100, Currency.RUB).minorUnits()).isEqualTo(10_000);
    assertThat(Money.ofMajor(50, Currency.XTR).minorUnits()).isEqualTo(50);
    assertThat(Money.ofMajor(5, Currency.USDT).minorUnits()).isEqualTo(500);
    assertThat(Money.ofMajor(0, Currency.RUB).isZero()).isTrue();
  }

  @Test
  void givenHugeWholeUnits_ofMajor_refusesToOverflow() {
    assertThatThrownBy(() -> Money.ofMajor(Long.MAX_VALUE / 10, Currency.RUB)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void givenNegativeAmount_construction_isRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> Money.ofMinor(-1, Currency.RUB));
    assertThatIllegalArgumentException().isThrownBy(() -> Money.ofMajor(-1, Currency.XTR));
  }

  @Test
  void givenNoCurrency_construction_isRefused() {
    assertThatThrownBy(() -> Money.ofMinor(1, null)).isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @CsvSource({
      "100.50, RUB, 10050",
      "100.5, RUB, 10050",
      "100, RUB, 10000",
      "100.00, RUB, 10000",
      "0.01, RUB, 1",
      "0, RUB, 0",
      "50, XTR, 50",
      "50.0, XTR, 50",
      "' 7.25 ', USDT, 725",
      "92233720368547758.07, RUB, 9223372036854775807",
  })
  void givenExactDecimal_parse_givesExactMinorUnits(String text, String code, long minorUnits) {
    Currency currency = currency(code);

    assertThat(Money.parse(text, currency)).isEqualTo(Money.ofMinor(minorUnits, currency));
  }

  @ParameterizedTest
  @CsvSource({
      "100.505, RUB",
      "0.001, RUB",
      "1.5, XTR",
      "0.1, XTR",
  })
  void givenMoreDecimalsThanTheCurrencyHas_parse_isRefused(String text, String code) {
    assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(text, currency(code)))
        .withMessageContaining("decimals");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "-1", "-0.01", "-100.50", // negative
      "", " ", "abc", "12a", "1,50", "1.2.3", "NaN", "Infinity", "0x10", "1_000", "100 RUB", "₽100", // garbage
      "+100", "-0", "1e2", "1E-2", ".5", "5.", // signs and forms a rail never sends
      "١٠٠", // Arabic-Indic digits: BigDecimal reads them as 100, a rail never sends them
      "92233720368547758.08", "99999999999999999999999", "1" + "000000000000000000000000000000", // too large
  })
  void givenNegativeGarbageOrHugeText_parse_isRefused(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(text, Currency.RUB));
  }

  @Test
  void givenNullText_parse_isRefused() {
    assertThatThrownBy(() -> Money.parse(null, Currency.RUB)).isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @CsvSource({
      "0, RUB, 0.00",
      "1, RUB, 0.01",
      "10050, RUB, 100.50",
      "10000, RUB, 100.00",
      "50, XTR, 50",
      "9223372036854775807, RUB, 92233720368547758.07",
  })
  void givenMoney_toDecimalString_printsTheCurrencysDigitsAndParsesBack(long minorUnits, String code, String text) {
    Money money = Money.ofMinor(minorUnits, currency(code));

    assertThat(money.toDecimalString()).isEqualTo(text);
    assertThat(Money.parse(money.toDecimalString(), money.currency())).isEqualTo(money);
    assertThat(money).hasToString(text + " " + code);
  }

  @Test
  void givenSameCurrency_plusAndCompare_work() {
    Money a = Money.parse("100.50", Currency.RUB);
    Money b = Money.parse("0.50", Currency.RUB);

    assertThat(a.plus(b)).isEqualTo(Money.ofMajor(101, Currency.RUB));
    assertThat(a.compareTo(b)).isPositive();
    assertThat(b.compareTo(a)).isNegative();
    assertThat(a.compareTo(Money.ofMinor(10_050, Currency.RUB))).isZero();
  }

  @Test
  void givenDifferentCurrencies_plusOrCompare_isRefused() {
    Money rubles = Money.ofMajor(100, Currency.RUB);
    Money stars = Money.ofMajor(100, Currency.XTR);

    assertThatIllegalArgumentException().isThrownBy(() -> rubles.plus(stars)).withMessageContaining("RUB");
    assertThatIllegalArgumentException().isThrownBy(() -> rubles.compareTo(stars));
    // Same code with different digits is not the same currency either.
    assertThatIllegalArgumentException().isThrownBy(() -> rubles.compareTo(Money.ofMinor(10_000, new Currency("RUB", 0))));
  }

  @Test
  void givenOverflow_plus_isRefused() {
    Money max = Money.ofMinor(Long.MAX_VALUE, Currency.RUB);

    assertThatThrownBy(() -> max.plus(Money.ofMinor(1, Currency.RUB))).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void givenFactor_times_multipliesAndRefusesNegativeOrOverflow() {
    Money price = Money.ofMajor(1, Currency.XTR);

    assertThat(price.times(10_000)).isEqualTo(Money.ofMajor(10_000, Currency.XTR));
    assertThat(price.times(0).isZero()).isTrue();
    assertThatIllegalArgumentException().isThrownBy(() -> price.times(-1));
    assertThatThrownBy(() -> Money.ofMinor(Long.MAX_VALUE, Currency.XTR).times(2)).isInstanceOf(ArithmeticException.class);
  }

  private static Currency currency(String code) {
    return switch (code) {
      case "RUB" -> Currency.RUB;
      case "XTR" -> Currency.XTR;
      case "USDT" -> Currency.USDT;
      default -> throw new IllegalArgumentException(code);
    };
  }
}
