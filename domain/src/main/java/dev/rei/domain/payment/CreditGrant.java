package dev.rei.domain.payment;

import dev.rei.domain.ledger.Credits;
import java.util.Objects;

/** The credits a payment buys: the package's credits plus its bonus credits. */
public record CreditGrant(Credits base, Credits bonus) {

  public CreditGrant {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(bonus, "bonus");
    if (!base.isPositive()) {
      throw new IllegalArgumentException("a payment buys at least one credit");
    }
  }

  public Credits total() {
    return base.plus(bonus);
  }
}
