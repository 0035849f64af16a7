package dev.rei.domain.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The settle-once rule of DESIGN §2.3, as an ordered list of checks. A notification settles a
 * pending payment exactly once; anything else (unknown, duplicate, mismatching, late) changes
 * nothing and names why. The caller credits a {@link Settlement.Changed} payment that succeeded
 * in the same transaction that stores it.
 */
public final class SettlementRule {

  private SettlementRule() {}

  /**
   * @param payment our payment with the notification's payment id, or empty if there is none
   */
  public static Settlement decide(Optional<Payment> payment, PaymentNotification notification, Instant now) {
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(now, "now");
    if (payment.isEmpty()) {
      return refused(SettlementRefusal.UNKNOWN_PAYMENT);
    }
    Payment current = payment.get();
    if (!current.id().equals(notification.paymentId())) {
      throw new IllegalArgumentException("notification for " + notification.paymentId() + " applied to " + current.id());
    }
    if (current.rail() != notification.rail()) {
      return refused(SettlementRefusal.RAIL_MISMATCH);
    }
    if (current.providerPaymentId().isPresent()
        && !current.providerPaymentId().get().equals(notification.providerPaymentId())) {
      return refused(SettlementRefusal.PROVIDER_ID_MISMATCH);
    }
    if (notification.payer().isPresent() && !notification.payer().get().equals(current.userId())) {
      return refused(SettlementRefusal.USER_MISMATCH);
    }
    return switch (notification.status()) {
      case PENDING -> refused(current.status() == PaymentStatus.PENDING
          ? SettlementRefusal.STILL_PENDING
          : refusalForFinal(current.status()));
      case CANCELED -> switch (current.status()) {
        case PENDING -> new Settlement.Changed(current.cancel(now));
        case SUCCEEDED -> refused(SettlementRefusal.CANCELED_AFTER_SUCCESS);
        case CANCELED -> refused(SettlementRefusal.ALREADY_CANCELED);
        case REFUNDED -> refused(SettlementRefusal.ALREADY_REFUNDED);
      };
      case SUCCEEDED -> decideSuccess(current, notification, now);
    };
  }

  private static Settlement decideSuccess(Payment current, PaymentNotification notification, Instant now) {
    Money paid = notification.paid();
    if (!paid.currency().equals(current.amount().currency())) {
      return refused(SettlementRefusal.CURRENCY_MISMATCH);
    }
    int comparison = paid.compareTo(current.amount());
    if (comparison < 0 || (comparison > 0 && !current.rail().overpaymentPossible())) {
      return refused(SettlementRefusal.AMOUNT_MISMATCH);
    }
    return switch (current.status()) {
      case PENDING -> new Settlement.Changed(current.succeeded(notification.providerPaymentId(), now));
      case SUCCEEDED -> refused(SettlementRefusal.ALREADY_SETTLED);
      case CANCELED -> refused(SettlementRefusal.PAID_AFTER_CANCEL);
      case REFUNDED -> refused(SettlementRefusal.ALREADY_REFUNDED);
    };
  }

  private static SettlementRefusal refusalForFinal(PaymentStatus status) {
    return switch (status) {
      case SUCCEEDED -> SettlementRefusal.ALREADY_SETTLED;
      case CANCELED -> SettlementRefusal.ALREADY_CANCELED;
      case REFUNDED -> SettlementRefusal.ALREADY_REFUNDED;
      case PENDING -> throw new IllegalArgumentException("pending is not final");
    };
  }

  private static Settlement refused(SettlementRefusal reason) {
    return new Settlement.Refused(reason);
  }
}
