package dev.rei.application.service.payment;

import static dev.rei.application.service.payment.PaymentSteps.ALICE;
import static dev.rei.application.service.payment.PaymentSteps.BOB;
import static dev.rei.application.service.payment.PaymentSteps.WELCOME;
import static dev.rei.application.service.payment.PaymentSteps.canceled;
import static dev.rei.application.service.payment.PaymentSteps.paid;
import static dev.rei.application.service.payment.PaymentSteps.stillPending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.rei.application.fakes.FakePaymentGateway;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.payment.SettleResult;
import dev.rei.application.port.out.Notice;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.HistoryCategory;
import dev.rei.domain.ledger.Transfer;
import dev.rei.domain.ledger.TransferKind;
import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentNotification.ReportedStatus;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.payment.SettlementRefusal;
import dev.rei.domain.user.UserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettlePaymentServiceTest {

  private final InMemoryCore core = new InMemoryCore();
  private final PaymentSteps given = new PaymentSteps(core);

  @BeforeEach
  void registerUsers() {
    given.register(ALICE);
    given.register(BOB);
  }

  @AfterEach
  void ledgerStaysSound() {
    assertThat(given.audit()).isEmpty();
  }

  private SettleResult settle(PaymentNotification notification) {
    return core.settle.settle(notification);
  }

  private static SettleResult ignored(SettlementRefusal reason) {
    return new SettleResult.Ignored(reason);
  }

  private List<Transfer> creditsOf(Payment payment) {
    return core.ledger.transfers().stream()
        .filter(t -> t.memo().referenceId().equals(payment.id().toString()))
        .toList();
  }

  @Test
  void givenSuccess_settle_marksThePaymentSucceededCreditsItAndTellsTheUser() {
    Payment payment = given.startedRubles(ALICE, 100);

    SettleResult result = settle(paid(payment));

    Payment settled = given.current(payment);
    assertThat(result).isEqualTo(new SettleResult.Settled(settled));
    assertThat(settled.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(settled.settledAt()).contains(core.clock.now());
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 100);
    assertThat(creditsOf(payment)).singleElement().satisfies(t -> {
      assertThat(t.kind()).isEqualTo(TransferKind.TOP_UP);
      assertThat(t.key().value()).isEqualTo("payment:" + payment.id());
      assertThat(t.category()).isEqualTo(HistoryCategory.TOP_UP);
    });
    assertThat(given.messagesTo(ALICE)).filteredOn(m -> m.notice().type() == Notice.Type.PAYMENT_SUCCEEDED)
        .singleElement().satisfies(m -> assertThat(m.notice().values())
            .isEqualTo(Map.of("paymentId", payment.id().toString(), "credits", "100",
                "balance", Long.toString(WELCOME + 100))));
  }

  @Test
  void givenPackageWithBonus_settle_creditsTheBaseAsTopUpAndTheBonusAsBonus() {
    Payment payment = given.started(ALICE, Rail.TELEGRAM_STARS, "stars-100");

    settle(paid(payment));

    assertThat(creditsOf(payment)).extracting(Transfer::kind, Transfer::amount)
        .containsExactlyInAnyOrder(tuple(TransferKind.TOP_UP, Credits.of(100)),
            tuple(TransferKind.BONUS, Credits.of(10)));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 110);
    assertThat(given.messagesTo(ALICE)).filteredOn(m -> m.notice().type() == Notice.Type.PAYMENT_SUCCEEDED)
        .singleElement().satisfies(m -> assertThat(m.notice().value("credits")).isEqualTo("110"));
  }

  @Test
  void givenTheSameSuccessTwice_settle_creditsOnceAndIgnoresTheDuplicate() {
    Payment payment = given.startedRubles(ALICE, 100);

    settle(paid(payment));
    SettleResult duplicate = settle(paid(payment));

    assertThat(duplicate).isEqualTo(ignored(SettlementRefusal.ALREADY_SETTLED));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 100);
    assertThat(given.noticesTo(ALICE)).containsOnlyOnce(Notice.Type.PAYMENT_SUCCEEDED);
    assertThat(given.alerts()).isEmpty();
  }

  @Test
  void givenFiftyThreadsDeliveringTheSameSuccess_settle_creditsExactlyOnce() throws Exception {
    Payment payment = given.startedRubles(ALICE, 200);

    List<SettleResult> results = concurrently(50, () -> settle(paid(payment)));

    assertThat(results).filteredOn(r -> r instanceof SettleResult.Settled).hasSize(1);
    assertThat(results).filteredOn(r -> r instanceof SettleResult.Ignored)
        .containsOnly(ignored(SettlementRefusal.ALREADY_SETTLED)).hasSize(49);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 200);
    assertThat(creditsOf(payment)).hasSize(1);
    assertThat(given.noticesTo(ALICE)).containsOnlyOnce(Notice.Type.PAYMENT_SUCCEEDED);
  }

  @Test
  void givenSuccessAndCancelRacing_settle_appliesExactlyOneOfThemAndCreditsOnlyIfSuccessWon() throws Exception {
    Payment payment = given.startedRubles(ALICE, 100);

    List<SettleResult> results = concurrently(50, new Callable<>() {
      private final AtomicInteger turn = new AtomicInteger();

      @Override
      public SettleResult call() {
        return settle(turn.getAndIncrement() % 2 == 0 ? paid(payment) : canceled(payment));
      }
    });

    List<SettleResult> changes = results.stream().filter(r -> !(r instanceof SettleResult.Ignored)).toList();
    assertThat(changes).hasSize(1);
    if (changes.get(0) instanceof SettleResult.Settled) {
      assertThat(given.available(ALICE)).isEqualTo(WELCOME + 100);
      assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    } else {
      assertThat(given.available(ALICE)).isEqualTo(WELCOME);
      assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.CANCELED);
    }
  }

  @Test
  void givenCancel_settle_cancelsThePendingPaymentAndTellsTheUser() {
    Payment payment = given.startedRubles(ALICE, 100);

    SettleResult result = settle(canceled(payment));

    assertThat(result).isEqualTo(new SettleResult.Canceled(given.current(payment)));
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.CANCELED);
    assertThat(given.noticesTo(ALICE)).containsOnlyOnce(Notice.Type.PAYMENT_CANCELED);
    assertThat(settle(canceled(payment))).isEqualTo(ignored(SettlementRefusal.ALREADY_CANCELED));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME);
  }

  @Test
  void givenCancelThenSuccess_settle_creditsNothingAndAlertsAdmins() {
    Payment payment = given.startedRubles(ALICE, 100);

    settle(canceled(payment));
    SettleResult late = settle(paid(payment));

    assertThat(late).isEqualTo(ignored(SettlementRefusal.PAID_AFTER_CANCEL));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME);
    assertThat(given.alerts()).singleElement().satisfies(alert -> assertThat(alert.values())
        .containsEntry("reason", "PAID_AFTER_CANCEL")
        .containsEntry("paymentId", payment.id().toString())
        .containsEntry("rail", "YOOKASSA"));
  }

  @Test
  void givenSuccessThenCancel_settle_keepsTheCreditsAndAlertsAdmins() {
    Payment payment = given.startedRubles(ALICE, 100);

    settle(paid(payment));
    SettleResult late = settle(canceled(payment));

    assertThat(late).isEqualTo(ignored(SettlementRefusal.CANCELED_AFTER_SUCCESS));
    assertThat(given.current(payment).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME + 100);
    assertThat(given.alerts()).extracting(alert -> alert.value("reason")).containsExactly("CANCELED_AFTER_SUCCESS");
  }

  @Test
  void givenStillPendingReport_settle_changesNothingQuietly() {
    Payment payment = given.startedRubles(ALICE, 100);

    assertThat(settle(stillPending(payment))).isEqualTo(ignored(SettlementRefusal.STILL_PENDING));
    assertThat(given.current(payment)).isEqualTo(payment);
    assertThat(given.alerts()).isEmpty();
  }

  @Test
  void givenUnknownPayment_settle_changesNothingWithoutAlerting() {
    Payment stranger = Payment.start(PaymentId.of(core.ids.newId()), Rail.YOOKASSA, ALICE,
        Money.ofMajor(100, Currency.RUB), new CreditGrant(Credits.of(100), Credits.ZERO), core.clock.now());

    assertThat(settle(paid(stranger))).isEqualTo(ignored(SettlementRefusal.UNKNOWN_PAYMENT));
    assertThat(given.available(ALICE)).isEqualTo(WELCOME);
    assertThat(given.alerts()).isEmpty();
  }

  @Test
  void givenMismatchingReports_settle_creditsNothingAndAlertsAdminsOfEachKindOnce() {
    Payment payment = given.startedRubles(ALICE, 100);
    ProviderPaymentId railId = FakePaymentGateway.providerIdOf(payment);
    Money asked = payment.amount();

    assertThat(settle(paid(payment, Money.ofMajor(99, Currency.RUB))))
        .isEqualTo(ignored(SettlementRefusal.AMOUNT_MISMATCH));
    assertThat(settle(paid(payment, Money.ofMajor(101, Currency.RUB))))
        .isEqualTo(ignored(SettlementRefusal.AMOUNT_MISMATCH));
    assertThat(settle(paid(payment, Money.ofMajor(100, Currency.USDT))))
        .isEqualTo(ignored(SettlementRefusal.CURRENCY_MISMATCH));
    assertThat(settle(new PaymentNotification(Rail.YOOKASSA, payment.id(), railId, ReportedStatus.SUCCEEDED, asked,
        Optional.of(BOB)))).isEqualTo(ignored(SettlementRefusal.USER_MISMATCH));
    assertThat(settle(new PaymentNotification(Rail.YOOKASSA, payment.id(), new ProviderPaymentId("forged"),
        ReportedStatus.SUCCEEDED, asked, Optional.empty()))).isEqualTo(ignored(SettlementRefusal.PROVIDER_ID_MISMATCH));
    assertThat(settle(new PaymentNotification(Rail.HELEKET, payment.id(), railId, ReportedStatus.SUCCEEDED,
        Money.ofMajor(100, Currency.USDT), Optional.empty()))).isEqualTo(ignored(SettlementRefusal.RAIL_MISMATCH));

    assertThat(given.current(payment)).isEqualTo(payment);
    assertThat(given.available(ALICE)).isEqualTo(WELCOME);
    assertThat(given.alerts()).extracting(alert -> alert.value("reason")).containsExactly("AMOUNT_MISMATCH",
        "CURRENCY_MISMATCH", "USER_MISMATCH", "PROVIDER_ID_MISMATCH", "RAIL_MISMATCH");
    assertThat(given.alerts()).allSatisfy(alert -> assertThat(alert.value("paymentId")).isEqualTo(payment.id().toString()));
  }

  @Test
  void givenEveryAdmin_settleMismatch_alertsEachOfThem() {
    UserId secondAdmin = UserId.of(901);
    Notifier notifier = new Notifier(core.outbox, core.ids,
        core.clock, new Admins(Set.of(InMemoryCore.ADMIN, secondAdmin)), core.alertThrottle, java.time.Duration.ofHours(1));
    SettlePaymentService settle = new SettlePaymentService(core.db, core.payments, core.ledger, notifier, core.clock,
        core.ids);
    Payment payment = given.startedRubles(ALICE, 100);

    settle.settle(paid(payment, Money.ofMajor(1, Currency.RUB)));

    assertThat(core.outbox.all()).filteredOn(m -> m.notice().type() == Notice.Type.ADMIN_ALERT)
        .extracting(m -> m.chatId()).containsExactlyInAnyOrder(InMemoryCore.ADMIN.value(), secondAdmin.value());
  }

  @Test
  void givenRefundedPayment_settle_ignoresAnyLaterReport() {
    Payment payment = given.startedRubles(ALICE, 100);
    settle(paid(payment));
    core.db.inTransaction(() -> core.payments.update(given.current(payment).refund(core.clock.now())));

    assertThat(settle(paid(payment))).isEqualTo(ignored(SettlementRefusal.ALREADY_REFUNDED));
    assertThat(settle(canceled(payment))).isEqualTo(ignored(SettlementRefusal.ALREADY_REFUNDED));
  }

  @Test
  void givenLedgerRefusingTheCredit_settle_rollsBackAndLeavesThePaymentPendingForAnotherTry() {
    // A payment of a user whose account was never opened: the ledger refuses the credit.
    UserId ghost = UserId.of(77);
    Payment payment = Payment.start(PaymentId.of(core.ids.newId()), Rail.YOOKASSA, ghost,
        Money.ofMajor(100, Currency.RUB), new CreditGrant(Credits.of(100), Credits.ZERO), core.clock.now());
    core.payments.insert(payment);

    assertThatThrownBy(() -> settle(paid(payment))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ACCOUNT_NOT_FOUND");
    assertThat(given.current(payment)).isEqualTo(payment);
    assertThat(given.messagesTo(ghost)).isEmpty();
    assertThat(creditsOf(payment)).isEmpty();
  }

  private static <T> List<T> concurrently(int callers, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<T> results = Collections.synchronizedList(new ArrayList<>());
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
