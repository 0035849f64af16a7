package dev.rei.application.service.payment;

import dev.rei.application.port.in.payment.CheckPaymentUseCase;
import dev.rei.application.port.in.payment.SettlePaymentUseCase;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.user.UserId;
import java.util.Optional;

/** Reads a payment back from its rail on the user's request and settles what the rail says. */
public final class CheckPaymentService implements CheckPaymentUseCase {

  private final PaymentStore payments;
  private final PaymentGateways gateways;
  private final SettlePaymentUseCase settle;

  public CheckPaymentService(PaymentStore payments, PaymentGateways gateways, SettlePaymentUseCase settle) {
    this.payments = payments;
    this.gateways = gateways;
    this.settle = settle;
  }

  @Override
  public CheckResult check(UserId requester, PaymentId paymentId) {
    Optional<Payment> payment = payments.find(paymentId);
    if (payment.isEmpty()) {
      return new CheckResult.Refused(CheckResult.Reason.UNKNOWN_PAYMENT);
    }
    if (!payment.get().userId().equals(requester)) {
      return new CheckResult.Refused(CheckResult.Reason.NOT_YOURS);
    }
    Optional<PaymentGateway> gateway = gateways.of(payment.get().rail());
    if (gateway.isEmpty()) {
      return new CheckResult.Refused(CheckResult.Reason.RAIL_UNAVAILABLE);
    }
    Optional<PaymentNotification> reported;
    try {
      reported = gateway.get().fetch(payment.get());
    } catch (PaymentGateway.GatewayUnavailableException e) {
      return new CheckResult.Refused(CheckResult.Reason.RAIL_UNAVAILABLE);
    }
    return reported.<CheckResult>map(n -> new CheckResult.Checked(settle.settle(n)))
        .orElseGet(CheckResult.StillPending::new);
  }
}
