package dev.rei.domain.pricing;

import dev.rei.domain.ledger.Credits;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A price factor in hundredths (2 is 200), applied to credits and rounded up to a whole credit. */
public record Multiplier(int percent) {

  public static final Multiplier ONE = new Multiplier(100);

  public Multiplier {
    if (percent < 100 || percent > 100_000) {
      throw new IllegalArgumentException("multiplier must be between 1 and 1000, was " + percent / 100.0);
    }
  }

  /** Parses {@code "2"} or {@code "1.5"}; at most two decimals. */
  public static Multiplier parse(String text) {
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
