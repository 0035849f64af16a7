package dev.rei.application.service.payment;

import dev.rei.application.port.in.payment.CheckPaymentCommand;
import dev.rei.application.port.in.payment.CheckPaymentRefusal;
import dev.rei.application.port.in.payment.CheckPaymentResult;
import dev.rei.application.port.in.payment.CheckPaymentUseCase;
import dev.rei.application.port.in.payment.SettlePaymentUseCase;
import dev.rei.application.port.in.payment.SettleResult;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.SettlementRefusal;
import java.util.Optional;

/**
 * Reads a payment back from its rail on its payer's request (no transaction open while the rail
 * answers) and settles what the rail says, exactly as a notification would.
 */
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
  public CheckPaymentResult check(CheckPaymentCommand command) {
    Optional<Payment> found = payments.find(command.payment());
    if (found.isEmpty()) {
      return refused(CheckPaymentRefusal.UNKNOWN_PAYMENT);
    }
    Payment payment = found.get();
    if (!payment.userId().equals(command.requester())) {
      return refused(CheckPaymentRefusal.NOT_YOURS);
    }
    if (payment.status() != PaymentStatus.PENDING) {
      return new CheckPaymentResult.AlreadyFinal(payment);
    }
    Optional<PaymentGateway> gateway = gateways.of(payment.rail());
    if (gateway.isEmpty()) {
      return refused(CheckPaymentRefusal.RAIL_UNAVAILABLE);
    }
    Optional<PaymentNotification> reported;
    try {
      reported = gateway.get().fetch(payment);
    } catch (PaymentGateway.GatewayUnavailableException e) {
      return refused(CheckPaymentRefusal.RAIL_UNAVAILABLE);
    }
    if (reported.isEmpty()) {
      return new CheckPaymentResult.StillPending(payment);
    }
    SettleResult result = settle.settle(reported.get());
    Payment now = payments.find(payment.id()).orElseThrow();
    if (result instanceof SettleResult.Ignored ignored && ignored.reason() == SettlementRefusal.STILL_PENDING) {
      return new CheckPaymentResult.StillPending(now);
    }
    return new CheckPaymentResult.Checked(result, now);
  }

  private static CheckPaymentResult refused(CheckPaymentRefusal reason) {
    return new CheckPaymentResult.Refused(reason);
  }
}
