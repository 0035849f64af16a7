package dev.rei.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.CreditGrant;
import dev.rei.domain.payment.Currency;
import dev.rei.domain.payment.Money;
import dev.rei.domain.payment.Payment;
import dev.rei.domain.payment.PaymentId;
import dev.rei.domain.payment.PaymentStatus;
import dev.rei.domain.payment.ProviderPaymentId;
import dev.rei.domain.payment.Rail;
import dev.rei.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link dev.rei.application.port.out.PaymentStore} must do. */
public abstract class PaymentStoreContract extends StoreContract {

  @BeforeEach
  void registerPayers() {
    registerFunded(ALICE, 0);
    registerFunded(BOB, 0);
  }

  private Payment pending(UserId user, Rail rail, Money amount, Instant at) {
    return Payment.start(PaymentId.of(nextUuid()), rail, user, amount, new CreditGrant(Credits.of(100), Credits.of(10)),
        at);
  }

  private Payment pending(int secondsAfterT0) {
    return pending(ALICE, Rail.YOOKASSA, Money.parse("100.50", Currency.RUB), T0.plusSeconds(secondsAfterT0));
  }

  /** The payment as a settled one: paid, bound to {@code providerId}, at {@code at}. */
  private static Payment paid(Payment payment, String providerId, Instant at) {
    return new Payment(payment.id(), payment.rail(), payment.userId(), payment.amount(), payment.credits(),
        PaymentStatus.SUCCEEDED, Optional.of(new ProviderPaymentId(providerId)), payment.createdAt(), Optional.of(at), at);
  }

  private Payment insert(Payment payment) {
    kit.payments().insert(payment);
    return payment;
  }

  private Payment update(Payment payment) {
    kit.payments().update(payment);
    return payment;
  }

  private void assertRoundTrips(Payment payment) {
    assertThat(kit.payments().find(payment.id())).contains(payment);
    assertThat(inTransaction(() -> kit.payments().lock(payment.id()))).contains(payment);
    payment.providerPaymentId().ifPresent(id ->
        assertThat(kit.payments().findByProviderId(payment.rail(), id)).contains(payment));
  }

  @Test
  void givenPaymentsOnEveryRailInEveryStatus_eachRoundTripsWithEveryField() {
    Payment stars = insert(pending(ALICE, Rail.TELEGRAM_STARS, Money.ofMajor(250, Currency.XTR), T0));
    Payment heleket = insert(pending(BOB, Rail.HELEKET, Money.parse("5.25", Currency.USDT), T0.plusMillis(1)));
    Payment yookassa = insert(pending(ALICE, Rail.YOOKASSA, Money.parse("1999.99", Currency.RUB), T0.plusMillis(2)));
    assertRoundTrips(stars);
    assertRoundTrips(heleket);
    assertRoundTrips(yookassa);

    Payment bound = update(yookassa.boundTo(new ProviderPaymentId("2d9c3f1a-000f-5000-a000-1b2c3d4e5f60"),
        T0.plusSeconds(1)));
    assertRoundTrips(bound);
    Payment settled = update(paid(bound, "2d9c3f1a-000f-5000-a000-1b2c3d4e5f60", T0.plusSeconds(30)));
    assertRoundTrips(settled);
    Payment refunded = update(settled.refund(T0.plusSeconds(60)));
    assertRoundTrips(refunded);
    Payment paidStars = update(paid(stars, "stxChargeId_" + "7".repeat(188), T0.plusSeconds(2)));
    assertRoundTrips(paidStars);
    Payment canceled = update(heleket.boundTo(new ProviderPaymentId("hk-1"), T0.plusSeconds(3))
        .cancel(T0.plusSeconds(4)));
    assertRoundTrips(canceled);
  }

  @Test
  void givenUnknownPayment_findLockAndFindByProviderIdAreEmpty_andUpdateFails() {
    Payment never = pending(0);

    assertThat(kit.payments().find(never.id())).isEmpty();
    assertThat(inTransaction(() -> kit.payments().lock(never.id()))).isEmpty();
    assertThat(kit.payments().findByProviderId(Rail.YOOKASSA, new ProviderPaymentId("yk-1"))).isEmpty();
    assertThatThrownBy(() -> kit.payments().update(never)).isInstanceOf(RuntimeException.class);
    assertThat(kit.payments().find(never.id())).isEmpty();
  }

  @Test
  void givenStoredPayment_insertingItAgain_fails() {
    Payment payment = insert(pending(0));

    assertThatThrownBy(() -> kit.payments().insert(payment.boundTo(new ProviderPaymentId("yk-1"), T0)))
        .isInstanceOf(RuntimeException.class);

    assertThat(kit.payments().find(payment.id())).contains(payment);
  }

  @Test
  void givenProviderIdOnARail_noOtherPaymentOnThatRailCanTakeIt_butAnotherRailCan() {
    Payment first = insert(pending(0).boundTo(new ProviderPaymentId("shared-1"), T0));
    Payment second = insert(pending(1));

    assertThatThrownBy(() -> kit.payments().update(second.boundTo(new ProviderPaymentId("shared-1"), T0)))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> kit.payments().insert(pending(2).boundTo(new ProviderPaymentId("shared-1"), T0)))
        .isInstanceOf(RuntimeException.class);
    Payment elsewhere = insert(pending(BOB, Rail.HELEKET, Money.parse("1.00", Currency.USDT), T0)
        .boundTo(new ProviderPaymentId("shared-1"), T0));

    assertThat(kit.payments().findByProviderId(Rail.YOOKASSA, new ProviderPaymentId("shared-1"))).contains(first);
    assertThat(kit.payments().findByProviderId(Rail.HELEKET, new ProviderPaymentId("shared-1"))).contains(elsewhere);
    assertThat(kit.payments().findByProviderId(Rail.TELEGRAM_STARS, new ProviderPaymentId("shared-1"))).isEmpty();
    assertThat(kit.payments().find(second.id())).contains(second);
  }

  @Test
  void givenManyUnboundPaymentsOnOneRail_theyCoexist() {
    Payment a = insert(pending(0));
    Payment b = insert(pending(1));
    Payment c = insert(pending(BOB, Rail.YOOKASSA, Money.parse("10.00", Currency.RUB), T0));

    assertThat(kit.payments().find(a.id())).contains(a);
    assertThat(kit.payments().find(b.id())).contains(b);
    assertThat(kit.payments().find(c.id())).contains(c);
  }

  @Test
  void pendingCreatedBefore_listsOnlyPendingPaymentsStrictlyBefore_oldestFirst_upToTheLimit() {
    Payment second = insert(pending(20));
    Payment first = insert(pending(10));
    Payment third = insert(pending(BOB, Rail.TELEGRAM_STARS, Money.ofMajor(50, Currency.XTR), T0.plusSeconds(30)));
    Payment settled = insert(pending(5));
    update(paid(settled, "yk-paid", T0.plusSeconds(6)));
    Payment canceled = insert(pending(6));
    update(canceled.cancel(T0.plusSeconds(7)));

    assertThat(kit.payments().pendingCreatedBefore(T0.plusSeconds(31), 10)).containsExactly(first, second, third);
    assertThat(kit.payments().pendingCreatedBefore(T0.plusSeconds(30), 10)).containsExactly(first, second);
    assertThat(kit.payments().pendingCreatedBefore(T0.plusSeconds(31), 2)).containsExactly(first, second);
    assertThat(kit.payments().pendingCreatedBefore(T0.plusSeconds(10), 10)).isEmpty();
  }

  @Test
  void latestOf_listsTheUsersPaymentsNewestFirst_upToTheLimit() {
    Payment older = insert(pending(1));
    Payment newest = insert(pending(3));
    Payment middle = insert(pending(2));
    update(paid(middle, "yk-2", T0.plusSeconds(4)));
    insert(pending(BOB, Rail.YOOKASSA, Money.parse("1.00", Currency.RUB), T0.plusSeconds(9)));

    assertThat(kit.payments().latestOf(ALICE, 10)).extracting(Payment::id)
        .containsExactly(newest.id(), middle.id(), older.id());
    assertThat(kit.payments().latestOf(ALICE, 1)).containsExactly(newest);
    assertThat(kit.payments().latestOf(UserId.of(77), 10)).isEmpty();
  }

  @Test
  void revenueSince_sumsMinorUnitsOfPaymentsSettledSince_byRailAndCurrency() {
    update(paid(insert(pending(0)), "yk-1", T0.plusSeconds(10)));
    update(paid(insert(pending(ALICE, Rail.YOOKASSA, Money.parse("0.50", Currency.RUB), T0)), "yk-2",
        T0.plusSeconds(20)));
    update(paid(insert(pending(BOB, Rail.TELEGRAM_STARS, Money.ofMajor(75, Currency.XTR), T0)), "st-1",
        T0.plusSeconds(20)));
    update(paid(insert(pending(BOB, Rail.HELEKET, Money.parse("2.00", Currency.USDT), T0)), "hk-1",
        T0.plusSeconds(30)));
    Payment refunded = update(paid(insert(pending(0)), "yk-3", T0.plusSeconds(20)));
    update(refunded.refund(T0.plusSeconds(40)));
    insert(pending(1));

    assertThat(kit.payments().revenueSince(T0)).isEqualTo(Map.of(
        Rail.YOOKASSA, Map.of("RUB", 10_050L + 50L),
        Rail.TELEGRAM_STARS, Map.of("XTR", 75L),
        Rail.HELEKET, Map.of("USDT", 200L)));
    assertThat(kit.payments().revenueSince(T0.plusSeconds(20))).isEqualTo(Map.of(
        Rail.YOOKASSA, Map.of("RUB", 50L),
        Rail.TELEGRAM_STARS, Map.of("XTR", 75L),
        Rail.HELEKET, Map.of("USDT", 200L)));
    assertThat(kit.payments().revenueSince(T0.plusSeconds(31))).isEmpty();
  }

  @Test
  void countByRailAndStatus_countsEveryPaymentByRailAndItsStatusNow() {
    assertThat(kit.payments().countByRailAndStatus()).isEmpty();
    update(paid(insert(pending(0)), "yk-1", T0.plusSeconds(10)));
    Payment refunded = update(paid(insert(pending(1)), "yk-2", T0.plusSeconds(20)));
    update(refunded.refund(T0.plusSeconds(40)));
    insert(pending(2));
    insert(pending(3));
    Payment canceled = insert(pending(BOB, Rail.TELEGRAM_STARS, Money.ofMajor(50, Currency.XTR), T0));
    update(canceled.cancel(T0.plusSeconds(7)));

    assertThat(kit.payments().countByRailAndStatus()).isEqualTo(Map.of(
        Rail.YOOKASSA, Map.of(PaymentStatus.SUCCEEDED, 1L, PaymentStatus.REFUNDED, 1L, PaymentStatus.PENDING, 2L),
        Rail.TELEGRAM_STARS, Map.of(PaymentStatus.CANCELED, 1L)));
  }

  @Test
  void revenuePerDay_sumsMinorUnitsOfPaymentsSettledSince_perUtcDayAndCurrency_withoutRefunded() {
    // T0 is 09:00 UTC: T0 + 20 h is the next day.
    update(paid(insert(pending(0)), "yk-1", T0.plusSeconds(10)));
    update(paid(insert(pending(ALICE, Rail.YOOKASSA, Money.parse("0.50", Currency.RUB), T0)), "yk-2",
        T0.plusSeconds(20)));
    update(paid(insert(pending(BOB, Rail.TELEGRAM_STARS, Money.ofMajor(75, Currency.XTR), T0)), "st-1",
        T0.plusSeconds(20)));
    update(paid(insert(pending(BOB, Rail.YOOKASSA, Money.parse("3.00", Currency.RUB), T0)), "yk-4",
        T0.plus(java.time.Duration.ofHours(20))));
    Payment refunded = update(paid(insert(pending(0)), "yk-3", T0.plusSeconds(20)));
    update(refunded.refund(T0.plusSeconds(40)));
    insert(pending(1));
    java.time.LocalDate day = java.time.LocalDate.parse("2026-06-01");

    assertThat(kit.payments().revenuePerDay(T0)).isEqualTo(Map.of(
        day, Map.of("RUB", 10_050L + 50L, "XTR", 75L),
        day.plusDays(1), Map.of("RUB", 300L)));
    assertThat(kit.payments().revenuePerDay(T0.plusSeconds(11))).isEqualTo(Map.of(
        day, Map.of("RUB", 50L, "XTR", 75L),
        day.plusDays(1), Map.of("RUB", 300L)));
    assertThat(kit.payments().revenuePerDay(T0.plus(java.time.Duration.ofDays(2)))).isEmpty();
  }
}
