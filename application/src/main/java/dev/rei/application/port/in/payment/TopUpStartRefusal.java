package dev.rei.application.port.in.payment;

/** Why no top-up was started; no money was asked for. */
public enum TopUpStartRefusal {
  UNKNOWN_USER,
  BANNED,
  UNKNOWN_PACKAGE,
  CUSTOM_AMOUNT_NOT_OFFERED,
  BELOW_MINIMUM,
  ABOVE_MAXIMUM,
  /** No gateway is configured for the rail. */
  RAIL_NOT_OFFERED,
  /** The rail did not answer; the pending payment was canceled. */
  RAIL_UNAVAILABLE
}
