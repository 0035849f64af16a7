package dev.rei.domain.payment;

import java.util.regex.Pattern;

/**
 * A currency code and how many minor-unit digits it has: {@code RUB} 2, {@code XTR} (Telegram
 * Stars) 0. Codes are 3 to 5 upper-case letters or digits, so crypto codes such as {@code USDT}
 * fit.
 */
public record Currency(String code, int fractionDigits) {

  // Declared before the constants below: static fields initialise in order, and they use it.
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{2,4}");

  public static final Currency RUB = new Currency("RUB", 2);
  public static final Currency USD = new Currency("USD", 2);
  public static final Currency XTR = new Currency("XTR", 0);
  public static final Currency USDT = new Currency("USDT", 2);

  public Currency {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("currency code must be 3-5 upper-case letters or digits: " + code);
    }
    if (fractionDigits < 0 || fractionDigits > 8) {
      throw new IllegalArgumentException("fraction digits must be 0..8, was " + fractionDigits);
    }
  }

  @Override
  public String toString() {
    return code;
  }
}
