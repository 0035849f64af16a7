package dev.rei.application.service.payment;

import dev.rei.application.port.in.payment.ReconcilePaymentsUseCase;
import dev.rei.application.port.in.payment.SettlePaymentUseCase;
import dev.rei.application.port.in.payment.SettleResult;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.service.Notifier;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Catches lost webhooks: pending payments older than {@code minAge} are read back from their rail
 * and settled; those the rail still shows unpaid after {@code pendingExpiry} are canceled.
 */
public final class ReconcilePaymentsService implements ReconcilePaymentsUseCase {

  private static final int BATCH = 100;

  private final UnitOfWork unitOfWork;
  private final PaymentStore payments;
  private final PaymentGateways gateways;
  private final SettlePaymentUseCase settle;
  private final Notifier notifier;
  private final Clock clock;
  private final Duration minAge;
  private final Duration pendingExpiry;

  public ReconcilePaymentsService(UnitOfWork unitOfWork, PaymentStore payments, PaymentGateways gateways,
      SettlePaymentUseCase settle, Notifier notifier, Clock clock, Duration minAge, Duration pendingExpiry) {
    this.unitOfWork = unitOfWork;
    this.payments = payments;
    this.gateways = gateways;
    this.settle = settle;
    this.notifier = notifier;
    this.clock = clock;
    this.minAge = minAge;
    this.pendingExpiry = pendingExpiry;
  }

  @Override
  public ReconcileReport reconcile() {
    int checked = 0;
    int settled = 0;
    int canceled = 0;
    int expired = 0;
    int unavailable = 0;
    for (Payment payment : payments.pendingCreatedBefore(clock.now().minus(minAge), BATCH)) {
      checked++;
      Optional<PaymentGateway> gateway = gateways.of(payment.rail());
      Optional<PaymentNotification> reported;
      try {
        reported = gateway.isEmpty() ? Optional.empty() : gateway.get().fetch(payment);
      } catch (PaymentGateway.GatewayUnavailableException e) {
        unavailable++;
        continue;
      }
      if (reported.isPresent()) {
        SettleResult result = settle.settle(reported.get());
        settled += result instanceof SettleResult.Settled ? 1 : 0;
        canceled += result instanceof SettleResult.Canceled ? 1 : 0;
        if (!(result instanceof SettleResult.Ignored)) {
          continue;
        }
      }
      if (!payment.createdAt().plus(pendingExpiry).isAfter(clock.now()) && expire(payment)) {
        expired++;
      }
    }
    return new ReconcileReport(checked, settled, canceled, expired, unavailable);
  }

  private boolean expire(Payment payment) {
    return unitOfWork.inTransaction(() -> {
      Optional<Payment> current = payments.lock(payment.id()).filter(p -> p.status() == PaymentStatus.PENDING);
      current.ifPresent(p -> {
        payments.update(p.cancel(clock.now()));
        notifier.tell(p.userId(), Notice.Type.PAYMENT_CANCELED, Map.of("paymentId", p.id().toString()));
      });
      return current.isPresent();
    });
  }
}
