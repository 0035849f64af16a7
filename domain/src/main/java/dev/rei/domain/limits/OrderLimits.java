package dev.rei.domain.limits;

import dev.rei.domain.ledger.Credits;
import java.util.Objects;

/**
 * How much one user may have going at once: at most {@code maxActiveOrders} unfinished orders (an
 * order of five Reels videos counts once), and at most {@code hourlySpendCap} credits ordered in
 * any rolling hour.
 */
public record OrderLimits(int maxActiveOrders, Credits hourlySpendCap) {

  public static final OrderLimits DEFAULT = new OrderLimits(3, Credits.of(1_000));

  public OrderLimits {
    Objects.requireNonNull(hourlySpendCap, "hourlySpendCap");
    if (maxActiveOrders < 1) {
      throw new IllegalArgumentException("max active orders must be at least 1, was " + maxActiveOrders);
    }
    if (!hourlySpendCap.isPositive()) {
      throw new IllegalArgumentException("the hourly spend cap must be at least one credit");
    }
  }

  /** Checks, in order: ban, active orders, hourly spend including this order. */
  public LimitDecision check(OrderFacts facts, Credits orderTotal) {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(orderTotal, "orderTotal");
    if (facts.banned()) {
      return LimitDecision.refused(LimitRefusal.BANNED);
    }
    if (facts.activeOrders() >= maxActiveOrders) {
      return LimitDecision.refused(LimitRefusal.TOO_MANY_ACTIVE_ORDERS);
    }
    if (facts.spentLastHour().plus(orderTotal).isGreaterThan(hourlySpendCap)) {
      return LimitDecision.refused(LimitRefusal.HOURLY_SPEND_CAP);
    }
    return LimitDecision.allowed();
  }
}
