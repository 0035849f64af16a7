package dev.rei.domain.pricing;

import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Rail;
import java.util.Objects;
import java.util.regex.Pattern;

/** A fixed top-up on one rail: pay {@code price}, get {@code credits} plus {@code bonus} credits. */
public record TopUpPackage(String code, Rail rail, Money price, Credits credits, Credits bonus) {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  public TopUpPackage {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("package code must be 1-32 lower-case letters, digits, '_' or '-': " + code);
    }
    Objects.requireNonNull(rail, "rail");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(bonus, "bonus");
    if (!rail.accepts(price.currency())) {
      throw new IllegalArgumentException("package " + code + ": " + rail + " does not take " + price.currency());
    }
    if (price.isZero()) {
      throw new IllegalArgumentException("package " + code + " must cost something");
    }
    if (credits == null || !credits.isPositive()) {
      throw new IllegalArgumentException("package " + code + " must give at least one credit");
    }
  }

  public TopUpOffer offer() {
    return new TopUpOffer(rail, price, new CreditGrant(credits, bonus), java.util.Optional.of(code));
  }
}
