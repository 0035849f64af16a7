package dev.rei.domain.payment;

import dev.rei.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rail says about a payment, after the adapter verified it came from the rail (signature,
 * source address, or an authenticated re-read). It names our payment id as the rail echoed it
 * back, and the payer when the rail tells us (Telegram does; a gateway's metadata may).
 */
public record PaymentNotification(
    Rail rail,
    PaymentId paymentId,
    ProviderPaymentId providerPaymentId,
    ReportedStatus status,
    Money paid,
    Optional<UserId> payer) {

  public PaymentNotification {
    Objects.requireNonNull(rail, "rail");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(providerPaymentId, "providerPaymentId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(paid, "paid");
    Objects.requireNonNull(payer, "payer");
  }

  /** The payment's state as the rail reports it. */
  public enum ReportedStatus {
    /** Not paid yet, or waiting for confirmations. */
    PENDING,
    /** Paid in full and final. */
    SUCCEEDED,
    /** Canceled or expired at the rail. */
    CANCELED
  }
}
