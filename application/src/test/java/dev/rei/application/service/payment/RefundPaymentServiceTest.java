package dev.rei.application.service.payment;

import static dev.rei.application.service.payment.PaymentSteps.ALICE;
import static dev.rei.application.service.payment.PaymentSteps.WELCOME;
import static dev.rei.application.service.payment.PaymentSteps.paid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rei.application.fakes.FakePaymentGateway;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.AdminResult;
import dev.rei.application.port.in.payment.RefundPaymentCommand;
import dev.rei.application.port.out.AuditLog;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefundPaymentServiceTest {

  private static final UserId ADMIN = InMemoryCore.ADMIN;

  private final InMemoryCore core = new InMemoryCore();
  private final PaymentSteps given = new PaymentSteps(core);
  private RefundPaymentService refunds = refundsThrough(List.of(core.yookassa, core.stars));

  @BeforeEach
  void registerAlice() {
    given.register(ALICE);
  }

  @AfterEach
  void ledgerStaysSound() {
    assertThat(given.audit()).isEmpty();
  }

  private RefundPaymentService refundsThrough(Collection<? extends PaymentGateway> gateways) {
    return new RefundPaymentService(core.db, core.payments, core.ledger, new PaymentGateways(gateways), core.auditLog,
        core.notifier, core.admins, core.clock, core.ids);
  }

  private Payment settled(Rail rail, String code) {
    Payment payment = given.started(ALICE, rail, code);
    core.settle.settle(paid(payment));
    return given.current(payment);
  }

  private AdminResult refund(UserId admin, Payment payment) {
    return refunds.refund(new RefundPaymentCommand(admin, payment.id(), "charged twice by the bank"));
  }

  private static AdminResult refused(AdminRefusal reason) {
    return new AdminResult.Refused(reason);
  }

  private List<Transfer> reversalsOf(Payment payment) {
    return core.ledger.transfers().stream()
        .filter(t -> t.kind() == TransferKind.TOP_UP_REVERSAL && t.memo().referenceId().equals(payment.id().toString()))
        .toList();
  }

  @Test
  void givenSucceededPaymentWhoseCreditsAreUnspent_refund_returnsTheMoneyAndTakesTheCreditsBack() {
    Payment payment = settled(Rail.TELEGRAM_STARS, "stars-100");

    AdminResult result = refund(ADMIN, payment);

    assertThat(result).isInstanceOf(AdminResult.Done.class);
    assertThat(((AdminResult.Done) result).summary()).contains(payment.id().toString()).contains("110 credits taken back");
    assertThat(core.stars.refunds()).extracting(Payment::id).containsExactly(payment.id());
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME);
    assertThat(reversalsOf(payment)).hasSize(2).allSatisfy(t -> assertThat(t.category()).isEqualTo(HistoryCategory.TOP_UP));
    assertThat(core.auditLog.about(ALICE, 10)).singleElement().satisfies(entry -> {
      assertThat(entry.admin()).isEqualTo(ADMIN);
      assertThat(entry.action()).isEqualTo("refund_payment");
      assertThat(entry.reason()).isEqualTo("charged twice by the bank");
      assertThat(entry.details()).contains(payment.id().toString()).doesNotContain("NOT taken back");
      assertThat(entry.at()).isEqualTo(core.clock.now());
    });
    assertThat(given.messagesTo(ALICE)).filteredOn(m -> m.notice().type() == Notice.Type.PAYMENT_REFUNDED)
        .singleElement().satisfies(m -> assertThat(m.notice().values())
            .containsEntry("paymentId", payment.id().toString()).containsEntry("credits", "110"));
    assertThat(given.alerts()).isEmpty();
  }

  @Test
  void givenRefundedPayment_refundAgain_isRefusedAndReturnsNothingTwice() {
    Payment payment = settled(Rail.YOOKASSA, "rub-100");
    refund(ADMIN, payment);

    assertThat(refund(ADMIN, payment)).isEqualTo(refused(AdminRefusal.NOT_REFUNDABLE));
    assertThat(core.yookassa.refunds()).hasSize(1);
    assertThat(core.auditLog.about(ALICE, 10)).hasSize(1);
  }

  @Test
  void givenPendingOrCanceledPayment_refund_isRefusedAsNotRefundable() {
    Payment pending = given.startedRubles(ALICE, 100);
    Payment canceled = given.startedRubles(ALICE, 200);
    core.settle.settle(PaymentSteps.canceled(canceled));

    assertThat(refund(ADMIN, pending)).isEqualTo(refused(AdminRefusal.NOT_REFUNDABLE));
    assertThat(refund(ADMIN, given.current(canceled))).isEqualTo(refused(AdminRefusal.NOT_REFUNDABLE));
    assertThat(core.yookassa.refunds()).isEmpty();
  }

  @Test
  void givenUnknownPayment_refund_isRefused() {
    assertThat(refunds.refund(new RefundPaymentCommand(ADMIN, PaymentId.of(core.ids.newId()), "typo?")))
        .isEqualTo(refused(AdminRefusal.UNKNOWN_PAYMENT));
  }

  @Test
  void givenCreditsAlreadySpent_refund_isRefusedBeforeAnyMoneyMoves() {
    Payment payment = settled(Rail.YOOKASSA, "rub-100");
    given.spend(ALICE, 50);

    assertThat(refund(ADMIN, payment)).isEqualTo(refused(AdminRefusal.INSUFFICIENT_FUNDS));
    assertThat(core.yookassa.refunds()).isEmpty();
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(core.auditLog.about(ALICE, 10)).isEmpty();
  }

  @Test
  void givenRailDown_refund_isRefusedAndChangesNothing() {
    Payment payment = settled(Rail.YOOKASSA, "rub-100");
    core.yookassa.down();

    assertThat(refund(ADMIN, payment)).isEqualTo(refused(AdminRefusal.RAIL_UNAVAILABLE));
    assertThat(given.current(payment)).isEqualTo(payment);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 100);
    assertThat(core.auditLog.about(ALICE, 10)).isEmpty();
    assertThat(given.noticesTo(ALICE)).doesNotContain(Notice.Type.PAYMENT_REFUNDED);
  }

  @Test
  void givenRailNoLongerConfigured_refund_isRefusedAsUnavailable() {
    Payment payment = settled(Rail.YOOKASSA, "rub-100");
    refunds = refundsThrough(List.of(core.stars));

    assertThat(refund(ADMIN, payment)).isEqualTo(refused(AdminRefusal.RAIL_UNAVAILABLE));
    assertThat(given.current(payment)).isEqualTo(payment);
  }

  @Test
  void givenNonAdmin_refund_isRefusedBeforeAnythingElse() {
    Payment payment = settled(Rail.YOOKASSA, "rub-100");

    assertThat(refund(ALICE, payment)).isEqualTo(refused(AdminRefusal.NOT_AN_ADMIN));
    assertThat(refunds.refund(new RefundPaymentCommand(ALICE, PaymentId.of(core.ids.newId()), "x")))
        .isEqualTo(refused(AdminRefusal.NOT_AN_ADMIN));
    assertThat(core.yookassa.refunds()).isEmpty();
    assertThat(given.current(payment)).isEqualTo(payment);
  }

  @Test
  void givenCreditsSpentWhileTheRailRefunds_refund_standsAndAlertsAdminsThatTheCreditsStayed() {
    Payment payment = settled(Rail.TELEGRAM_STARS, "stars-100");
    refunds = refundsThrough(List.of(new SpendingWhileRefunding(core.stars, () -> given.spend(ALICE, 100))));

    AdminResult result = refund(ADMIN, payment);

    // The money is back with the payer, so the refund is recorded whatever the ledger says.
    assertThat(result).isInstanceOf(AdminResult.Done.class);
    assertThat(((AdminResult.Done) result).summary()).contains("NOT taken back");
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(core.stars.refunds()).hasSize(1);
    // 112 credits, 100 of them held: the 100 base credits cannot be taken back, the 10 bonus credits can.
    assertThat(reversalsOf(payment)).extracting(t -> t.amount().value()).containsExactly(10L);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 110 - 100 - 10);
    assertThat(given.alerts()).singleElement().satisfies(alert -> {
      assertThat(alert.value("alert")).isEqualTo("refund_credits_not_taken_back");
      assertThat(alert.value("paymentId")).isEqualTo(payment.id().toString());
      assertThat(alert.value("credits")).contains("100").contains("INSUFFICIENT_FUNDS");
    });
    assertThat(core.auditLog.about(ALICE, 10)).singleElement()
        .extracting(AuditLog.Entry::details).asString().contains("NOT taken back");
    assertThat(given.noticesTo(ALICE)).containsOnlyOnce(Notice.Type.PAYMENT_REFUNDED);
  }

  @Test
  void givenSecondAdminRefundingWhileTheRailRefundsTheFirst_refund_recordsItOnce() {
    Payment payment = settled(Rail.YOOKASSA, "rub-200");
    AtomicBoolean secondStarted = new AtomicBoolean();
    AtomicReference<AdminResult> second = new AtomicReference<>();
    refunds = refundsThrough(List.of(new SpendingWhileRefunding(core.yookassa, () -> {
      if (secondStarted.compareAndSet(false, true)) {
        second.set(refund(ADMIN, payment));
      }
    })));

    AdminResult first = refund(ADMIN, payment);

    // The second admin's refund ran entirely inside the first one's call to the rail, so it won.
    assertThat(second.get()).isInstanceOf(AdminResult.Done.class);
    assertThat(first).isEqualTo(refused(AdminRefusal.NOT_REFUNDABLE));
    assertThat(reversalsOf(payment)).hasSize(1);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME);
    assertThat(core.auditLog.about(ALICE, 10)).hasSize(1);
    assertThat(given.noticesTo(ALICE)).containsOnlyOnce(Notice.Type.PAYMENT_REFUNDED);
  }

  @Test
  void givenManyAdminsRefundingAtOnce_refund_recordsItOnce() throws Exception {
    Payment payment = settled(Rail.YOOKASSA, "rub-200");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<AdminResult>> futures = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      futures.add(pool.submit(() -> refund(ADMIN, payment)));
    }
    List<AdminResult> results = new ArrayList<>();
    for (Future<AdminResult> future : futures) {
      results.add(future.get());
    }
    pool.shutdown();

    assertThat(results).filteredOn(r -> r instanceof AdminResult.Done).hasSize(1);
    assertThat(results).filteredOn(r -> r instanceof AdminResult.Refused)
        .containsOnly(refused(AdminRefusal.NOT_REFUNDABLE));
    assertThat(reversalsOf(payment)).hasSize(1);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME);
    assertThat(core.auditLog.about(ALICE, 10)).hasSize(1);
  }

  @Test
  void givenRefundedPayment_itsReversal_showsInTheUsersHistoryAsATopUp() {
    Payment payment = settled(Rail.YOOKASSA, "rub-100");
    refund(ADMIN, payment);

    assertThat(core.ledger.history(ALICE, core.clock.now().minusSeconds(1),
        Set.of(HistoryCategory.TOP_UP), 0, 10)).extracting(Transfer::kind)
        .containsExactlyInAnyOrder(TransferKind.TOP_UP, TransferKind.TOP_UP_REVERSAL);
  }

  @Test
  void givenBlankOrOverlongReason_refundCommand_cannotBeBuilt() {
    PaymentId id = PaymentId.of(core.ids.newId());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RefundPaymentCommand(ADMIN, id, " "));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RefundPaymentCommand(ADMIN, id, "x".repeat(501)));
  }

  /** A rail whose refund takes long enough for something else to happen meanwhile. */
  private record SpendingWhileRefunding(FakePaymentGateway delegate, Runnable meanwhile) implements PaymentGateway {
    @Override
    public Rail rail() {
      return delegate.rail();
    }

    @Override
    public Checkout create(Payment payment) {
      return delegate.create(payment);
    }

    @Override
    public Optional<PaymentNotification> fetch(Payment payment) {
      return delegate.fetch(payment);
    }

    @Override
    public void refund(Payment payment) {
      delegate.refund(payment);
      meanwhile.run();
    }
  }
}
