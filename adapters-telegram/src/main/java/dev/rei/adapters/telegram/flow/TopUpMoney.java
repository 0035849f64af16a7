package dev.rei.adapters.telegram.flow;

import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import java.math.BigDecimal;

/** Money as a user reads it on the top-up screens: "100 ₽", "250 ⭐", "10.5 USDT". */
final class TopUpMoney {

  private TopUpMoney() {}

  static String text(Money money) {
    String amount = BigDecimal.valueOf(money.minorUnits(), money.currency().fractionDigits())
        .stripTrailingZeros().toPlainString();
    Currency currency = money.currency();
    if (currency.equals(Currency.RUB)) {
      return amount + " ₽";
    }
    if (currency.equals(Currency.XTR)) {
      return amount + " ⭐";
    }
    return amount + " " + currency.code();
  }
}
