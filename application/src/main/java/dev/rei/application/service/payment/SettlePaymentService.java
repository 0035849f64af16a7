package dev.rei.application.service.payment;

import dev.rei.application.port.in.payment.SettlePaymentUseCase;
import dev.rei.application.port.in.payment.SettleResult;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.service.Notifier;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Settlement;
import dev.rei.domain.payment.SettlementRule;
import java.util.Map;

/**
 * Settles payments under the payment's row lock: the status change, the credits and the user's
 * message are one transaction, and the credits are keyed by the payment id, so however many times
 * a notification arrives, and in whatever order, a payment is credited once.
 */
public final class SettlePaymentService implements SettlePaymentUseCase {

  private final UnitOfWork unitOfWork;
  private final PaymentStore payments;
  private final LedgerStore ledger;
  private final Notifier notifier;
  private final Clock clock;
  private final IdGenerator ids;

  public SettlePaymentService(UnitOfWork unitOfWork, PaymentStore payments, LedgerStore ledger, Notifier notifier,
      Clock clock, IdGenerator ids) {
    this.unitOfWork = unitOfWork;
    this.payments = payments;
    this.ledger = ledger;
    this.notifier = notifier;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public SettleResult settle(PaymentNotification verified) {
    return unitOfWork.inTransaction(() -> {
      Settlement settlement = SettlementRule.decide(payments.lock(verified.paymentId()), verified, clock.now());
      if (settlement instanceof Settlement.Refused refused) {
        if (refused.reason().alertsAdmins()) {
          notifier.alertAdmins("payment_anomaly", verified.paymentId() + ":" + refused.reason(), Map.of("reason", refused.reason().name(),
              "paymentId", verified.paymentId().toString(), "rail", verified.rail().name()));
        }
        return new SettleResult.Ignored(refused.reason());
      }
      Payment changed = ((Settlement.Changed) settlement).payment();
      payments.update(changed);
      if (changed.status() == PaymentStatus.CANCELED) {
        notifier.tell(changed.userId(), Notice.Type.PAYMENT_CANCELED, Map.of("paymentId", changed.id().toString()));
        return new SettleResult.Canceled(changed);
      }
      credit(changed);
      // The balance read in the same transaction, so the message says what the user now has.
      notifier.tell(changed.userId(), Notice.Type.PAYMENT_SUCCEEDED, Map.of("paymentId", changed.id().toString(),
          "credits", changed.credits().total().toString(),
          "balance", ledger.balanceOf(changed.userId()).available().toString()));
      return new SettleResult.Settled(changed);
    });
  }

  private void credit(Payment succeeded) {
    for (TransferRequest.Post credit : succeeded.creditRequests()) {
      TransferResult result = ledger.apply(credit, TransferId.of(ids.newId()), clock.now());
      if (result instanceof TransferResult.Refused refused) {
        // Crediting from system accounts cannot be refused in a sound ledger; rolling back keeps
        // the payment pending, so the next notification or the reconciler tries again.
        throw new IllegalStateException("crediting payment " + succeeded.id() + " refused: " + refused.reason());
      }
    }
  }
}
