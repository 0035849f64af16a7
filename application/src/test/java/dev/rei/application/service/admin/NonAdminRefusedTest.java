package dev.rei.application.service.admin;

import static dev.rei.application.service.admin.AdminSteps.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.fakes.FakePaymentGateway;
import dev.rei.application.fakes.InMemoryCore;
import dev.rei.application.port.in.admin.AdjustBalanceCommand;
import dev.rei.application.port.in.admin.AdjustBalanceUseCase;
import dev.rei.application.port.in.admin.AdminRefusal;
import dev.rei.application.port.in.admin.AdminResult;
import dev.rei.application.port.in.admin.BanUserCommand;
import dev.rei.application.port.in.admin.GetStatsUseCase;
import dev.rei.application.port.in.admin.ReconcileLedgerUseCase;
import dev.rei.application.port.in.admin.UnbanUserCommand;
import dev.rei.application.port.in.payment.RefundPaymentCommand;
import dev.rei.application.port.in.payment.StartTopUpCommand;
import dev.rei.application.port.in.payment.TopUpChoice;
import dev.rei.application.port.in.payment.TopUpStart;
import dev.rei.application.port.out.OutboxMessage;
import dev.rei.domain.ledger.IdempotencyKey;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentNotification;
import dev.rei.domain.payment.PaymentNotification.ReportedStatus;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every admin use case refuses a caller who is not an admin, first, and changes nothing at all. */
class NonAdminRefusedTest {

  private static final UserId MALLORY = UserId.of(666);

  private final InMemoryCore core = new InMemoryCore();
  private final AdminSteps given = new AdminSteps(core);

  @Test
  void givenNonAdmin_everyAdminUseCase_isRefusedAsNotAnAdminAndNothingChanges() {
    given.register(ALICE);
    given.register(MALLORY);
    Payment payment = ((TopUpStart.Started) core.startTopUp.startTopUp(new StartTopUpCommand(ALICE, Rail.YOOKASSA,
        new TopUpChoice.Package("rub-100")))).payment();
    core.settle.settle(new PaymentNotification(Rail.YOOKASSA, payment.id(), FakePaymentGateway.providerIdOf(payment),
        ReportedStatus.SUCCEEDED, payment.amount(), Optional.of(ALICE)));
    core.adjust.adjust(new AdjustBalanceCommand(AdminSteps.ADMIN, MALLORY, 1, "test", IdempotencyKey.of("adj-0")));
    given.ban.ban(new BanUserCommand(AdminSteps.ADMIN, MALLORY, "fraud"));
    List<OutboxMessage> outboxBefore = core.outbox.all();
    long aliceBefore = given.available(ALICE);

    assertThat(core.adjust.adjust(new AdjustBalanceCommand(MALLORY, MALLORY, 1_000, "mine", IdempotencyKey.of("adj-1"))))
        .isEqualTo(new AdjustBalanceUseCase.Result.Refused(AdminRefusal.NOT_AN_ADMIN));
    assertThat(given.ban.ban(new BanUserCommand(MALLORY, ALICE, "revenge")))
        .isEqualTo(new AdminResult.Refused(AdminRefusal.NOT_AN_ADMIN));
    assertThat(given.unban.unban(new UnbanUserCommand(MALLORY, MALLORY, "please")))
        .isEqualTo(new AdminResult.Refused(AdminRefusal.NOT_AN_ADMIN));
    assertThat(given.refund.refund(new RefundPaymentCommand(MALLORY, payment.id(), "give it back")))
        .isEqualTo(new AdminResult.Refused(AdminRefusal.NOT_AN_ADMIN));
    assertThat(core.reconcileLedger.reconcile(MALLORY))
        .isEqualTo(new ReconcileLedgerUseCase.Result.Refused(AdminRefusal.NOT_AN_ADMIN));
    assertThat(given.stats.stats(MALLORY)).isEqualTo(new GetStatsUseCase.StatsResult.Refused(AdminRefusal.NOT_AN_ADMIN));

    assertThat(given.user(MALLORY).isBanned()).isTrue();
    assertThat(given.user(ALICE).isBanned()).isFalse();
    assertThat(given.available(ALICE)).isEqualTo(aliceBefore);
    assertThat(given.available(MALLORY)).isEqualTo(AdminSteps.WELCOME + 1);
    assertThat(core.yookassa.refunds()).isEmpty();
    assertThat(core.outbox.all()).isEqualTo(outboxBefore);
    assertThat(core.auditLog.about(MALLORY, 10)).hasSize(2);
    assertThat(core.auditLog.about(ALICE, 10)).isEmpty();
    assertThat(core.audit()).isEmpty();
  }
}
