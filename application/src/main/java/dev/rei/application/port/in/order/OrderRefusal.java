package dev.rei.application.port.in.order;

/** Why an order was not placed; nothing was held or queued. */
public enum OrderRefusal {
  UNKNOWN_USER,
  BANNED,
  TOO_MANY_ACTIVE_ORDERS,
  HOURLY_SPEND_CAP,
  INSUFFICIENT_FUNDS,
  QUOTE_EXPIRED,
  /** The key already placed a different order (another user's, or other content). */
  KEY_USED_FOR_ANOTHER_ORDER
}
