package dev.rei.domain.payment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in minor units (kopecks for RUB; whole stars for XTR, which has no minor
 * unit). Never negative, never a float; text is parsed exactly and refused if it has more
 * decimals than the currency.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

  // BigDecimal alone also reads signs ("+5", "-0"), exponents ("1e2") and non-ASCII digits.
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (minorUnits < 0) {
      throw new IllegalArgumentException("money cannot be negative, was " + minorUnits);
    }
  }

  public static Money ofMinor(long minorUnits, Currency currency) {
    return new Money(minorUnits, currency);
  }

  /** Whole units: {@code ofMajor(100, RUB)} is 100.00 ₽, {@code ofMajor(50, XTR)} is 50 stars. */
  public static Money ofMajor(long units, Currency currency) {
    return new Money(Math.multiplyExact(units, BigDecimal.TEN.pow(currency.fractionDigits()).longValueExact()), currency);
  }

  /** Parses a decimal such as {@code "100.50"}; refuses excess scale, signs and garbage. */
  public static Money parse(String amount, Currency currency) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    String digits = amount.strip();
    if (!DECIMAL.matcher(digits).matches()) {
      throw new IllegalArgumentException("not an amount: " + amount);
    }
    BigDecimal value;
    try {
      value = new BigDecimal(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an amount: " + amount, e);
    }
    if (value.signum() < 0) {
      throw new IllegalArgumentException("money cannot be negative: " + amount);
    }
    if (value.stripTrailingZeros().scale() > currency.fractionDigits()) {
      throw new IllegalArgumentException(amount + " has more decimals than " + currency + " allows");
    }
    try {
      return new Money(value.movePointRight(currency.fractionDigits()).longValueExact(), currency);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount out of range: " + amount, e);
    }
  }

  /** The amount as a plain decimal with the currency's digits, e.g. {@code "100.50"} or {@code "50"}. */
  public String toDecimalString() {
    return BigDecimal.valueOf(minorUnits, currency.fractionDigits()).toPlainString();
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  public Money times(long factor) {
    if (factor < 0) {
      throw new IllegalArgumentException("factor cannot be negative, was " + factor);
    }
    return new Money(Math.multiplyExact(minorUnits, factor), currency);
  }

  public boolean isZero() {
    return minorUnits == 0;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minorUnits, other.minorUnits);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot combine " + currency + " and " + other.currency);
    }
  }

  @Override
  public String toString() {
    return toDecimalString() + " " + currency;
  }
}
