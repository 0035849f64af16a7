package dev.rei.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.in.admin.AdjustBalanceCommand;
import dev.rei.application.port.in.admin.AdjustBalanceUseCase;
import dev.rei.application.port.in.payment.SettleResult;
import dev.rei.application.port.in.user.RegisterUserCommand;
import dev.rei.application.service.Admins;
import dev.rei.application.service.Notifier;
import dev.rei.application.service.admin.AdjustBalanceService;
import dev.rei.application.service.payment.SettlePaymentService;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.limits.OrderLimits;
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
import dev.rei.domain.user.Language;
import dev.rei.domain.user.UserId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Settling and adjusting on PostgreSQL: every paid payment is credited exactly once, however notifications arrive. */
class PaymentsOnPostgresTest {

  private static final UserId ADMIN = UserId.of(900);

  @Test
  void givenThousandNotificationsForHundredPayments_duplicatedReorderedConcurrent_eachPaidOneIsCreditedOnce()
      throws Exception {
    try (PostgresCore core = new PostgresCore(OrderLimits.DEFAULT, Credits.ZERO, 16)) {
      Notifier notifier = new Notifier(core.database.outbox(), core.ids, core.clock, new Admins(Set.of(ADMIN)),
          core.database.alertThrottle(), java.time.Duration.ofHours(1));
      SettlePaymentService settle = new SettlePaymentService(core.database.unitOfWork(), core.database.payments(),
          core.database.ledger(), notifier, core.clock, core.ids);
      List<UserId> users = List.of(UserId.of(1), UserId.of(2), UserId.of(3), UserId.of(4));
      users.forEach(u -> core.register.register(new RegisterUserCommand(u, Language.RU)));
      List<Payment> payments = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Payment payment = Payment.start(PaymentId.of(UUID.randomUUID()), Rail.YOOKASSA, users.get(i % 4),
            Money.ofMajor(100, Currency.RUB), new CreditGrant(Credits.of(100), Credits.of(i % 3)), core.clock.now());
        core.database.payments().insert(payment);
        payments.add(payment);
      }
      // Two thirds are paid, a third canceled; each is told ten times, some with a forged amount.
      List<PaymentNotification> notifications = new ArrayList<>();
      for (int i = 0; i < payments.size(); i++) {
        Payment p = payments.get(i);
        ReportedStatus status = i % 3 == 0 ? ReportedStatus.CANCELED : ReportedStatus.SUCCEEDED;
        for (int copy = 0; copy < 10; copy++) {
          Money amount = copy == 7 ? Money.ofMajor(1, Currency.RUB) : p.amount();
          notifications.add(new PaymentNotification(Rail.YOOKASSA, p.id(), new ProviderPaymentId("yk-" + p.id()),
              status, amount, Optional.of(p.userId())));
        }
      }
      Collections.shuffle(notifications, new java.util.Random(42));
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<SettleResult>> results = new ArrayList<>();
      for (PaymentNotification n : notifications) {
        results.add(pool.submit(() -> settle.settle(n)));
      }
      int settled = 0;
      for (Future<SettleResult> result : results) {
        settled += result.get() instanceof SettleResult.Settled ? 1 : 0;
      }
      pool.shutdown();

      long paid = payments.stream().filter(p -> payments.indexOf(p) % 3 != 0).count();
      assertThat(settled).isEqualTo(paid);
      for (UserId user : users) {
        long expected = 0;
        for (int i = 0; i < payments.size(); i++) {
          if (i % 3 != 0 && payments.get(i).userId().equals(user)) {
            expected += payments.get(i).credits().total().value();
          }
        }
        assertThat(core.database.ledger().balanceOf(user).posted().value()).as("credits of %s", user).isEqualTo(expected);
      }
      assertThat(payments).allSatisfy(p -> assertThat(core.database.payments().find(p.id()).orElseThrow().status())
          .isEqualTo(payments.indexOf(p) % 3 == 0 ? PaymentStatus.CANCELED : PaymentStatus.SUCCEEDED));
      assertThat(core.audit()).isEmpty();
    }
  }

  @Test
  void givenAdminAdjustment_onPostgres_itIsAuditedAndReplayedOnce() {
    try (PostgresCore core = new PostgresCore(OrderLimits.DEFAULT, Credits.of(2), 4)) {
      UserId alice = UserId.of(1001);
      core.register.register(new RegisterUserCommand(alice, Language.RU));
      Notifier notifier = new Notifier(core.database.outbox(), core.ids, core.clock, new Admins(Set.of(ADMIN)),
          core.database.alertThrottle(), java.time.Duration.ofHours(1));
      AdjustBalanceService adjust = new AdjustBalanceService(core.database.unitOfWork(), core.database.users(),
          core.database.ledger(), core.database.auditLog(), notifier, new Admins(Set.of(ADMIN)), core.clock, core.ids);
      AdjustBalanceCommand command = new AdjustBalanceCommand(ADMIN, alice, 5, "goodwill", IdempotencyKey.of("adm-1"));

      assertThat(adjust.adjust(command)).isInstanceOf(AdjustBalanceUseCase.Result.Adjusted.class);
      assertThat(((AdjustBalanceUseCase.Result.Adjusted) adjust.adjust(command)).replayed()).isTrue();

      assertThat(core.database.ledger().balanceOf(alice).available()).isEqualTo(Credits.of(7));
      assertThat(core.database.auditLog().about(alice, 10)).singleElement()
          .satisfies(e -> assertThat(e.reason()).isEqualTo("goodwill"));
      Payment payment = Payment.start(PaymentId.of(UUID.randomUUID()), Rail.TELEGRAM_STARS, alice,
          Money.ofMajor(50, Currency.XTR), new CreditGrant(Credits.of(50), Credits.of(5)), core.clock.now());
      core.database.payments().insert(payment);
      assertThat(core.database.payments().find(payment.id())).contains(payment);
      assertThat(core.database.payments().latestOf(alice, 5)).containsExactly(payment);
    }
  }
}
