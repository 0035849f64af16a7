package dev.rei.application.service.payment;

import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.AdminResult;
import dev.rei.application.port.in.payment.RefundPaymentCommand;
import dev.rei.application.port.in.payment.RefundPaymentUseCase;
import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.Clock;
import dev.rei.application.port.out.IdGenerator;
import dev.rei.application.port.out.LedgerStore;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.application.port.out.PaymentStore;
import dev.rei.application.port.out.UnitOfWork;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refunds a succeeded payment for an admin: checks that the user still has its credits, has the
 * rail return the money (no transaction open), then in one transaction marks the payment refunded,
 * takes the credits back, audits and tells the user.
 *
 * <p>The rail's refund must be idempotent per payment (the adapters use the payment id as the
 * rail's idempotence key): two admins refunding at once both reach the rail, and only one of them
 * then finds the payment still succeeded.
 */
public final class RefundPaymentService implements RefundPaymentUseCase {

  private final UnitOfWork unitOfWork;
  private final PaymentStore payments;
  private final LedgerStore ledger;
  private final PaymentGateways gateways;
  private final AuditLog audit;
  private final Notifier notifier;
  private final Admins admins;
  private final Clock clock;
  private final IdGenerator ids;

  public RefundPaymentService(UnitOfWork unitOfWork, PaymentStore payments, LedgerStore ledger,
      PaymentGateways gateways, AuditLog audit, Notifier notifier, Admins admins, Clock clock,
      IdGenerator ids) {
    this.unitOfWork = unitOfWork;
    this.payments = payments;
    this.ledger = ledger;
    this.gateways = gateways;
    this.audit = audit;
    this.notifier = notifier;
    this.admins = admins;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public AdminResult refund(RefundPaymentCommand command) {
    if (!admins.isAdmin(command.admin())) {
      return refused(AdminRefusal.NOT_AN_ADMIN);
    }
    Optional<Payment> found = payments.find(command.payment());
    if (found.isEmpty()) {
      return refused(AdminRefusal.UNKNOWN_PAYMENT);
    }
    Payment payment = found.get();
    if (payment.status() != PaymentStatus.SUCCEEDED) {
      return refused(AdminRefusal.NOT_REFUNDABLE);
    }
    // Refunding money for credits already spent is the operator's call, made by hand: this
    // use case only returns money whose credits can still be taken back.
    if (!ledger.balanceOf(payment.userId()).available().isAtLeast(payment.credits().total())) {
      // Read after the balance: if another admin's refund took the credits back, this sees it too.
      boolean stillSucceeded = payments.find(command.payment()).map(p -> p.status() == PaymentStatus.SUCCEEDED)
          .orElse(false);
      return refused(stillSucceeded ? AdminRefusal.INSUFFICIENT_FUNDS : AdminRefusal.NOT_REFUNDABLE);
    }
    Optional<PaymentGateway> gateway = gateways.of(payment.rail());
    if (gateway.isEmpty()) {
      return refused(AdminRefusal.RAIL_UNAVAILABLE);
    }
    try {
      gateway.get().refund(payment);
    } catch (PaymentGateway.GatewayUnavailableException e) {
      return refused(AdminRefusal.RAIL_UNAVAILABLE);
    } catch (PaymentGateway.RefundRefusedException e) {
      // The rail said no: the operator needs its words to know what to do next (its dashboard, say).
      audit.record(new AuditLog.Entry(command.admin(), "refund_payment", payment.userId(),
          "payment " + payment.id() + " on " + payment.rail() + ": the rail refused: " + e.railReason(),
          command.reason(), clock.now()));
      return new AdminResult.Refused(AdminRefusal.RAIL_REFUSED, e.railReason());
    }
    return unitOfWork.inTransaction(() -> recordRefund(command));
  }

  /** Records a refund the rail has made: from here on the money is back with the payer, so nothing may undo it. */
  private AdminResult recordRefund(RefundPaymentCommand command) {
    Payment payment = payments.lock(command.payment()).orElseThrow();
    if (payment.status() != PaymentStatus.SUCCEEDED) {
      // Another admin's refund recorded it first; the rail's refund is idempotent per payment.
      return refused(AdminRefusal.NOT_REFUNDABLE);
    }
    Payment refunded = payment.refund(clock.now());
    payments.update(refunded);
    Credits takenBack = Credits.ZERO;
    List<String> notTakenBack = new ArrayList<>();
    for (TransferRequest.Post reversal : refunded.refundRequests()) {
      TransferResult result = ledger.apply(reversal, TransferId.of(ids.newId()), clock.now());
      if (result instanceof TransferResult.Refused refused) {
        // The user spent the credits between our check and now. The money is already returned,
        // so the refund stands (throwing would roll back a refund the rail has made); the
        // operator decides by hand what to do about the credits.
        notTakenBack.add(reversal.amount() + " (" + refused.reason() + ")");
      } else {
        takenBack = takenBack.plus(reversal.amount());
      }
    }
    String details = "payment " + refunded.id() + ", " + refunded.amount() + " on " + refunded.rail()
        + ", credits taken back: " + takenBack
        + (notTakenBack.isEmpty() ? "" : ", NOT taken back: " + String.join(", ", notTakenBack));
    audit.record(new AuditLog.Entry(command.admin(), "refund_payment", refunded.userId(), details, command.reason(),
        clock.now()));
    notifier.tell(refunded.userId(), Notice.Type.PAYMENT_REFUNDED, Map.of("paymentId", refunded.id().toString(),
        "amount", refunded.amount().toString(), "credits", takenBack.toString()));
    if (!notTakenBack.isEmpty()) {
      notifier.alertAdmins("refund_credits_not_taken_back", refunded.id().toString(), Map.of("paymentId", refunded.id().toString(),
          "user", refunded.userId().toString(), "credits", String.join(", ", notTakenBack)));
    }
    return new AdminResult.Done("refunded " + refunded.amount() + " of payment " + refunded.id() + " to user "
        + refunded.userId() + "; " + takenBack + " credits taken back"
        + (notTakenBack.isEmpty() ? "" : "; NOT taken back: " + String.join(", ", notTakenBack)));
  }

  private static AdminResult refused(AdminRefusal reason) {
    return new AdminResult.Refused(reason);
  }
}
