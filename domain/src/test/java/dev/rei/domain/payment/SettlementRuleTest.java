package dev.rei.domain.payment;

import static dev.rei.domain.fixtures.PaymentFixtures.FOREIGN_PAYMENT_ID;
import static dev.rei.domain.fixtures.PaymentFixtures.HELEKET_PAYMENT_ID;
import static dev.rei.domain.fixtures.PaymentFixtures.PAYER;
import static dev.rei.domain.fixtures.PaymentFixtures.SOMEONE_ELSE;
import static dev.rei.domain.fixtures.PaymentFixtures.STARS_CHARGE_ID;
import static dev.rei.domain.fixtures.PaymentFixtures.STARTED_AT;
import static dev.rei.domain.fixtures.PaymentFixtures.YOOKASSA_PAYMENT_ID;
import static dev.rei.domain.fixtures.PaymentFixtures.aPendingHeleketPayment;
import static dev.rei.domain.fixtures.PaymentFixtures.aPendingPayment;
import static dev.rei.domain.fixtures.PaymentFixtures.aPendingStarsPayment;
import static dev.rei.domain.fixtures.PaymentFixtures.aSuccessNotificationFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rei.domain.ledger.Credits;
import dev.rei.domain.payment.PaymentNotification.ReportedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettlementRuleTest {

  private static final Instant NOW = STARTED_AT.plus(Duration.ofMinutes(2));
  private static final Instant EARLIER = STARTED_AT.plus(Duration.ofMinutes(1));

  // --- Settling ---

  @Test
  void givenPendingPayment_successNotification_settlesOnce() {
    Payment pending = aPendingPayment().build();

    Settlement settlement = SettlementRule.decide(Optional.of(pending), aSuccessNotificationFor(pending).build(), NOW);

    Payment settled = changed(settlement);
    assertThat(settled.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(settled.settledAt()).contains(NOW);
    assertThat(settled.updatedAt()).isEqualTo(NOW);
    assertThat(settled.providerPaymentId()).contains(YOOKASSA_PAYMENT_ID);
    assertThat(settled.credits()).isEqualTo(pending.credits());
    assertThat(settled.amount()).isEqualTo(pending.amount());
    assertThat(settled.createdAt()).isEqualTo(pending.createdAt());

    assertThat(SettlementRule.decide(Optional.of(settled), aSuccessNotificationFor(pending).build(), NOW.plusSeconds(1)))
        .isEqualTo(new Settlement.Refused(SettlementRefusal.ALREADY_SETTLED));
  }

  @Test
  void givenUnboundStarsPayment_successNotification_bindsTheChargeId() {
    Payment pending = aPendingStarsPayment().build();
    PaymentNotification paid = aSuccessNotificationFor(pending).withProviderId(STARS_CHARGE_ID).build();

    Payment settled = changed(SettlementRule.decide(Optional.of(pending), paid, NOW));

    assertThat(settled.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(settled.providerPaymentId()).contains(STARS_CHARGE_ID);
    assertThat(settled.credits().total()).isEqualTo(Credits.of(110));
  }

  @Test
  void givenSettledStarsPayment_successWithAnotherChargeId_isAProviderIdMismatch() {
    Payment pending = aPendingStarsPayment().build();
    Payment settled = changed(SettlementRule.decide(Optional.of(pending), aSuccessNotificationFor(pending).build(), NOW));

    Settlement again = SettlementRule.decide(Optional.of(settled),
        aSuccessNotificationFor(pending).withProviderId(FOREIGN_PAYMENT_ID).build(), NOW);

    assertThat(again).isEqualTo(new Settlement.Refused(SettlementRefusal.PROVIDER_ID_MISMATCH));
  }

  @Test
  void givenRailThatDoesNotNameThePayer_successNotification_settles() {
    Payment pending = aPendingHeleketPayment().build();

    Settlement settlement = SettlementRule.decide(Optional.of(pending),
        aSuccessNotificationFor(pending).withoutPayer().build(), NOW);

    assertThat(changed(settlement).status()).isEqualTo(PaymentStatus.SUCCEEDED);
  }

  @Test
  void givenHeleketPayment_overPayment_settlesAndGrantsOnlyThePackage() {
    Payment pending = aPendingHeleketPayment().build();
    PaymentNotification overpaid = aSuccessNotificationFor(pending)
        .paying(Money.parse("5.01", Currency.USDT))
        .build();

    Payment settled = changed(SettlementRule.decide(Optional.of(pending), overpaid, NOW));

    assertThat(settled.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(settled.providerPaymentId()).contains(HELEKET_PAYMENT_ID);
    assertThat(settled.credits()).isEqualTo(pending.credits());
    assertThat(settled.amount()).isEqualTo(pending.amount());
    assertThat(settled.creditRequests()).isEqualTo(pending.creditRequests());
  }

  @Test
  void givenHeleketPayment_underPayment_isAnAmountMismatch() {
    Payment pending = aPendingHeleketPayment().build();

    Settlement settlement = SettlementRule.decide(Optional.of(pending),
        aSuccessNotificationFor(pending).paying(Money.parse("4.99", Currency.USDT)).build(), NOW);

    assertThat(settlement).isEqualTo(new Settlement.Refused(SettlementRefusal.AMOUNT_MISMATCH));
  }

  @Test
  void givenPendingPayment_cancelNotification_cancelsIt() {
    Payment pending = aPendingPayment().build();

    Payment canceled = changed(SettlementRule.decide(Optional.of(pending), aSuccessNotificationFor(pending).canceled().build(), NOW));

    assertThat(canceled.status()).isEqualTo(PaymentStatus.CANCELED);
    assertThat(canceled.settledAt()).isEmpty();
    assertThat(canceled.updatedAt()).isEqualTo(NOW);
    assertThat(canceled.providerPaymentId()).contains(YOOKASSA_PAYMENT_ID);
  }

  @Test
  void givenUnboundPendingPayment_cancelNotification_cancelsItUnbound() {
    Payment pending = aPendingStarsPayment().build();

    Payment canceled = changed(SettlementRule.decide(Optional.of(pending), aSuccessNotificationFor(pending).canceled().build(), NOW));

    assertThat(canceled.status()).isEqualTo(PaymentStatus.CANCELED);
    assertThat(canceled.providerPaymentId()).isEmpty();
  }

  @Test
  void givenNotificationForAnotherPayment_decide_isAProgrammingError() {
    Payment pending = aPendingPayment().build();
    PaymentNotification other = aSuccessNotificationFor(pending)
        .forPayment(PaymentId.of(UUID.fromString("00000000-0000-4000-8000-000000000099")))
        .build();

    assertThatIllegalArgumentException().isThrownBy(() -> SettlementRule.decide(Optional.of(pending), other, NOW));
  }

  @Test
  void givenNulls_decide_isRefused() {
    Payment pending = aPendingPayment().build();
    PaymentNotification notification = aSuccessNotificationFor(pending).build();

    assertThatThrownBy(() -> SettlementRule.decide(null, notification, NOW)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> SettlementRule.decide(Optional.of(pending), null, NOW)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> SettlementRule.decide(Optional.of(pending), notification, null)).isInstanceOf(NullPointerException.class);
  }

  // --- Every refusal ---

  /** One scenario per way a notification changes nothing; together they produce every refusal. */
  static Stream<Arguments> refusals() {
    Payment yooKassa = aPendingPayment().build();
    Payment stars = aPendingStarsPayment().build();
    Payment succeeded = changed(SettlementRule.decide(Optional.of(yooKassa), aSuccessNotificationFor(yooKassa).build(), EARLIER));
    Payment canceled = yooKassa.cancel(EARLIER);
    Payment refunded = succeeded.refund(EARLIER);
    return Stream.of(
        scenario("no such payment", null, aSuccessNotificationFor(yooKassa).build(), SettlementRefusal.UNKNOWN_PAYMENT),
        scenario("duplicate success", succeeded, aSuccessNotificationFor(yooKassa).build(), SettlementRefusal.ALREADY_SETTLED),
        scenario("pending after success", succeeded, aSuccessNotificationFor(yooKassa).stillPending().build(),
            SettlementRefusal.ALREADY_SETTLED),
        scenario("duplicate cancel", canceled, aSuccessNotificationFor(yooKassa).canceled().build(),
            SettlementRefusal.ALREADY_CANCELED),
        scenario("pending after cancel", canceled, aSuccessNotificationFor(yooKassa).stillPending().build(),
            SettlementRefusal.ALREADY_CANCELED),
        scenario("success after refund", refunded, aSuccessNotificationFor(yooKassa).build(), SettlementRefusal.ALREADY_REFUNDED),
        scenario("cancel after refund", refunded, aSuccessNotificationFor(yooKassa).canceled().build(),
            SettlementRefusal.ALREADY_REFUNDED),
        scenario("pending after refund", refunded, aSuccessNotificationFor(yooKassa).stillPending().build(),
            SettlementRefusal.ALREADY_REFUNDED),
        scenario("not final yet", yooKassa, aSuccessNotificationFor(yooKassa).stillPending().build(),
            SettlementRefusal.STILL_PENDING),
        scenario("cancel after success", succeeded, aSuccessNotificationFor(yooKassa).canceled().build(),
            SettlementRefusal.CANCELED_AFTER_SUCCESS),
        scenario("success after cancel", canceled, aSuccessNotificationFor(yooKassa).build(), SettlementRefusal.PAID_AFTER_CANCEL),
        scenario("from another rail", yooKassa, aSuccessNotificationFor(yooKassa).fromRail(Rail.HELEKET).build(),
            SettlementRefusal.RAIL_MISMATCH),
        scenario("another provider id", yooKassa, aSuccessNotificationFor(yooKassa).withProviderId(FOREIGN_PAYMENT_ID).build(),
            SettlementRefusal.PROVIDER_ID_MISMATCH),
        scenario("cancel with another provider id", yooKassa,
            aSuccessNotificationFor(yooKassa).canceled().withProviderId(FOREIGN_PAYMENT_ID).build(),
            SettlementRefusal.PROVIDER_ID_MISMATCH),
        scenario("paid in stars for roubles", yooKassa,
            aSuccessNotificationFor(yooKassa).paying(Money.ofMajor(100, Currency.XTR)).build(), SettlementRefusal.CURRENCY_MISMATCH),
        scenario("same code, other digits", yooKassa,
            aSuccessNotificationFor(yooKassa).paying(Money.ofMinor(100, new Currency("RUB", 0))).build(),
            SettlementRefusal.CURRENCY_MISMATCH),
        scenario("under-paid by a kopeck", yooKassa,
            aSuccessNotificationFor(yooKassa).paying(Money.parse("99.99", Currency.RUB)).build(), SettlementRefusal.AMOUNT_MISMATCH),
        scenario("over-paid by a kopeck on YooKassa", yooKassa,
            aSuccessNotificationFor(yooKassa).paying(Money.parse("100.01", Currency.RUB)).build(), SettlementRefusal.AMOUNT_MISMATCH),
        scenario("under-paid stars", stars,
            aSuccessNotificationFor(stars).paying(Money.ofMajor(99, Currency.XTR)).build(), SettlementRefusal.AMOUNT_MISMATCH),
        scenario("over-paid stars", stars,
            aSuccessNotificationFor(stars).paying(Money.ofMajor(101, Currency.XTR)).build(), SettlementRefusal.AMOUNT_MISMATCH),
        scenario("paid by someone else", yooKassa, aSuccessNotificationFor(yooKassa).paidBy(SOMEONE_ELSE).build(),
            SettlementRefusal.USER_MISMATCH),
        scenario("canceled by someone else", stars, aSuccessNotificationFor(stars).canceled().paidBy(SOMEONE_ELSE).build(),
            SettlementRefusal.USER_MISMATCH));
  }

  @ParameterizedTest(name = "{0} → {3}")
  @MethodSource("refusals")
  void givenNotificationThatMustNotSettle_decide_refusesWithItsReason(
      String scenario, Payment payment, PaymentNotification notification, SettlementRefusal expected) {
    Settlement settlement = SettlementRule.decide(Optional.ofNullable(payment), notification, NOW);

    assertThat(settlement).isEqualTo(new Settlement.Refused(expected));
  }

  @Test
  void givenTheScenarios_everySettlementRefusal_isProducedByOne() {
    Set<SettlementRefusal> produced = refusals()
        .map(arguments -> (SettlementRefusal) arguments.get()[3])
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(SettlementRefusal.class)));

    assertThat(produced).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(SettlementRefusal.class));
  }

  @Test
  void givenRefusals_alertsAdmins_onlyForAnomaliesNotForDuplicates() {
    Set<SettlementRefusal> quiet = EnumSet.of(SettlementRefusal.UNKNOWN_PAYMENT, SettlementRefusal.ALREADY_SETTLED,
        SettlementRefusal.ALREADY_CANCELED, SettlementRefusal.ALREADY_REFUNDED, SettlementRefusal.STILL_PENDING);
    Set<SettlementRefusal> alerting = EnumSet.of(SettlementRefusal.CANCELED_AFTER_SUCCESS, SettlementRefusal.PAID_AFTER_CANCEL,
        SettlementRefusal.RAIL_MISMATCH, SettlementRefusal.PROVIDER_ID_MISMATCH, SettlementRefusal.CURRENCY_MISMATCH,
        SettlementRefusal.AMOUNT_MISMATCH, SettlementRefusal.USER_MISMATCH);

    assertThat(quiet).noneMatch(SettlementRefusal::alertsAdmins);
    assertThat(alerting).allMatch(SettlementRefusal::alertsAdmins);
    assertThat(EnumSet.copyOf(quiet)).hasSize(5);
    assertThat(union(quiet, alerting)).isEqualTo(EnumSet.allOf(SettlementRefusal.class));
    assertThat(EnumSet.allOf(SettlementRefusal.class)).allSatisfy(r -> assertThat(r.description()).isNotBlank());
  }

  @Test
  void givenSettledPayment_mismatchingNotification_stillAlertsRatherThanPassingAsADuplicate() {
    Payment pending = aPendingPayment().build();
    Payment settled = changed(SettlementRule.decide(Optional.of(pending), aSuccessNotificationFor(pending).build(), EARLIER));

    List<Settlement> outcomes = List.of(
        SettlementRule.decide(Optional.of(settled), aSuccessNotificationFor(pending).paidBy(SOMEONE_ELSE).build(), NOW),
        SettlementRule.decide(Optional.of(settled), aSuccessNotificationFor(pending).fromRail(Rail.TELEGRAM_STARS).build(), NOW),
        SettlementRule.decide(Optional.of(settled),
            aSuccessNotificationFor(pending).paying(Money.parse("1.00", Currency.RUB)).build(), NOW));

    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOfSatisfying(Settlement.Refused.class,
        refused -> assertThat(refused.reason().alertsAdmins()).isTrue()));
  }

  @Test
  void givenPayerNamedAsTheUser_decide_acceptsIt() {
    Payment pending = aPendingPayment().by(PAYER).build();

    assertThat(changed(SettlementRule.decide(Optional.of(pending), aSuccessNotificationFor(pending).paidBy(PAYER).build(), NOW))
        .status()).isEqualTo(PaymentStatus.SUCCEEDED);
  }

  @Test
  void givenEveryReportedStatus_onEveryFinalPayment_nothingChanges() {
    Payment pending = aPendingPayment().build();
    Payment succeeded = pending.succeeded(YOOKASSA_PAYMENT_ID, EARLIER);
    List<Payment> finals = List.of(succeeded, pending.cancel(EARLIER), succeeded.refund(EARLIER));

    for (Payment payment : finals) {
      for (ReportedStatus status : ReportedStatus.values()) {
        assertThat(SettlementRule.decide(Optional.of(payment), aSuccessNotificationFor(pending).reporting(status).build(), NOW))
            .as("%s reported for a %s payment", status, payment.status())
            .isInstanceOf(Settlement.Refused.class);
      }
    }
  }

  private static Arguments scenario(String name, Payment payment, PaymentNotification notification, SettlementRefusal expected) {
    return Arguments.of(name, payment, notification, expected);
  }

  private static Payment changed(Settlement settlement) {
    assertThat(settlement).isInstanceOf(Settlement.Changed.class);
    return ((Settlement.Changed) settlement).payment();
  }

  private static Set<SettlementRefusal> union(Set<SettlementRefusal> a, Set<SettlementRefusal> b) {
    Set<SettlementRefusal> all = EnumSet.copyOf(a);
    all.addAll(b);
    return all;
  }
}
