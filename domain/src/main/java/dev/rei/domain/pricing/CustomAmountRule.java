package dev.rei.domain.pricing;

import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Rail;
import java.util.Objects;
import java.util.Optional;

/**
 * How a user buys a number of credits of their own choosing on one rail: between {@code min} and
 * {@code max} credits at {@code pricePerCredit} each, no bonus. The user names credits, not money,
 * so no rounding ever takes a kopeck or a credit from anyone.
 */
public record CustomAmountRule(Rail rail, Money pricePerCredit, Credits min, Credits max) {

  public CustomAmountRule {
    Objects.requireNonNull(rail, "rail");
    Objects.requireNonNull(pricePerCredit, "pricePerCredit");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (!rail.accepts(pricePerCredit.currency())) {
      throw new IllegalArgumentException(rail + " does not take " + pricePerCredit.currency());
    }
    if (pricePerCredit.isZero()) {
      throw new IllegalArgumentException("a credit must cost something");
    }
    if (!min.isPositive() || min.isGreaterThan(max)) {
      throw new IllegalArgumentException("custom amount bounds must satisfy 1 ≤ min ≤ max, were " + min + ".." + max);
    }
  }

  public TopUpResult offer(Credits wanted) {
    Objects.requireNonNull(wanted, "wanted");
    if (!wanted.isAtLeast(min)) {
      return new TopUpResult.Refused(TopUpRefusal.BELOW_MINIMUM);
    }
    if (wanted.isGreaterThan(max)) {
      return new TopUpResult.Refused(TopUpRefusal.ABOVE_MAXIMUM);
    }
    return new TopUpResult.Offered(new TopUpOffer(rail, pricePerCredit.times(wanted.value()),
        new CreditGrant(wanted, Credits.ZERO), Optional.empty()));
  }
}
