package dev.rei.application.service.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.FakePaymentGateway;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.TopUpChoice;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.ledger.LedgerViolation;
import dev.rei.domain.ledger.ReferenceType;
import dev.rei.domain.ledger.SystemAccount;
import dev.rei.domain.ledger.TransferId;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.ledger.TransferMemo;
import dev.rei.domain.ledger.TransferRequest;
import dev.rei.domain.ledger.TransferResult;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentNotification.ReportedStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Steps the payment tests share, through the use cases and fakes of one {@link InMemoryCore}. */
final class PaymentSteps {

  static final UserId ALICE = UserId.of(1001);
  static final UserId BOB = UserId.of(1002);
  static final long WELCOME = 2;

  private final InMemoryCore core;

  PaymentSteps(InMemoryCore core) {
    this.core = core;
  }

  void register(UserId user) {
    core.register.register(new RegisterUserCommand(user, Language.RU));
  }

  /** A pending payment for package {@code code} (rub-100…rub-300 on YooKassa, stars-100… on Stars). */
  Payment started(UserId user, Rail rail, String code) {
    TopUpStart start = core.startTopUp.startTopUp(new StartTopUpCommand(user, rail, new TopUpChoice.Package(code)));
    assertThat(start).isInstanceOf(TopUpStart.Started.class);
    return ((TopUpStart.Started) start).payment();
  }

  Payment startedRubles(UserId user, int rubles) {
    return started(user, Rail.YOOKASSA, "rub-" + rubles);
  }

  Payment current(Payment payment) {
    return core.payments.find(payment.id()).orElseThrow();
  }

  static PaymentNotification paid(Payment payment) {
    return paid(payment, payment.amount());
  }

  static PaymentNotification paid(Payment payment, Money amount) {
    return report(payment, ReportedStatus.SUCCEEDED, amount);
  }

  static PaymentNotification canceled(Payment payment) {
    return report(payment, ReportedStatus.CANCELED, payment.amount());
  }

  static PaymentNotification stillPending(Payment payment) {
    return report(payment, ReportedStatus.PENDING, payment.amount());
  }

  private static PaymentNotification report(Payment payment, ReportedStatus status, Money amount) {
    return new PaymentNotification(payment.rail(), payment.id(), FakePaymentGateway.providerIdOf(payment), status,
        amount, Optional.of(payment.userId()));
  }

  long available(UserId user) {
    return core.balance.balance(user).available().value();
  }

  /** Holds {@code credits} of the user's as an order would, so they can no longer be taken back. */
  void spend(UserId user, long credits) {
    TransferResult result = core.ledger.apply(new TransferRequest.Hold(IdempotencyKey.of("test-spend", core.ids.newId()),
        dev.rei.domain.ledger.AccountId.user(user), SystemAccount.REVENUE, Credits.of(credits), TransferKind.SPEND,
        TransferMemo.of(ReferenceType.JOB, "test"), Optional.<Instant>empty()), TransferId.of(core.ids.newId()),
        core.clock.now());
    assertThat(result).isInstanceOf(TransferResult.Recorded.class);
  }

  List<OutboxMessage> messagesTo(UserId user) {
    return core.outbox.all().stream().filter(m -> m.chatId() == user.value()).toList();
  }

  List<Notice.Type> noticesTo(UserId user) {
    return messagesTo(user).stream().map(m -> m.notice().type()).toList();
  }

  /** The admin alerts written to the outbox so far, oldest first. */
  List<Notice> alerts() {
    return messagesTo(InMemoryCore.ADMIN).stream().map(OutboxMessage::notice)
        .filter(n -> n.type() == Notice.Type.ADMIN_ALERT).toList();
  }

  List<LedgerViolation> audit() {
    return core.audit();
  }

  /**
   * Fails if the calling thread is inside a transaction: another thread's transaction must be
   * able to run now. The in-memory database runs one transaction at a time, so it would wait for
   * ours to end and time out.
   */
  void assertNoTransactionOpen() {
    CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> core.db.inTransaction(() -> true));
    try {
      assertThat(other.get(10, TimeUnit.SECONDS)).isTrue();
    } catch (TimeoutException e) {
      throw new AssertionError("a transaction is open while the rail is called");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
