package dev.rei.application.port.in.payment;

import dev.rei.domain.payment.PaymentNotification;

/**
 * Applies a verified notification from a rail: settles and credits a payment exactly once, or
 * changes nothing and says why.
 */
public interface SettlePaymentUseCase {

  SettleResult settle(PaymentNotification verified);
}
