package dev.rei.application.port.in.payment;

/** Why a payment was not checked; nothing changed. */
public enum CheckPaymentRefusal {
  UNKNOWN_PAYMENT,
  /** The payment belongs to another user. */
  NOT_YOURS,
  /** The rail did not answer, or no gateway is configured for it any more. */
  RAIL_UNAVAILABLE
}
