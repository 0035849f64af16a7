package dev.rei.adapters.telegram.payment;

import dev.rei.application.port.out.PaymentGateway;

/**
 * Telegram refused to refund a Stars payment (the charge is unknown to it, say); unlike an outage
 * this will not pass by trying again, so the operator gets Telegram's reason.
 */
public final class StarsRefundRefusedException extends PaymentGateway.RefundRefusedException {

  public StarsRefundRefusedException(String reason) {
    super(reason);
  }
}
