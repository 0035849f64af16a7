package dev.rei.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.FakePaymentGateway;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.admin.AdjustBalanceCommand;
import dev.rei.application.port.in.admin.AdjustBalanceUseCase;
import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.ReconcileLedgerUseCase;
import dev.rei.application.port.in.outbox.DispatchOutboxUseCase.DispatchReport;
import dev.rei.application.port.in.payment.CheckPaymentUseCase.CheckResult;
import dev.rei.application.port.in.payment.ReconcilePaymentsUseCase.ReconcileReport;
import dev.rei.application.port.in.payment.SettleResult;
import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.port.out.MessageSender.SendOutcome;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentNotification.ReportedStatus;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.payment.SettlementRefusal;
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Top-ups, settlement, reconciliation, admin adjustments and outbox dispatch on in-memory fakes. */
class PaymentAdminOutboxServicesTest {

  private static final UserId ALICE = UserId.of(1001);

  private final InMemoryCore core = new InMemoryCore();

  @BeforeEach
  void registerAlice() {
    core.register.register(new RegisterUserCommand(ALICE, Language.RU));
  }

  private Payment startRubles(int rubles) {
    TopUpStart start = core.startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.YOOKASSA,
        new StartTopUpCommand.Choice.Package("rub-" + rubles)));
    return ((TopUpStart.Started) start).payment();
  }

  private static PaymentNotification paid(Payment payment, Money amount) {
    return new PaymentNotification(payment.rail(), payment.id(), FakePaymentGateway.providerIdOf(payment),
        ReportedStatus.SUCCEEDED, amount, Optional.of(payment.userId()));
  }

  private long available() {
    return core.balance.balance(ALICE).available().value();
  }

  @Nested
  class TopUpsAndSettlement {

    @Test
    void givenPackage_startTopUp_recordsAPendingPaymentBoundToTheRailWithAPayLink() {
      TopUpStart start = core.startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.YOOKASSA,
          new StartTopUpCommand.Choice.Package("rub-100")));

      TopUpStart.Started started = (TopUpStart.Started) start;
      assertThat(started.payment().status()).isEqualTo(PaymentStatus.PENDING);
      assertThat(started.payment().providerPaymentId()).isPresent();
      assertThat(started.checkout().payUrl()).contains("https://pay.test/" + started.payment().id());
      assertThat(core.payments.find(started.payment().id())).contains(started.payment());
    }

    @Test
    void givenBadChoices_startTopUp_refusesWithTheReason() {
      assertThat(core.startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.YOOKASSA,
          new StartTopUpCommand.Choice.Package("rub-999")))).isEqualTo(new TopUpStart.Refused(TopUpStart.Reason.UNKNOWN_PACKAGE));
      assertThat(core.startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.HELEKET,
          new StartTopUpCommand.Choice.Package("x")))).isEqualTo(new TopUpStart.Refused(TopUpStart.Reason.RAIL_NOT_OFFERED));
      assertThat(core.startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.TELEGRAM_STARS,
          new StartTopUpCommand.Choice.Custom(Credits.of(1_000_000)))))
          .isEqualTo(new TopUpStart.Refused(TopUpStart.Reason.ABOVE_MAXIMUM));
      assertThat(core.startTopUp.startTopUp(new StartTopUpCommand(UserId.of(5), Rail.YOOKASSA,
          new StartTopUpCommand.Choice.Package("rub-100")))).isEqualTo(new TopUpStart.Refused(TopUpStart.Reason.UNKNOWN_USER));
    }

    @Test
    void givenRailDown_startTopUp_refusesAndLeavesOnlyACanceledPayment() {
      core.yookassa.down();

      assertThat(core.startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.YOOKASSA,
          new StartTopUpCommand.Choice.Package("rub-100")))).isEqualTo(new TopUpStart.Refused(TopUpStart.Reason.RAIL_UNAVAILABLE));
      assertThat(core.payments.latestOf(ALICE, 5)).singleElement()
          .extracting(Payment::status).isEqualTo(PaymentStatus.CANCELED);
    }

    @Test
    void givenSuccessNotification_settle_creditsOnceAndTellsTheUser() {
      Payment payment = startRubles(100);

      SettleResult first = core.settle.settle(paid(payment, payment.amount()));
      SettleResult duplicate = core.settle.settle(paid(payment, payment.amount()));

      assertThat(first).isInstanceOf(SettleResult.Settled.class);
      assertThat(duplicate).isEqualTo(new SettleResult.Ignored(SettlementRefusal.ALREADY_SETTLED));
      assertThat(available()).isEqualTo(2 + 100);
      assertThat(core.outbox.all()).extracting(OutboxMessage::notice).extracting(Notice::type)
          .containsOnlyOnce(Notice.Type.PAYMENT_SUCCEEDED);
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenFiftyThreadsDeliveringTheSameSuccess_settle_creditsExactlyOnce() throws Exception {
      Payment payment = startRubles(200);
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<SettleResult>> results = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        results.add(pool.submit(() -> core.settle.settle(paid(payment, payment.amount()))));
      }
      int settled = 0;
      for (Future<SettleResult> result : results) {
        settled += result.get() instanceof SettleResult.Settled ? 1 : 0;
      }
      pool.shutdown();

      assertThat(settled).isEqualTo(1);
      assertThat(available()).isEqualTo(2 + 200);
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenUnderpaymentOrUnknownPayment_settle_creditsNothingAndMismatchAlertsAdmins() {
      Payment payment = startRubles(100);

      assertThat(core.settle.settle(paid(payment, Money.ofMajor(99, Currency.RUB))))
          .isEqualTo(new SettleResult.Ignored(SettlementRefusal.AMOUNT_MISMATCH));
      assertThat(core.outbox.all()).filteredOn(m -> m.chatId() == InMemoryCore.ADMIN.value())
          .extracting(m -> m.notice().value("reason")).containsExactly("AMOUNT_MISMATCH");
      Payment stranger = Payment.start(dev.rei.domain.payment.PaymentId.of(core.ids.newId()), Rail.YOOKASSA, ALICE,
          Money.ofMajor(100, Currency.RUB), payment.credits(), core.clock.now());
      assertThat(core.settle.settle(paid(stranger, stranger.amount())))
          .isEqualTo(new SettleResult.Ignored(SettlementRefusal.UNKNOWN_PAYMENT));
      assertThat(available()).isEqualTo(2);
    }

    @Test
    void givenCancelThenSuccess_settle_cancelsAndCreditsNothing() {
      Payment payment = startRubles(100);
      PaymentNotification canceled = new PaymentNotification(payment.rail(), payment.id(),
          FakePaymentGateway.providerIdOf(payment), ReportedStatus.CANCELED, payment.amount(), Optional.empty());

      assertThat(core.settle.settle(canceled)).isInstanceOf(SettleResult.Canceled.class);
      assertThat(core.settle.settle(paid(payment, payment.amount())))
          .isEqualTo(new SettleResult.Ignored(SettlementRefusal.PAID_AFTER_CANCEL));
      assertThat(available()).isEqualTo(2);
    }

    @Test
    void givenUsersCheckButton_checkPayment_readsTheRailAndSettles() {
      Payment payment = startRubles(300);
      assertThat(core.checkPayment.check(ALICE, payment.id())).isInstanceOf(CheckResult.StillPending.class);
      assertThat(core.checkPayment.check(UserId.of(2), payment.id()))
          .isEqualTo(new CheckResult.Refused(CheckResult.Reason.NOT_YOURS));
      core.yookassa.report(paid(payment, payment.amount()));

      CheckResult result = core.checkPayment.check(ALICE, payment.id());

      assertThat(result).isInstanceOf(CheckResult.Checked.class);
      assertThat(available()).isEqualTo(2 + 300);
    }

    @Test
    void givenLostWebhookAndAStalePayment_reconcile_settlesOneAndExpiresTheOther() {
      Payment lost = startRubles(100);
      Payment stale = startRubles(200);
      core.yookassa.report(paid(lost, lost.amount()));
      core.clock.advance(Duration.ofMinutes(5));

      ReconcileReport first = core.reconcilePayments.reconcile();
      core.clock.advance(Duration.ofHours(24));
      ReconcileReport second = core.reconcilePayments.reconcile();

      assertThat(first).isEqualTo(new ReconcileReport(2, 1, 0, 0, 0));
      assertThat(second).isEqualTo(new ReconcileReport(1, 0, 0, 1, 0));
      assertThat(core.payments.find(stale.id()).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELED);
      assertThat(available()).isEqualTo(2 + 100);
    }

    @Test
    void givenRailDown_reconcile_changesNothing() {
      startRubles(100);
      core.clock.advance(Duration.ofHours(25));
      core.yookassa.down();

      assertThat(core.reconcilePayments.reconcile()).isEqualTo(new ReconcileReport(1, 0, 0, 0, 1));
      assertThat(core.payments.latestOf(ALICE, 1).get(0).status()).isEqualTo(PaymentStatus.PENDING);
    }
  }

  @Nested
  class AdminActions {

    private AdjustBalanceUseCase.Result adjust(UserId admin, long credits, String key) {
      return core.adjust.adjust(new AdjustBalanceCommand(admin, ALICE, credits, "goodwill", IdempotencyKey.of(key)));
    }

    @Test
    void givenNonAdmin_everyAdminUseCase_isRefused() {
      assertThat(adjust(ALICE, 5, "a1")).isEqualTo(new AdjustBalanceUseCase.Result.Refused(AdminRefusal.NOT_AN_ADMIN));
      assertThat(core.reconcileLedger.reconcile(ALICE))
          .isEqualTo(new ReconcileLedgerUseCase.Result.Refused(AdminRefusal.NOT_AN_ADMIN));
      assertThat(available()).isEqualTo(2);
    }

    @Test
    void givenAdmin_adjust_movesCreditsAuditsAndShowsAsAdjustmentOnce() {
      AdjustBalanceUseCase.Result added = adjust(InMemoryCore.ADMIN, 5, "a1");
      AdjustBalanceUseCase.Result again = adjust(InMemoryCore.ADMIN, 5, "a1");
      AdjustBalanceUseCase.Result taken = adjust(InMemoryCore.ADMIN, -3, "a2");

      assertThat(((AdjustBalanceUseCase.Result.Adjusted) added).replayed()).isFalse();
      assertThat(((AdjustBalanceUseCase.Result.Adjusted) again).replayed()).isTrue();
      assertThat(taken).isInstanceOf(AdjustBalanceUseCase.Result.Adjusted.class);
      assertThat(available()).isEqualTo(2 + 5 - 3);
      assertThat(core.auditLog.about(ALICE, 10)).hasSize(2).allMatch(e -> e.reason().equals("goodwill"));
      assertThat(core.ledger.history(ALICE, core.clock.now().minusSeconds(1), java.util.Set.of(HistoryCategory.ADJUSTMENT),
          0, 10)).hasSize(2);
      assertThat(adjust(InMemoryCore.ADMIN, -100, "a3"))
          .isEqualTo(new AdjustBalanceUseCase.Result.Refused(AdminRefusal.INSUFFICIENT_FUNDS));
      assertThat(core.audit()).isEmpty();
    }

    @Test
    void givenSoundLedger_reconcile_reportsNothing() {
      startRubles(100);
      adjust(InMemoryCore.ADMIN, 5, "a1");

      assertThat(core.reconcileLedger.reconcile(InMemoryCore.ADMIN))
          .isEqualTo(new ReconcileLedgerUseCase.Result.Report(List.of()));
    }
  }

  @Nested
  class Dispatching {

    @Test
    void givenQueuedMessages_dispatch_sendsEachOnceAndRetriesOrDropsAsTheSenderSays() {
      core.register.register(new RegisterUserCommand(UserId.of(2), Language.RU));
      core.register.register(new RegisterUserCommand(UserId.of(3), Language.RU));
      core.sender.answering(message -> switch ((int) message.chatId()) {
        case 2 -> new SendOutcome.RetryLater(Duration.ofSeconds(30), "429");
        case 3 -> new SendOutcome.Undeliverable("bot blocked");
        default -> new SendOutcome.Sent();
      });

      assertThat(core.dispatch.dispatch(10)).isEqualTo(new DispatchReport(1, 1, 1));
      assertThat(core.dispatch.dispatch(10)).isEqualTo(new DispatchReport(0, 0, 0));
      core.clock.advance(Duration.ofSeconds(30));
      core.sender.answering(message -> new SendOutcome.Sent());

      assertThat(core.dispatch.dispatch(10)).isEqualTo(new DispatchReport(1, 0, 0));
      assertThat(core.sender.sent()).extracting(OutboxMessage::chatId).containsExactlyInAnyOrder(ALICE.value(), 2L);
      assertThat(core.outbox.countUnsent()).isZero();
    }

    @Test
    void givenSenderThatThrows_dispatch_keepsTheMessageForLater() {
      core.sender.answering(message -> {
        throw new IllegalStateException("network");
      });

      assertThat(core.dispatch.dispatch(10)).isEqualTo(new DispatchReport(0, 1, 0));
      assertThat(core.outbox.countUnsent()).isEqualTo(1);
    }
  }
}
