package dev.rei.application.service.payment;

import static dev.rei.application.service.payment.PaymentSteps.ALICE;
import static dev.rei.application.service.payment.PaymentSteps.WELCOME;
import static dev.rei.application.service.payment.PaymentSteps.canceled;
import static dev.rei.application.service.payment.PaymentSteps.paid;
import static dev.rei.application.service.payment.PaymentSteps.stillPending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.payment.ReconcilePaymentsUseCase.ReconcileReport;
import dev.rei.application.port.out.Notice;
import dev.rei.application.port.out.PaymentGateway;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.Rail;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconcilePaymentsServiceTest {

  private final InMemoryCore core = new InMemoryCore();
  private final PaymentSteps given = new PaymentSteps(core);

  @BeforeEach
  void registerAlice() {
    given.register(ALICE);
  }

  @AfterEach
  void ledgerStaysSound() {
    assertThat(given.audit()).isEmpty();
  }

  private ReconcileReport reconcile() {
    return core.reconcilePayments.reconcile();
  }

  @Test
  void givenLostWebhook_reconcile_settlesThePaymentTheRailSaysIsPaid() {
    Payment lost = given.startedRubles(ALICE, 100);
    core.yookassa.report(paid(lost));
    core.clock.advance(Duration.ofMinutes(5));

    assertThat(reconcile()).isEqualTo(new ReconcileReport(1, 1, 0, 0, 0));
    assertThat(given.current(lost).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 100);
    assertThat(given.noticesTo(ALICE)).containsOnlyOnce(Notice.Type.PAYMENT_SUCCEEDED);
    assertThat(reconcile()).isEqualTo(new ReconcileReport(0, 0, 0, 0, 0));
  }

  @Test
  void givenPaymentYoungerThanTheMinimumAge_reconcile_leavesItToItsWebhook() {
    Payment young = given.startedRubles(ALICE, 100);
    core.yookassa.report(paid(young));
    core.clock.advance(Duration.ofMinutes(1));

    assertThat(reconcile()).isEqualTo(new ReconcileReport(0, 0, 0, 0, 0));
    assertThat(given.current(young).status()).isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  void givenCancellationTheWebhookLost_reconcile_cancelsThePayment() {
    Payment payment = given.startedRubles(ALICE, 100);
    core.yookassa.report(canceled(payment));
    core.clock.advance(Duration.ofMinutes(5));

    assertThat(reconcile()).isEqualTo(new ReconcileReport(1, 0, 1, 0, 0));
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.CANCELED);
  }

  @Test
  void givenPaymentUnpaidForADay_reconcile_expiresItAndTellsTheUser() {
    Payment stale = given.startedRubles(ALICE, 200);
    core.clock.advance(Duration.ofHours(23));

    assertThat(reconcile()).isEqualTo(new ReconcileReport(1, 0, 0, 0, 0));
    assertThat(given.current(stale).status()).isEqualTo(PaymentStatus.PENDING);
    core.clock.advance(Duration.ofHours(1));

    assertThat(reconcile()).isEqualTo(new ReconcileReport(1, 0, 0, 1, 0));
    assertThat(given.current(stale).status()).isEqualTo(PaymentStatus.CANCELED);
    assertThat(given.noticesTo(ALICE)).containsOnlyOnce(Notice.Type.PAYMENT_CANCELED);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME);
  }

  @Test
  void givenRailStillSayingPendingAfterADay_reconcile_expiresThePayment() {
    Payment stale = given.startedRubles(ALICE, 200);
    core.yookassa.report(stillPending(stale));
    core.clock.advance(Duration.ofHours(25));

    assertThat(reconcile()).isEqualTo(new ReconcileReport(1, 0, 0, 1, 0));
    assertThat(given.current(stale).status()).isEqualTo(PaymentStatus.CANCELED);
  }

  @Test
  void givenMismatchingReportAfterADay_reconcile_alertsAdminsAndExpiresThePayment() {
    Payment stale = given.startedRubles(ALICE, 200);
    core.yookassa.report(paid(stale, Money.ofMajor(2, Currency.RUB)));
    core.clock.advance(Duration.ofHours(25));

    assertThat(reconcile()).isEqualTo(new ReconcileReport(1, 0, 0, 1, 0));
    assertThat(given.alerts()).extracting(alert -> alert.value("reason")).containsExactly("AMOUNT_MISMATCH");
    assertThat(given.available(ALICE)).isEqualTo(WELCOME);
  }

  @Test
  void givenLostWebhookAndAStalePayment_reconcile_settlesOneAndExpiresTheOther() {
    Payment lost = given.startedRubles(ALICE, 100);
    Payment stale = given.startedRubles(ALICE, 200);
    core.yookassa.report(paid(lost));
    core.clock.advance(Duration.ofMinutes(5));

    ReconcileReport first = reconcile();
    core.clock.advance(Duration.ofHours(24));
    ReconcileReport second = reconcile();

    assertThat(first).isEqualTo(new ReconcileReport(2, 1, 0, 0, 0));
    assertThat(second).isEqualTo(new ReconcileReport(1, 0, 0, 1, 0));
    assertThat(given.current(lost).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(given.current(stale).status()).isEqualTo(PaymentStatus.CANCELED);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 100);
  }

  @Test
  void givenRailDown_reconcile_changesNothingEvenForStalePayments() {
    Payment stale = given.startedRubles(ALICE, 100);
    core.clock.advance(Duration.ofHours(25));
    core.yookassa.down();

    assertThat(reconcile()).isEqualTo(new ReconcileReport(1, 0, 0, 0, 1));
    assertThat(given.current(stale)).isEqualTo(stale);
    assertThat(given.noticesTo(ALICE)).doesNotContain(Notice.Type.PAYMENT_CANCELED);
  }

  @Test
  void givenRailNoLongerConfigured_reconcile_countsItUnavailableAndExpiresNothing() {
    Payment heleket = Payment.start(PaymentId.of(core.ids.newId()), Rail.HELEKET, ALICE,
        Money.ofMajor(10, Currency.USDT), new CreditGrant(Credits.of(900), Credits.ZERO), core.clock.now());
    core.payments.insert(heleket);
    core.clock.advance(Duration.ofHours(25));

    assertThat(reconcile()).isEqualTo(new ReconcileReport(1, 0, 0, 0, 1));
    assertThat(given.current(heleket).status()).isEqualTo(PaymentStatus.PENDING);
  }

  @Test
  void givenMorePaymentsThanTheBatch_reconcile_checksTheOldestBatchPerPass() {
    ReconcilePaymentsService reconcile = new ReconcilePaymentsService(core.db, core.payments,
        new PaymentGateways(List.of(core.yookassa, core.stars)), core.settle, core.notifier, core.clock,
        Duration.ofMinutes(2), Duration.ofHours(24), 2);
    Payment oldest = given.startedRubles(ALICE, 100);
    core.clock.advance(Duration.ofSeconds(1));
    Payment middle = given.startedRubles(ALICE, 200);
    core.clock.advance(Duration.ofSeconds(1));
    Payment newest = given.startedRubles(ALICE, 300);
    List.of(oldest, middle, newest).forEach(p -> core.yookassa.report(paid(p)));
    core.clock.advance(Duration.ofMinutes(5));

    assertThat(reconcile.reconcile()).isEqualTo(new ReconcileReport(2, 2, 0, 0, 0));
    assertThat(given.current(newest).status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(reconcile.reconcile()).isEqualTo(new ReconcileReport(1, 1, 0, 0, 0));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 600);
  }

  @Test
  void givenWebhookSettlingItWhileTheRailIsAsked_reconcile_doesNotExpireThePayment() {
    Payment payment = given.startedRubles(ALICE, 100);
    core.clock.advance(Duration.ofHours(25));
    // The webhook lands between the rail's "unknown" answer and the expiry.
    ReconcilePaymentsService reconcile = new ReconcilePaymentsService(core.db, core.payments,
        new PaymentGateways(List.of(new RacingGateway(core, paid(payment)))), core.settle, core.notifier,
        core.clock, Duration.ofMinutes(2), Duration.ofHours(24));

    assertThat(reconcile.reconcile()).isEqualTo(new ReconcileReport(1, 0, 0, 0, 0));
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 100);
  }

  /** A YooKassa that knows nothing of the payment, while its webhook settles it meanwhile. */
  private static final class RacingGateway implements PaymentGateway {
    private final InMemoryCore core;
    private final PaymentNotification webhook;

    RacingGateway(InMemoryCore core, PaymentNotification webhook) {
      this.core = core;
      this.webhook = webhook;
    }

    @Override
    public Rail rail() {
      return Rail.YOOKASSA;
    }

    @Override
    public Checkout create(Payment payment) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<PaymentNotification> fetch(Payment payment) {
      core.settle.settle(webhook);
      return Optional.empty();
    }

    @Override
    public void refund(Payment payment) {
      throw new UnsupportedOperationException();
    }
  }
}
