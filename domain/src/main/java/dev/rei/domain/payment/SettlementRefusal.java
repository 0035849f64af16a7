package dev.rei.domain.payment;

/** Why a notification changed nothing. */
public enum SettlementRefusal {
  UNKNOWN_PAYMENT(false, "no payment of ours has this id"),
  ALREADY_SETTLED(false, "the payment already succeeded; this is a duplicate"),
  ALREADY_CANCELED(false, "the payment is already canceled"),
  ALREADY_REFUNDED(false, "the payment was refunded"),
  STILL_PENDING(false, "the rail says the payment is not final yet"),
  CANCELED_AFTER_SUCCESS(true, "the rail reports a cancellation of a payment that already succeeded"),
  PAID_AFTER_CANCEL(true, "the rail reports a payment we had already canceled; credit it by hand if real"),
  RAIL_MISMATCH(true, "the notification came from another rail than the payment's"),
  PROVIDER_ID_MISMATCH(true, "the payment is bound to another provider payment id"),
  CURRENCY_MISMATCH(true, "the currency paid is not the currency asked"),
  AMOUNT_MISMATCH(true, "the amount paid is not the amount asked"),
  USER_MISMATCH(true, "the payer is not the user who started the payment");

  private final boolean alertsAdmins;
  private final String description;

  SettlementRefusal(boolean alertsAdmins, String description) {
    this.alertsAdmins = alertsAdmins;
    this.description = description;
  }

  /** Whether this is an anomaly someone should look at, rather than an ordinary duplicate. */
  public boolean alertsAdmins() {
    return alertsAdmins;
  }

  public String description() {
    return description;
  }
}
