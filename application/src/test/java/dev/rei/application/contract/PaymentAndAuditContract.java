package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.application.port.out.AuditLog;
import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link dev.rei.application.port.out.PaymentStore} and {@link AuditLog} must do. */
public abstract class PaymentAndAuditContract extends StoreContract {

  private Payment pending(int secondsAfterT0) {
    return Payment.start(PaymentId.of(nextUuid()), Rail.YOOKASSA, ALICE, Money.parse("100.50", Currency.RUB),
        new CreditGrant(Credits.of(100), Credits.of(10)), T0.plusSeconds(secondsAfterT0));
  }

  @Test
  void paymentsRoundTrip_andOneProviderIdBelongsToOnePaymentPerRail() {
    registerFunded(ALICE, 0);
    Payment first = pending(0).boundTo(new ProviderPaymentId("yk-1"), T0);
    Payment second = pending(1);
    kit.payments().insert(first);
    kit.payments().insert(second);

    assertThat(kit.payments().find(first.id())).contains(first);
    assertThat(kit.payments().findByProviderId(Rail.YOOKASSA, new ProviderPaymentId("yk-1"))).contains(first);
    assertThatThrownBy(() -> kit.payments().update(second.boundTo(new ProviderPaymentId("yk-1"), T0)))
        .isInstanceOf(RuntimeException.class);
    assertThat(kit.payments().pendingCreatedBefore(T0.plusSeconds(1), 10)).containsExactly(first);
    assertThat(kit.payments().latestOf(ALICE, 10)).containsExactly(second, first);
  }

  @Test
  void revenue_countsSettledPaymentsByRailAndCurrency() {
    registerFunded(ALICE, 0);
    Payment payment = pending(0);
    kit.payments().insert(payment);
    Payment settled = dev.rei.domain.payment.SettlementRule.decide(java.util.Optional.of(payment),
        new dev.rei.domain.payment.PaymentNotification(Rail.YOOKASSA, payment.id(), new ProviderPaymentId("yk-9"),
            dev.rei.domain.payment.PaymentNotification.ReportedStatus.SUCCEEDED, payment.amount(),
            java.util.Optional.empty()), T0.plusSeconds(10)) instanceof dev.rei.domain.payment.Settlement.Changed c
        ? c.payment() : null;
    kit.payments().update(settled);

    assertThat(kit.payments().find(payment.id())).contains(settled);
    assertThat(kit.payments().revenueSince(T0)).isEqualTo(Map.of(Rail.YOOKASSA, Map.of("RUB", 10050L)));
    assertThat(kit.payments().revenueSince(T0.plusSeconds(11))).isEmpty();
  }

  @Test
  void auditEntries_comeBackNewestFirst_perTarget() {
    UserId admin = UserId.of(900);
    AuditLog.Entry first = new AuditLog.Entry(admin, "ban", ALICE, "-", "spam", T0);
    AuditLog.Entry second = new AuditLog.Entry(admin, "unban", ALICE, "-", "appeal", T0.plusSeconds(5));
    kit.auditLog().record(first);
    kit.auditLog().record(second);
    kit.auditLog().record(new AuditLog.Entry(admin, "ban", UserId.of(2), "-", "x", T0));

    assertThat(kit.auditLog().about(ALICE, 10)).containsExactly(second, first);
    assertThat(kit.auditLog().about(ALICE, 1)).containsExactly(second);
  }

  @Test
  void aFailedTransaction_leavesNoPaymentNoAuditEntryNoUser() {
    try {
      kit.unitOfWork().inTransaction(() -> {
        registerFunded(UserId.of(55), 5);
        kit.auditLog().record(new AuditLog.Entry(UserId.of(900), "adjust", UserId.of(55), "+5", "r", T0));
        throw new IllegalStateException("roll back");
      });
    } catch (IllegalStateException expected) {
      // What matters is what is left.
    }

    assertThat(kit.users().find(UserId.of(55))).isEmpty();
    assertThat(kit.auditLog().about(UserId.of(55), 10)).isEmpty();
    assertThat(kit.ledger().balanceOf(UserId.of(55)).posted()).isEqualTo(Credits.ZERO);
  }
}
