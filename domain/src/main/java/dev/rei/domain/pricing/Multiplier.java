package dev.rei.domain.pricing;

import dev.rei.domain.ledger.Credits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** A price factor in hundredths (2 is 200), applied to credits and rounded up to a whole credit. */
public record Multiplier(int percent) {

  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,4}(\\.[0-9]{1,2})?");

  public static final Multiplier ONE = new Multiplier(100);

  public Multiplier {
    if (percent < 100 || percent > 100_000) {
      throw new IllegalArgumentException("multiplier must be between 1 and 1000, was " + percent / 100.0);
    }
  }

  /** Parses {@code "2"} or {@code "1.5"}: ASCII digits, at most two decimals, nothing else. */
  public static Multiplier parse(String text) {
    if (text == null || !DECIMAL.matcher(text.strip()).matches()) {
      throw new IllegalArgumentException("not a multiplier with at most two decimals: " + text);
    }
    try {
      return new Multiplier(new BigDecimal(text.strip()).movePointRight(2).intValueExact());
    } catch (ArithmeticException | NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("not a multiplier with at most two decimals: " + text, e);
    }
  }

  public Credits applyTo(Credits credits) {
    BigDecimal scaled = BigDecimal.valueOf(credits.value()).multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING);
    return Credits.of(scaled.longValueExact());
  }
}
