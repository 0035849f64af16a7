package dev.rei.domain.limits;

import dev.rei.domain.ledger.Credits;
import java.util.Objects;

/**
 * What {@link OrderLimits} look at, read in the ordering transaction: whether the user is banned,
 * how many of their orders still have an unfinished job, and the credits of the orders they
 * placed in the last hour, less what was returned to them.
 */
public record OrderFacts(boolean banned, int activeOrders, Credits spentLastHour) {

  public OrderFacts {
    Objects.requireNonNull(spentLastHour, "spentLastHour");
    if (activeOrders < 0) {
      throw new IllegalArgumentException("active orders cannot be negative");
    }
  }
}
