package dev.rei.domain.limits;

/** Why a limit said no. */
public enum LimitRefusal {
  BANNED,
  TOO_MANY_ACTIVE_ORDERS,
  HOURLY_SPEND_CAP,
  /** Too many actions of one class in its window: a block starts now. */
  RATE_LIMITED,
  /** A block from earlier violations is still running. */
  BLOCKED
}
